import * as atlassianJwt from 'atlassian-jwt';

/** One installation as the app keeps it (what the `installed` callback told it). */
export interface Tenant {
  clientKey: string;
  sharedSecret: string;
  baseUrl: string;
}

export class AuthError extends Error {}

function relativeQsh(method: string, url: string, appBaseUrl: string): string {
  const parsed = new URL(url, 'http://relative.invalid');
  return atlassianJwt.createQueryStringHash(atlassianJwt.fromMethodAndUrl(method, parsed.pathname + parsed.search), false, appBaseUrl);
}

function now(): number {
  return Math.floor(Date.now() / 1000);
}

/**
 * Verifies a signed-install callback as atlassian-connect-express does: RS256, the public key fetched
 * by `kid` from the keys URL as raw PEM, `aud` = our baseUrl, `iss` = the body's clientKey, `qsh` over
 * the callback path.
 */
export async function verifyInstall(token: string, options: { keysUrl: string; appBaseUrl: string; clientKey: string; method: string; url: string }): Promise<{ kid: string }> {
  const kid = atlassianJwt.getKeyId(token) as unknown;
  if (typeof kid !== 'string' || !/^[\w-]+$/.test(kid)) throw new AuthError('install JWT has no usable kid');
  if (atlassianJwt.getAlgorithm(token) !== 'RS256') throw new AuthError('install JWT is not RS256');
  const response = await fetch(`${options.keysUrl}/${kid}`);
  if (!response.ok) throw new AuthError(`public key ${kid} not found (HTTP ${response.status})`);
  const pem = await response.text();
  const claims = atlassianJwt.decodeAsymmetric(token, pem, atlassianJwt.AsymmetricAlgorithm.RS256) as Record<string, unknown>;
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes(options.appBaseUrl)) throw new AuthError(`install JWT aud ${JSON.stringify(claims.aud)} is not ${options.appBaseUrl}`);
  if (claims.iss !== options.clientKey) throw new AuthError('install JWT iss is not the clientKey');
  if (typeof claims.exp !== 'number' || claims.exp < now()) throw new AuthError('install JWT expired');
  if (claims.qsh !== relativeQsh(options.method, options.url, options.appBaseUrl)) throw new AuthError('install JWT qsh mismatch');
  return { kid };
}

/**
 * Verifies an HS256 token from the product (iframe URL, webhook, context token, enabled/disabled):
 * the tenant named by `iss`, its shared secret, expiry, and `qsh` (the request's, or `context-qsh`).
 */
export function verifyFromProduct(
  token: string,
  tenantFor: (clientKey: string) => Tenant | undefined,
  expect: { method: string; url: string; appBaseUrl: string } | 'context-qsh',
): { tenant: Tenant; claims: Record<string, unknown> } {
  let unverified: Record<string, unknown>;
  try {
    unverified = atlassianJwt.decodeSymmetric(token, '', atlassianJwt.SymmetricAlgorithm.HS256, true) as Record<string, unknown>;
  } catch {
    throw new AuthError('JWT could not be decoded');
  }
  const tenant = typeof unverified.iss === 'string' ? tenantFor(unverified.iss) : undefined;
  if (!tenant) throw new AuthError('JWT iss is not an installed clientKey');
  let claims: Record<string, unknown>;
  try {
    claims = atlassianJwt.decodeSymmetric(token, tenant.sharedSecret, atlassianJwt.SymmetricAlgorithm.HS256) as Record<string, unknown>;
  } catch {
    throw new AuthError('JWT signature invalid');
  }
  if (typeof claims.exp !== 'number' || claims.exp < now()) throw new AuthError('JWT expired');
  const qsh = expect === 'context-qsh' ? 'context-qsh' : relativeQsh(expect.method, expect.url, expect.appBaseUrl);
  if (claims.qsh !== qsh) throw new AuthError('JWT qsh does not match the request');
  return { tenant, claims };
}

/** A JWT for calling the product's REST API from the app's server: `iss` = the app key. */
export function signToProduct(appKey: string, sharedSecret: string, method: string, url: string, productBaseUrl: string): string {
  const parsed = new URL(url);
  return atlassianJwt.encodeSymmetric(
    {
      iss: appKey,
      iat: now(),
      exp: now() + 180,
      qsh: atlassianJwt.createQueryStringHash(atlassianJwt.fromMethodAndUrl(method, parsed.pathname + parsed.search), false, productBaseUrl),
    },
    sharedSecret,
  );
}
