import { fileURLToPath } from 'node:url';
import express, { type Request, type Response } from 'express';
import { bitbucketSampleRouter } from '../bitbucket-app/server.js';
import { readerDescriptor, sampleDescriptor, wikiDescriptor } from './descriptors.js';
import { pageHtml, type ViewName } from './views.js';
import { AuthError, signToProduct, verifyFromProduct, verifyInstall, type Tenant } from './verify.js';

interface LogEntry {
  at: string;
  what: string;
  verified: boolean;
  detail: string;
}

/**
 * The sample Connect app's server: descriptors, lifecycle callbacks (verified as
 * atlassian-connect-express verifies them), JWT-checked pages, webhooks, and a server-to-product call.
 * One Express app serves three apps: `acme-sample` at `/` and the read-only `acme-reader` at `/reader`
 * (both for Acme Tracker), and `acme-macros` at `/confluence` for Acme Wiki.
 */
export function sampleAppServer(options: { origin: string; keysUrl: string }): express.Express {
  const server = express();
  server.disable('x-powered-by');
  // Only the product this app is installed in may frame its pages (SECURITY.md: apps declare their hosts).
  const product = new URL(options.keysUrl).origin;
  server.use((_req, res, next) => {
    res.setHeader('content-security-policy', `frame-ancestors ${product}`);
    next();
  });
  server.use('/static', express.static(fileURLToPath(new URL('./public', import.meta.url)), { etag: false }));
  server.use('/reader', sampleRoutes('acme-reader', `${options.origin}/reader`, readerDescriptor, options.keysUrl, { '/page': 'reader' }));
  server.use('/confluence', sampleRoutes('acme-macros', `${options.origin}/confluence`, wikiDescriptor, options.keysUrl, WIKI_VIEWS));
  // The Bitbucket Cloud sample (Acme Code), in the style of atlassian-connect-express's Bitbucket template.
  server.use('/bitbucket-app', bitbucketSampleRouter(`${options.origin}/bitbucket-app`));
  server.use(sampleRoutes('acme-sample', options.origin, sampleDescriptor, options.keysUrl, { '/page': 'page', '/panel': 'panel', '/dialog': 'dialog', '/m/:name': 'module' }));
  return server;
}

/** The Confluence app's pages: a macro, its editor, a general page, and modules that show their context. */
const WIKI_VIEWS: Record<string, ViewName> = { '/macro': 'macro', '/macro-editor': 'macro-editor', '/wiki-page': 'wiki-page', '/m/:name': 'module' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function sampleRoutes(appKey: string, baseUrl: string, describe: (baseUrl: string) => Record<string, unknown>, keysUrl: string, views: Record<string, ViewName>): express.Router {
  const router = express.Router();
  const tenants = new Map<string, Tenant>();
  const log: LogEntry[] = [];
  const webhooks: { at: string; event: string; issueKey: string; verified: boolean; path: string }[] = [];
  const record = (what: string, verified: boolean, detail: string): void => {
    log.unshift({ at: new Date().toISOString(), what, verified, detail });
    log.length = Math.min(log.length, 100);
  };
  const tenantFor = (clientKey: string): Tenant | undefined => tenants.get(clientKey);
  const requestUrl = (req: Request): string => baseUrl.replace(/\/$/, '') + req.url;

  router.get('/atlassian-connect.json', (_req, res) => {
    res.json(describe(baseUrl));
  });

  router.post(['/installed', '/uninstalled'], express.json(), async (req, res) => {
    const body = req.body as Partial<Tenant> & { key?: string; eventType?: string };
    const token = (req.headers.authorization ?? '').replace(/^JWT /, '');
    try {
      if (typeof body.clientKey !== 'string' || typeof body.sharedSecret !== 'string' || typeof body.baseUrl !== 'string') throw new AuthError('body lacks clientKey, sharedSecret or baseUrl');
      const { kid } = await verifyInstall(token, { keysUrl, appBaseUrl: baseUrl, clientKey: body.clientKey, method: 'POST', url: requestUrl(req) });
      if (body.eventType === 'installed') tenants.set(body.clientKey, { clientKey: body.clientKey, sharedSecret: body.sharedSecret, baseUrl: body.baseUrl });
      else tenants.delete(body.clientKey);
      record(String(body.eventType), true, `RS256 signature verified with key ${kid}`);
      res.status(204).end();
    } catch (error) {
      record(String(body.eventType ?? req.path), false, (error as Error).message);
      res.status(401).json({ error: (error as Error).message });
    }
  });
  router.post(['/enabled', '/disabled'], express.json(), (req, res) => {
    try {
      verifyFromProduct((req.headers.authorization ?? '').replace(/^JWT /, ''), tenantFor, { method: 'POST', url: requestUrl(req), appBaseUrl: baseUrl });
      record(req.path.slice(1), true, 'HS256 shared-secret signature verified');
      res.status(204).end();
    } catch (error) {
      record(req.path.slice(1), false, (error as Error).message);
      res.status(401).json({ error: (error as Error).message });
    }
  });

  // A POST the product signed with the tenant's shared secret (webhooks, post functions); a failure is logged as `what`.
  const signedByProduct = (req: Request, what: string): boolean => {
    try {
      verifyFromProduct((req.headers.authorization ?? '').replace(/^JWT /, ''), tenantFor, { method: 'POST', url: requestUrl(req), appBaseUrl: baseUrl });
      return true;
    } catch (error) {
      record(what, false, (error as Error).message);
      return false;
    }
  };

  router.post('/webhook/:event', express.json({ limit: '1mb' }), (req, res) => {
    const verified = signedByProduct(req, `webhook ${req.params.event}`);
    // A declaration with excludeBody gets no body: the path says which event it was.
    const body = (req.body ?? {}) as { webhookEvent?: string; issue?: { key?: string }; comment?: { body?: string }; page?: { id?: number }; attachment?: { title?: string } };
    const event = body.webhookEvent ?? `(no body) ${req.params.event}`;
    webhooks.unshift({ at: new Date().toISOString(), event: `${event}${body.comment ? ' comment' : ''}`, issueKey: String(body.issue?.key ?? body.page?.id ?? body.attachment?.title ?? '-'), verified, path: String(req.params.event) });
    webhooks.length = Math.min(webhooks.length, 100);
    res.status(verified ? 204 : 401).end();
  });

  // A workflow post function's triggered URL: the product posts the configuration, the issue and the
  // transition, JWT-signed, when an issue takes a transition the function was added to.
  router.post('/post-function/triggered', express.json({ limit: '1mb' }), (req, res) => {
    const verified = signedByProduct(req, 'post function');
    const body = (req.body ?? {}) as { configuration?: { value?: unknown }; issue?: { key?: string }; transition?: { to_status?: unknown } };
    const event = `post function to ${String(body.transition?.to_status ?? '?')} with ${String(body.configuration?.value ?? '')}`;
    webhooks.unshift({ at: new Date().toISOString(), event, issueKey: String(body.issue?.key ?? '-'), verified, path: 'post-function/triggered' });
    webhooks.length = Math.min(webhooks.length, 100);
    res.status(verified ? 204 : 401).end();
  });

  // Pages: the iframe URL's JWT is checked before anything is rendered, as Connect apps do. `/m/<name>`
  // serves the modules that only show where they are (their context and the verified JWT).
  for (const [path, view] of Object.entries(views)) {
    router.get(path, (req, res) => {
      try {
        const { tenant, claims } = verifyFromProduct(String(req.query.jwt ?? ''), tenantFor, { method: 'GET', url: requestUrl(req), appBaseUrl: baseUrl });
        res.type('html').send(pageHtml({ view, productBaseUrl: tenant.baseUrl, accountId: String(claims.sub ?? ''), apiBase: baseUrl, name: String(req.params.name ?? view) }));
      } catch (error) {
        res.status(401).type('text/plain').send(`The sample app refused this request: ${(error as Error).message}`);
      }
    });
  }

  // A static content macro: the wiki fetches this HTML (JWT-signed) and sanitises it before showing it.
  if (appKey === 'acme-macros') {
    router.get('/static-macro', (req, res) => {
      try {
        verifyFromProduct(String(req.query.jwt ?? ''), tenantFor, { method: 'GET', url: requestUrl(req), appBaseUrl: baseUrl });
      } catch (error) {
        return void res.status(401).type('text/plain').send(`The sample app refused this request: ${(error as Error).message}`);
      }
      const q = (name: string): string => escapeHtml(String(req.query[name] ?? ''));
      const status = q('status') || 'green';
      const label = req.query.shout === 'true' ? status.toUpperCase() : status;
      // The script and the handler are what a careless app might send: the wiki's sanitiser drops them.
      res.type('html').send(`<span class="sample-status status-${status}" data-testid="sample-status" onclick="alert(1)">${label}</span>`
        + `<span class="muted"> count ${q('count') || '0'} · space ${q('space') || '-'} · owner ${q('owner') || '-'} · page ${q('pageId')}</span>`
        + `<script>parent.postMessage('static macro script ran', '*')</script><div data-testid="sample-status-body">${q('body')}</div>`);
    });
  }

  // The app's own API, called by its pages with AP.context.getToken() as `Authorization: JWT ...`.
  const contextAuth = (req: Request, res: Response): { tenant: Tenant; claims: Record<string, unknown> } | undefined => {
    try {
      return verifyFromProduct((req.headers.authorization ?? '').replace(/^JWT /, ''), tenantFor, 'context-qsh');
    } catch (error) {
      res.status(401).json({ error: (error as Error).message });
      return undefined;
    }
  };
  router.get('/api/status', (req, res) => {
    const auth = contextAuth(req, res);
    if (!auth) return;
    res.json({ verifiedUser: auth.claims.sub, context: auth.claims.context ?? null, lifecycle: log, webhooks });
  });
  router.get('/api/server-search', async (req, res) => {
    const auth = contextAuth(req, res);
    if (!auth) return;
    // App server -> product: a Connect JWT with iss = our app key and a qsh over this exact request.
    const url = `${auth.tenant.baseUrl}/rest/api/3/search?jql=${encodeURIComponent('project = DEMO')}`;
    const token = signToProduct(appKey, auth.tenant.sharedSecret, 'GET', url, auth.tenant.baseUrl);
    const response = await fetch(url, { headers: { authorization: `JWT ${token}`, accept: 'application/json' } });
    const body = (await response.json()) as { total?: number; issues?: { key: string }[] };
    res.status(response.ok ? 200 : 502).json({ status: response.status, total: body.total, keys: body.issues?.map((i) => i.key) ?? [], body: response.ok ? undefined : body });
  });
  return router;
}
