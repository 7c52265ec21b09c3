import { fileURLToPath } from 'node:url';
import * as atlassianJwt from 'atlassian-jwt';
import express, { type Request, type Response } from 'express';
import { AuthError, verifyFromProduct, type Tenant } from '../app/verify.js';
import { bitbucketSampleDescriptor } from './descriptor.js';

type View = 'connect-example' | 'panel' | 'item' | 'file-view';

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(view: View, tenant: Tenant, claims: Record<string, unknown>, base: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hello Bitbucket</title>
<link rel="stylesheet" href="${escape(base)}/static/addon.css"></head>
<body data-view="${view}" data-base="${escape(base)}" data-sub="${escape(String(claims.sub ?? ''))}">
<div class="ac-content">
  <h1>${view === 'connect-example' ? 'Hello from Acme Code' : view === 'file-view' ? 'Line counter' : view === 'panel' ? 'Example Web Panel' : 'Example Web Item'}</h1>
  <p>JWT verified for user <code data-testid="jwt-sub">${escape(String(claims.sub ?? ''))}</code> of <code data-testid="jwt-iss">${escape(tenant.clientKey)}</code></p>
  <dl data-testid="params"></dl>
  <p data-testid="user-greeting"></p>
  <p data-testid="visits"></p>
  <p data-testid="file-summary"></p>
  <p data-testid="webhooks"></p>
  <p data-testid="lifecycle"></p>
</div>
<script src="${escape(tenant.baseUrl)}/atlassian-connect/all.js"></script>
<script src="${escape(base)}/static/addon.js"></script>
</body></html>`;
}

/**
 * The Bitbucket sample app's server, written the way atlassian-connect-express's Bitbucket template
 * is: the descriptor, `installed`/`uninstalled` (a first install is accepted, a re-install must be
 * signed with the secret stored before), JWT-checked pages, and a webhook that is logged.
 */
export function bitbucketSampleRouter(baseUrl: string): express.Router {
  const router = express.Router();
  const tenants = new Map<string, Tenant>();
  const webhooks: { event: string; commit: string; verified: boolean; at: string }[] = [];
  const lifecycle: string[] = [];
  const url = (req: Request): string => baseUrl + req.url;
  const token = (req: Request): string => String(req.query.jwt ?? (req.headers.authorization ?? '').replace(/^JWT /, ''));

  router.use('/static', express.static(fileURLToPath(new URL('./public', import.meta.url)), { etag: false }));
  router.get('/atlassian-connect.json', (_req, res) => void res.json(bitbucketSampleDescriptor(baseUrl)));

  router.post(['/installed', '/uninstalled'], express.json(), (req, res) => {
    const body = req.body as Partial<Tenant> & { eventType?: string; principal?: { uuid?: string }; user?: { uuid?: string } };
    try {
      if (typeof body.clientKey !== 'string' || typeof body.baseUrl !== 'string') throw new AuthError('the body lacks clientKey or baseUrl');
      const known = tenants.get(body.clientKey);
      // As atlassian-connect-express does: a client seen before must sign with the secret it gave us.
      if (known) verifyFromProduct(token(req), (iss) => (iss === known.clientKey ? known : undefined), { method: 'POST', url: url(req), appBaseUrl: baseUrl });
      if (body.eventType === 'installed') {
        if (typeof body.sharedSecret !== 'string') throw new AuthError('the body lacks sharedSecret');
        tenants.set(body.clientKey, { clientKey: body.clientKey, sharedSecret: body.sharedSecret, baseUrl: body.baseUrl });
      } else {
        tenants.delete(body.clientKey);
      }
      lifecycle.unshift(`${String(body.eventType)} workspace ${String(body.principal?.uuid)} by ${String(body.user?.uuid)}${known ? ' (signed re-install verified)' : ''}`);
      res.status(204).end();
    } catch (error) {
      lifecycle.unshift(`${String(body.eventType)} REFUSED: ${(error as Error).message}`);
      res.status(401).json({ error: (error as Error).message });
    }
  });

  router.post('/webhook', express.json({ limit: '1mb' }), (req, res) => {
    const event = String(req.headers['x-event-key'] ?? '');
    const body = req.body as { push?: { changes?: { new?: { target?: { hash?: string; message?: string } } }[] } };
    let verified = false;
    try {
      verifyFromProduct(token(req), (iss) => tenants.get(iss), { method: 'POST', url: url(req), appBaseUrl: baseUrl });
      verified = true;
    } catch {
      verified = false;
    }
    const target = body.push?.changes?.[0]?.new?.target;
    webhooks.unshift({ event, commit: `${String(target?.hash ?? '').slice(0, 7)} ${String(target?.message ?? '')}`, verified, at: new Date().toISOString() });
    webhooks.length = Math.min(webhooks.length, 50);
    console.log(`[Hello Bitbucket] webhook ${event} ${verified ? 'verified' : 'NOT verified'}: ${webhooks[0]!.commit}`);
    res.status(verified ? 204 : 401).end();
  });

  const views: Record<string, View> = { '/connect-example': 'connect-example', '/panel': 'panel', '/item': 'item', '/file-view': 'file-view' };
  for (const [path, view] of Object.entries(views)) {
    router.get(path, (req, res) => {
      try {
        const { tenant, claims } = verifyFromProduct(token(req), (iss) => tenants.get(iss), { method: 'GET', url: url(req), appBaseUrl: baseUrl });
        res.type('html').send(page(view, tenant, claims, baseUrl));
      } catch (error) {
        res.status(401).type('text/plain').send(`Hello Bitbucket refused this request: ${(error as Error).message}`);
      }
    });
  }

  // What the pages show of the app server: the webhooks logged (asked with AP.context.getToken()).
  router.get('/api/webhooks', (req: Request, res: Response) => {
    try {
      verifyFromProduct(token(req), (iss) => tenants.get(iss), 'context-qsh');
      res.json({ webhooks, lifecycle });
    } catch (error) {
      res.status(401).json({ error: (error as Error).message });
    }
  });
  // The app server calling Bitbucket's API: a JWT with iss = the app key, sub = the clientKey, qsh.
  router.get('/api/repository', async (req: Request, res: Response) => {
    try {
      const { tenant } = verifyFromProduct(token(req), (iss) => tenants.get(iss), 'context-qsh');
      const target = `${tenant.baseUrl}/2.0/repositories/demo/hello`;
      const now = Math.floor(Date.now() / 1000);
      const jwt = atlassianJwt.encodeSymmetric(
        { iss: 'acme-code-sample', sub: tenant.clientKey, iat: now, exp: now + 180, qsh: atlassianJwt.createQueryStringHash(atlassianJwt.fromMethodAndUrl('GET', new URL(target).pathname), false, tenant.baseUrl) },
        tenant.sharedSecret,
      );
      const response = await fetch(target, { headers: { authorization: `JWT ${jwt}` } });
      res.status(response.status).json(await response.json());
    } catch (error) {
      res.status(401).json({ error: (error as Error).message });
    }
  });
  return router;
}
