import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as atlassianJwt from 'atlassian-jwt';

/** Connect's lifetime for iframe and context tokens. */
export const TOKEN_SECONDS = 180;

/** The RSA key pair the simulator signs install callbacks with; `kid` names the public key. */
export interface SigningKey {
  kid: string;
  publicPem: string;
  privatePem: string;
}

/** Loads the install-signing key from the data directory, creating it on first start. */
export function loadSigningKey(dataDir: string): SigningKey {
  const file = join(dataDir, 'install-key.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as SigningKey;
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key: SigningKey = {
    kid: `apb-${randomBytes(8).toString('hex')}`,
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  writeFileSync(file, JSON.stringify(key), { mode: 0o600 });
  return key;
}

/**
 * The Connect query string hash of `method` + `url`. `url` may be absolute; `baseUrl` (the app's or
 * the product's) is stripped from the path first, as Connect hashes paths relative to it.
 */
export function qsh(method: string, url: string, baseUrl?: string): string {
  const parsed = new URL(url, 'http://relative.invalid');
  return atlassianJwt.createQueryStringHash(
    atlassianJwt.fromMethodAndUrl(method, parsed.pathname + parsed.search),
    false,
    baseUrl,
  );
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

/** The RS256 token Connect puts on `installed`/`uninstalled` callbacks (signed-install). */
export function signInstallCallback(key: SigningKey, clientKey: string, appBaseUrl: string, callbackUrl: string): string {
  return atlassianJwt.encodeAsymmetric(
    { iss: clientKey, aud: [appBaseUrl], iat: now(), exp: now() + TOKEN_SECONDS, qsh: qsh('POST', callbackUrl, appBaseUrl) },
    key.privatePem,
    atlassianJwt.AsymmetricAlgorithm.RS256,
    { kid: key.kid },
  );
}

/**
 * An HS256 token for the app (iframe URL, webhook, `enabled`/`disabled` callback, context token).
 * `request` is the method and URL it authenticates, or `'context-qsh'` for a context token.
 */
export function signForApp(options: {
  sharedSecret: string;
  clientKey: string;
  accountId?: string;
  request: { method: string; url: string; appBaseUrl: string } | 'context-qsh';
  context?: Record<string, unknown>;
  seconds?: number;
}): string {
  const { request } = options;
  const payload: Record<string, unknown> = {
    iss: options.clientKey,
    iat: now(),
    exp: now() + (options.seconds ?? TOKEN_SECONDS),
    qsh: request === 'context-qsh' ? 'context-qsh' : qsh(request.method, request.url, request.appBaseUrl),
  };
  if (options.accountId) payload.sub = options.accountId;
  if (options.context) payload.context = options.context;
  return atlassianJwt.encodeSymmetric(payload, options.sharedSecret, atlassianJwt.SymmetricAlgorithm.HS256);
}

export class JwtError extends Error {}

/**
 * Verifies a JWT an app's server sent with a REST request: `iss` names the app, the HS256 signature
 * uses that app's shared secret, it has not expired, and `qsh` matches this request.
 */
export function verifyFromApp(
  token: string,
  secretFor: (iss: string) => string | undefined,
  request: { method: string; url: string },
): { appKey: string; claims: Record<string, unknown> } {
  let unverified: Record<string, unknown>;
  try {
    unverified = atlassianJwt.decodeSymmetric(token, '', atlassianJwt.SymmetricAlgorithm.HS256, true) as Record<string, unknown>;
  } catch {
    throw new JwtError('The JWT could not be decoded');
  }
  const iss = typeof unverified.iss === 'string' ? unverified.iss : '';
  const secret = secretFor(iss);
  if (!secret) throw new JwtError(`No installed app "${iss}" (the JWT's iss must be the app key)`);
  let claims: Record<string, unknown>;
  try {
    // The algorithm is fixed here, not taken from the token's header.
    claims = atlassianJwt.decodeSymmetric(token, secret, atlassianJwt.SymmetricAlgorithm.HS256) as Record<string, unknown>;
  } catch {
    throw new JwtError('The JWT signature does not match the shared secret');
  }
  if (typeof claims.exp !== 'number' || claims.exp < now() - 5) throw new JwtError('The JWT has expired');
  if (claims.qsh !== qsh(request.method, request.url)) throw new JwtError('The JWT qsh does not match this request');
  return { appKey: iss, claims };
}
