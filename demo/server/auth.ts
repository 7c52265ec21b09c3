import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { descriptorOf } from './install.js';
import { JwtError, verifyFromApp } from './jwt.js';
import { hasScope, requiredScope } from './scopes.js';
import { USERS, type Store, type User } from './store.js';

export const SESSION_COOKIE = 'apb_session';

/** Who a request acts as, and for which app (if any) it was made. */
export interface Actor {
  user: User;
  /** Set when the request came through the bridge (`AP-Client-Key`) or from an app's server (JWT). */
  appKey?: string;
  via: 'session' | 'bridge' | 'app-jwt';
}

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

/** Signs session cookies; the secret lives in the data directory so sessions survive restarts. */
export function sessionSecret(dataDir: string): string {
  const file = join(dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8');
}

function sign(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

export function sessionCookieValue(secret: string, userName: string): string {
  return `${userName}.${sign(secret, userName)}`;
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return decodeURIComponent(part.slice(at + 1).trim());
  }
  return undefined;
}

/** The logged-in user from the session cookie, or undefined. */
export function sessionUser(req: Request, secret: string): User | undefined {
  const value = readCookie(req, SESSION_COOKIE);
  if (!value) return undefined;
  const dot = value.lastIndexOf('.');
  const name = value.slice(0, dot);
  const expected = Buffer.from(sign(secret, name));
  const given = Buffer.from(value.slice(dot + 1));
  if (dot < 1 || expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  return USERS.find((u) => u.name === name);
}

/** The user an app's server acts as: Connect gives each app its own bot user. */
export function appUser(key: string, name: string): User {
  return { name: `addon_${key}`, accountId: `addon_${key}`, displayName: name, email: '', siteAdmin: false, timeZone: 'UTC', locale: 'en-US' };
}

export function jsonError(res: Response, status: number, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ errorMessages: [message], errors: {}, ...extra });
}

/**
 * Authenticates a REST request and enforces app scopes. Three ways in: an app's server with
 * `Authorization: JWT ...` (iss = app key, qsh over this request); the bridge, which adds
 * `AP-Client-Key: <app key>` to a request carrying the user's session; or the user's own session.
 * Both app paths are held to the scopes in the app's descriptor.
 */
export function restAuth(store: Store, secret: string, productOrigin: string, contextPath = '') {
  // Connect hashes (qsh) and scopes paths relative to the product's context path (`/wiki`).
  const local = (path: string): string => (contextPath && path.startsWith(`${contextPath}/`) ? path.slice(contextPath.length) : path);
  return (req: Request, res: Response, next: NextFunction): void => {
    const authorization = req.headers.authorization ?? '';
    const path = local(req.baseUrl + req.path);
    let actor: Actor;
    if (authorization.startsWith('JWT ')) {
      try {
        const { appKey } = verifyFromApp(
          authorization.slice(4).trim(),
          (iss) => {
            const installation = store.installation(iss);
            return installation?.enabled ? installation.sharedSecret : undefined;
          },
          { method: req.method, url: local(req.originalUrl) },
        );
        const installation = store.installation(appKey)!;
        actor = { user: appUser(appKey, descriptorOf(installation).name), appKey, via: 'app-jwt' };
      } catch (error) {
        jsonError(res, 401, error instanceof JwtError ? error.message : 'Invalid JWT', { code: 'JWT_INVALID' });
        return;
      }
    } else {
      const user = sessionUser(req, secret);
      if (!user) {
        jsonError(res, 401, 'You are not logged in. Open /login?user=admin or /login?user=alice first.', { code: 'NOT_LOGGED_IN' });
        return;
      }
      // A cookie-authenticated write from another site is a cross-site request forgery.
      const origin = req.headers.origin;
      if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method) && origin !== undefined && origin !== productOrigin) {
        jsonError(res, 403, `Cross-origin write from ${origin} refused`, { code: 'XSRF' });
        return;
      }
      const clientKey = req.headers['ap-client-key'];
      if (typeof clientKey === 'string' && clientKey) {
        const installation = store.installation(clientKey);
        if (!installation || !installation.enabled) {
          jsonError(res, 403, `App "${clientKey}" is not installed and enabled`, { code: 'APP_NOT_ENABLED', appKey: clientKey });
          return;
        }
        actor = { user, appKey: clientKey, via: 'bridge' };
      } else {
        actor = { user, via: 'session' };
      }
    }
    const needed = requiredScope(req.method, path);
    if (actor.appKey && needed) {
      const installation = store.installation(actor.appKey)!;
      const granted = descriptorOf(installation).scopes;
      if (!hasScope(granted, needed)) {
        jsonError(
          res,
          403,
          `The app "${actor.appKey}" needs the ${needed} scope for ${req.method} ${path}; its descriptor declares ${granted.length ? granted.join(', ') : 'no scopes'}.`,
          { code: 'SCOPE_MISSING', appKey: actor.appKey, requiredScope: needed, grantedScopes: granted },
        );
        return;
      }
    }
    req.actor = actor;
    next();
  };
}
