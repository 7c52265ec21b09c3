import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import { restApi } from './api.js';
import { SESSION_COOKIE, jsonError, restAuth, sessionCookieValue, sessionSecret, sessionUser } from './auth.js';
import { DescriptorError } from './descriptor.js';
import { html } from './html.js';
import { descriptorOf, install, setEnabled, uninstall, type ProductInfo } from './install.js';
import { issueService } from './issues.js';
import { signForApp } from './jwt.js';
import { layout, type PageState } from './layout.js';
import { enabledApps, hostApps, jiraContext, moduleUrl, type PageContext, type ViewSpec } from './modules.js';
import { adminAppsPage, generalPage, issueListPage, issuePage, loginPage, messagePage } from './pages.js';
import { USERS, type Issue, type User } from './store.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const PANEL_LOCATIONS = new Set(['atl.jira.view.issue.right.context', 'atl.jira.view.issue.left.context']);

declare module 'express-serve-static-core' {
  interface Request {
    user?: User;
  }
}

/**
 * The product's HTTP server: pages, REST API, install admin, bundle and key hosting.
 * `sampleDescriptor` pre-fills the admin install form.
 */
export function productApp(product: ProductInfo, options: { sampleDescriptor?: string } = {}): express.Express {
  const app = express();
  const origin = new URL(product.baseUrl).origin;
  const secret = sessionSecret(product.store.dir);
  app.disable('x-powered-by');
  app.set('etag', false);
  // The product frames apps, never the other way round: no page of it may be framed by another site.
  app.use((_req, res, next) => {
    res.setHeader('content-security-policy', "frame-ancestors 'self'");
    res.setHeader('x-frame-options', 'SAMEORIGIN');
    next();
  });

  // The bundles: app iframes on any origin load all.js from the product, as they did from Connect.
  const cors = (_req: Request, res: Response, next: NextFunction): void => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('cache-control', 'no-cache');
    next();
  };
  app.get('/atlassian-connect/all.js', cors, (_req, res) => res.sendFile('dist/all.js', { root }));
  app.get('/atlassian-connect/all.js.map', cors, (_req, res) => res.sendFile('dist/all.js.map', { root }));
  app.get('/atlassian-connect/all.css', cors, (_req, res) => res.sendFile('demo/public/connect-all.css', { root }));
  app.use('/dist', cors, express.static(`${root}dist`, { etag: false }));
  app.use('/static', express.static(`${root}demo/public`, { etag: false }));

  app.get('/connect-keys/:kid', (req, res) => {
    // ACE expects the raw PEM body (it refuses JWK).
    if (req.params.kid !== product.key.kid) return void res.status(404).type('text/plain').send('Unknown key id');
    res.type('text/plain').send(product.key.publicPem);
  });

  app.get('/login', (req, res) => {
    const next = typeof req.query.next === 'string' && req.query.next.startsWith('/') && !req.query.next.startsWith('//') ? req.query.next : '/';
    const user = USERS.find((u) => u.name === req.query.user);
    if (!user) return void res.type('html').send(loginPage(next));
    res.cookie(SESSION_COOKIE, sessionCookieValue(secret, user.name), { httpOnly: true, sameSite: 'lax', path: '/' });
    res.redirect(next);
  });
  app.get('/logout', (_req, res) => {
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect('/login');
  });

  app.use('/rest/api/3', restAuth(product.store, secret, origin), restApi(product));

  // Everything below is a page or a form of the product and needs a logged-in user.
  app.use((req, res, next) => {
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
  });
  app.use(express.urlencoded({ extended: false, limit: '64kb' }));

  const page = (req: Request, res: Response, title: string, active: string, body: ReturnType<typeof html>, ctx?: PageContext, views: ViewSpec[] = []): void => {
    const user = req.user!;
    const state: PageState = {
      productBaseUrl: product.baseUrl,
      user: { accountId: user.accountId, timeZone: user.timeZone, locale: user.locale, displayName: user.displayName },
      apps: hostApps(product),
      views,
      location: ctx?.issue ? { target: 'issue', context: { issueKey: ctx.issue.key, projectKey: ctx.issue.projectKey } } : { target: active, context: {} },
    };
    res.type('html').send(layout({ product, user, title, path: req.originalUrl, active, body, state }));
  };

  app.get('/', (_req, res) => res.redirect('/projects/DEMO/issues'));
  app.get('/projects/DEMO/issues', (req, res) => {
    const text = typeof req.query.text === 'string' ? req.query.text : '';
    const issues = product.store.issues().filter((i) => !text || `${i.key} ${i.summary}`.toLowerCase().includes(text.toLowerCase()));
    page(req, res, 'Issues', 'issues', issueListPage(issues, text), { projectKey: 'DEMO' });
  });
  app.post('/projects/DEMO/issues', (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const summary = (body.summary ?? '').trim().slice(0, 255);
    if (!summary) return void res.redirect('/projects/DEMO/issues#create');
    const issueType = (['Task', 'Bug', 'Story'] as const).find((t) => t === body.issueType) ?? 'Task';
    const issue = issueService.create(product, req.user!, { projectKey: 'DEMO', summary, issueType, description: (body.description ?? '').slice(0, 32_000) });
    res.redirect(`/browse/${issue.key}`);
  });

  app.get('/browse/:key', (req, res) => {
    const issue = product.store.issue(String(req.params.key));
    if (!issue) return void page(req, res, 'Not found', 'issues', messagePage('Issue not found', `There is no issue ${String(req.params.key)}.`));
    const ctx: PageContext = { issue };
    const panels = enabledApps(product).flatMap(({ installation, descriptor }) =>
      (descriptor.modules.webPanels ?? [])
        .filter((m) => PANEL_LOCATIONS.has(String(m.location)))
        .map((m) => ({
          title: m.name,
          appName: descriptor.name,
          spec: {
            app: installation.key,
            moduleKey: m.key,
            url: moduleUrl(product, installation, m, ctx, req.user!),
            context: jiraContext(ctx),
            container: `panel-${installation.key}-${m.key}`.replace(/[^\w-]/g, '_'),
            height: '120px',
          },
        })),
    );
    page(req, res, `${issue.key} ${issue.summary}`, 'issues', issuePage(issue, panels), ctx, panels.map((p) => p.spec));
  });
  app.post('/browse/:key/edit', (req, res) => {
    const issue = product.store.issue(String(req.params.key));
    if (!issue) return void res.redirect('/projects/DEMO/issues');
    const body = req.body as Record<string, string | undefined>;
    const fields: Partial<Issue> = {};
    if (body.summary?.trim()) fields.summary = body.summary.trim().slice(0, 255);
    const status = (['To Do', 'In Progress', 'Done'] as const).find((s) => s === body.status);
    if (status) fields.status = status;
    issueService.update(product, req.user!, issue, fields);
    res.redirect(`/browse/${issue.key}`);
  });

  app.get('/plugins/servlet/ac/:app/:module', (req, res) => {
    const found = enabledApps(product).find((a) => a.installation.key === req.params.app);
    const declaration = found && [...(found.descriptor.modules.generalPages ?? []), ...(found.descriptor.modules.adminPages ?? [])].find((m) => m.key === req.params.module);
    if (!found || !declaration) {
      return void page(req, res, 'Not found', 'apps', messagePage('Page not found', `No enabled app page ${String(req.params.app)}/${String(req.params.module)}.`));
    }
    const projectKey = typeof req.query['project.key'] === 'string' ? req.query['project.key'] : 'DEMO';
    const ctx: PageContext = { projectKey };
    const container = 'general-frame';
    const spec: ViewSpec = {
      app: found.installation.key,
      moduleKey: declaration.key,
      url: moduleUrl(product, found.installation, declaration, ctx, req.user!),
      context: jiraContext(ctx),
      container,
      height: '480px',
      options: { isFullPage: true },
    };
    page(req, res, declaration.name, 'apps', generalPage(declaration.name, found.descriptor.name, container), ctx, [spec]);
  });

  // The product's server signs context tokens for AP.context.getToken() (the host asks for them).
  // A dialog's URL, signed when AP.dialog.create opens it (host option resolveModuleUrl), so its JWT
  // is as short-lived as any other iframe's.
  app.post('/simulator/module-url', express.json(), (req, res) => {
    const body = req.body as { app?: unknown; moduleKey?: unknown; issueKey?: unknown };
    const installation = typeof body.app === 'string' ? product.store.installation(body.app) : undefined;
    if (!installation?.enabled) return jsonError(res, 404, 'No enabled app with that key');
    const declaration = (descriptorOf(installation).modules.dialogs ?? []).find((d) => d.key === body.moduleKey);
    if (!declaration) return jsonError(res, 404, 'The app has no dialog module with that key');
    const issue = typeof body.issueKey === 'string' ? product.store.issue(body.issueKey) : undefined;
    const ctx: PageContext = issue ? { issue, projectKey: issue.projectKey } : {};
    res.json({ url: moduleUrl(product, installation, declaration, ctx, req.user!) });
  });

  app.post('/simulator/context-token', express.json(), (req, res) => {
    const body = req.body as { app?: unknown; context?: unknown };
    const installation = typeof body.app === 'string' ? product.store.installation(body.app) : undefined;
    if (!installation?.enabled) return jsonError(res, 404, 'No enabled app with that key');
    const context = body.context && typeof body.context === 'object' ? (body.context as Record<string, unknown>) : {};
    const token = signForApp({ sharedSecret: installation.sharedSecret, clientKey: product.store.clientKey, accountId: req.user!.accountId, request: 'context-qsh', context });
    res.json({ token });
  });

  const admin = express.Router();
  admin.use((req, res, next) => {
    if (!req.user!.siteAdmin) {
      res.status(403);
      return void page(req, res, 'Forbidden', 'admin', messagePage('Admins only', 'Switch to the admin user to manage apps.'));
    }
    next();
  });
  const renderAdmin = (req: Request, res: Response, flash?: Parameters<typeof adminAppsPage>[1]): void =>
    page(req, res, 'Manage apps', 'admin', adminAppsPage(product, flash, options.sampleDescriptor));
  admin.get('/apps', (req, res) => renderAdmin(req, res));
  admin.post('/apps/install', async (req, res) => {
    const url = String((req.body as { url?: unknown }).url ?? '').trim();
    try {
      const installation = await install(product, url);
      renderAdmin(req, res, { kind: 'ok', text: `Installed ${descriptorOf(installation).name} (${installation.key}).` });
    } catch (error) {
      res.status(400);
      const problems = error instanceof DescriptorError ? error.problems : undefined;
      renderAdmin(req, res, { kind: 'error', text: problems ? `The descriptor at ${url} is not valid:` : (error as Error).message, ...(problems ? { problems } : {}) });
    }
  });
  admin.post('/apps/:key/:action', async (req, res) => {
    const installation = product.store.installation(String(req.params.key));
    if (!installation) return void renderAdmin(req, res, { kind: 'error', text: `No app ${String(req.params.key)}` });
    const action = req.params.action;
    if (action === 'enable' || action === 'disable') await setEnabled(product, installation, action === 'enable');
    else if (action === 'uninstall') await uninstall(product, installation);
    else if (action === 'license') {
      const license = (req.body as { license?: unknown }).license === 'none' ? 'none' : 'active';
      product.store.updateInstallation(installation, { license });
    } else return void renderAdmin(req, res, { kind: 'error', text: 'Unknown action' });
    renderAdmin(req, res, { kind: 'ok', text: `${installation.key}: ${action} done.` });
  });
  app.use('/admin', admin);

  app.use((req: Request, res: Response) => {
    res.status(404);
    page(req, res, 'Not found', '', messagePage('Page not found', `Nothing at ${req.path}.`));
  });
  return app;
}
