import express, { type RequestHandler } from 'express';
import { SESSION_COOKIE, jsonError, sessionCookieValue, sessionUser } from '../auth.js';
import { loginPage } from '../pages.js';
import { USERS } from '../store.js';

/** `/login?user=<name>` and `/logout`: the simulator has seeded users and no passwords. */
export function sessionRouter(secret: string): express.Router {
  const router = express.Router();
  router.get('/login', (req, res) => {
    const next = typeof req.query.next === 'string' && req.query.next.startsWith('/') && !req.query.next.startsWith('//') ? req.query.next : '/';
    const user = USERS.find((u) => u.name === req.query.user);
    if (!user) return void res.type('html').send(loginPage(next));
    res.cookie(SESSION_COOKIE, sessionCookieValue(secret, user.name), { httpOnly: true, sameSite: 'lax', path: '/' });
    res.redirect(next);
  });
  router.get('/logout', (_req, res) => {
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect('/login');
  });
  return router;
}

/**
 * Everything after this is a page or a form of the product: it needs a logged-in user, and a form
 * post from another origin is refused.
 */
export function requireLogin(secret: string, origin: string): RequestHandler {
  return (req, res, next) => {
    const user = sessionUser(req, secret);
    if (!user) {
      if (req.method === 'GET') return void res.redirect(`/login?next=${encodeURIComponent(req.originalUrl)}`);
      return jsonError(res, 401, 'Not logged in');
    }
    if (req.method !== 'GET' && req.headers.origin !== undefined && req.headers.origin !== origin) {
      return jsonError(res, 403, 'Cross-origin form post refused');
    }
    req.user = user;
    next();
  };
}
