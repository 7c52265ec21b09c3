import express, { type Request, type Response } from 'express';
import { jsonError, sessionUser } from '../auth.js';
import { html } from '../html.js';
import { signForApp } from '../jwt.js';
import { messagePage } from '../pages.js';
import { requireLogin } from '../routes/session.js';
import type { User } from '../store.js';
import { codeApi } from './api.js';
import { BitbucketDescriptorError } from './descriptor.js';
import { BitbucketStore, descriptorOfInstall, firePush, installBitbucketApp, uninstallBitbucketApp, type CodeProduct } from './install.js';
import type { ViewSpec } from '../modules.js';
import { codeContext, codeModules, codeViewSpec, type CodeContext, type CodeModule } from './modules.js';
import { REPO, Repository, bitbucketUser } from './repo.js';
import { appsAdmin, codeLayout, commitsPage, filePage, repoOverview, repoPageBody, type CodePageState } from './views.js';

export { BitbucketStore, installBitbucketApp };

const HOME = `/${REPO.fullName}`;

function containerFor(m: CodeModule): string {
  return `code-${m.installation.key}-${m.module.key}`.replace(/[^\w-]/g, '_');
}

/**
 * Acme Code, a small Bitbucket Cloud, under `/bitbucket` on the product origin: the repository
 * `demo/hello` with the installed apps' repo pages, web panels, web items and file views; the
 * workspace's apps admin; the 2.0 REST API; and the signing endpoints its pages' host uses.
 */
export function bitbucketRouter(options: { productBaseUrl: string; store: BitbucketStore; secret: string; sampleDescriptor?: string }): express.Router {
  const code: CodeProduct = { baseUrl: `${options.productBaseUrl}/bitbucket`, store: options.store };
  const repo = new Repository();
  const origin = new URL(options.productBaseUrl).origin;
  const router = express.Router();

  // Apps load all.js from the product's base URL, as Bitbucket apps load https://bitbucket.org/atlassian-connect/all.js.
  router.get('/atlassian-connect/all.js', (_req, res) => res.redirect('/atlassian-connect/all.js'));
  router.use(codeApi(code, repo, (req) => sessionUser(req, options.secret)));
  router.use(requireLogin(options.secret, origin));
  router.use(express.urlencoded({ extended: false, limit: '64kb' }));

  function render(req: Request, res: Response, title: string, body: ReturnType<typeof html>, views: ViewSpec[] = []): void {
    const user = req.user!;
    const state: CodePageState = {
      productBaseUrl: options.productBaseUrl,
      user: { accountId: String(bitbucketUser(user).uuid), timeZone: user.timeZone, locale: user.locale },
      apps: code.store.installations().map((i) => {
        const d = descriptorOfInstall(i);
        return { key: i.key, name: d.name, baseUrl: d.baseUrl, modules: d.modules };
      }),
      views,
    };
    const webItems = codeModules(code, 'webItems', 'org.bitbucket.repository.navigation').map((m) => ({
      // An absolute URL leaves the product; an app URL shows full-page in the repository, as a repo page.
      href: /^https?:/.test(m.module.url) ? m.module.url : `/bitbucket${HOME}/addon/${encodeURIComponent(m.installation.key)}/${encodeURIComponent(m.module.key)}`,
      name: m.module.name,
      app: m.installation.key,
    }));
    res.type('html').send(codeLayout({ title, user, path: req.originalUrl, body, sidebar: { repoPages: codeModules(code, 'repoPages'), webItems }, state }));
  }

  router.get('/', (_req, res) => res.redirect(`/bitbucket${HOME}`));
  router.get(HOME, (req, res) => {
    const ctx: CodeContext = { user: req.user! };
    const panels = codeModules(code, 'webPanels', 'org.bitbucket.repository.overview.informationPanel');
    const views = panels.map((m) => codeViewSpec(code, m, ctx, containerFor(m)));
    render(req, res, REPO.fullName, repoOverview(repo.head, repo.history(), panels.map((m) => ({ title: m.module.name, appName: m.appName, container: containerFor(m) }))), views);
  });
  router.get(`${HOME}/commits`, (req, res) => render(req, res, 'Commits', commitsPage(repo.history())));
  router.get(`${HOME}/src/:commit/*path`, (req, res) => {
    const commit = repo.commit(String(req.params.commit));
    const path = ([] as string[]).concat((req.params as { path?: string | string[] }).path ?? []).join('/');
    if (!commit || !Object.hasOwn(commit.files, path)) {
      res.status(404);
      return render(req, res, 'Not found', messagePage('File not found', `No ${path} at ${String(req.params.commit)}.`));
    }
    const viewers = codeModules(code, 'fileViews');
    const wanted = typeof req.query.fileviewer === 'string' ? req.query.fileviewer : '';
    const chosen = viewers.find((v) => `${v.installation.key}:${v.module.key}` === wanted);
    const ctx: CodeContext = { user: req.user!, file: { path, commit } };
    const container = 'file-view-frame';
    render(req, res, path, filePage(path, commit, viewers, chosen, container), chosen ? [codeViewSpec(code, chosen, ctx, container, { isFullPage: true })] : []);
  });
  router.get(`${HOME}/addon/:app/:module`, (req, res) => {
    const m = [...codeModules(code, 'repoPages'), ...codeModules(code, 'webItems').filter((i) => !/^https?:/.test(i.module.url))]
      .find((p) => p.installation.key === req.params.app && p.module.key === req.params.module);
    if (!m) {
      res.status(404);
      return render(req, res, 'Not found', messagePage('Page not found', `No app page ${String(req.params.app)}/${String(req.params.module)}.`));
    }
    const container = 'repo-page-frame';
    render(req, res, m.module.name, repoPageBody(m, container), [codeViewSpec(code, m, { user: req.user! }, container, { isFullPage: true })]);
  });

  // "Commit and push": a new commit on main, then repo:push to the apps that listen for it.
  router.post(`${HOME}/commit`, async (req, res) => {
    const body = req.body as { path?: unknown; content?: unknown; message?: unknown };
    const path = typeof body.path === 'string' ? body.path.trim() : '';
    if (!/^[\w.-]+(\/[\w.-]+)*$/.test(path) || typeof body.message !== 'string' || !body.message.trim()) return jsonError(res, 400, 'path and message are required');
    const pushed = repo.push(req.user!.name, body.message.trim(), { [path]: typeof body.content === 'string' ? body.content : '' });
    await firePush(code, req.user!, pushed);
    res.redirect(303, `/bitbucket${HOME}`);
  });

  // The workspace's apps: install by descriptor URL, uninstall, and what the apps were sent.
  const admin = (req: Request, res: Response, flash = ''): void => {
    const installations = code.store.installations().map((installation) => {
      const d = descriptorOfInstall(installation);
      return { installation, name: d.name, types: [...Object.keys(d.modules), ...(d.webhooks.length ? ['webhooks'] : [])] };
    });
    render(req, res, 'Workspace apps', appsAdmin(installations, code.store.deliveries(), flash, options.sampleDescriptor ?? ''));
  };
  router.get('/admin/apps', (req, res) => admin(req, res));
  router.post('/admin/apps/install', async (req, res) => {
    const url = String((req.body as { url?: unknown }).url ?? '');
    try {
      const installation = await installBitbucketApp(code, url, req.user!);
      admin(req, res, `Installed ${installation.key}.`);
    } catch (error) {
      res.status(error instanceof BitbucketDescriptorError ? 400 : 500);
      admin(req, res, `Could not install ${url}: ${(error as Error).message}`);
    }
  });
  router.post('/admin/apps/:app/uninstall', async (req, res) => {
    await uninstallBitbucketApp(code, String(req.params.app), req.user!);
    admin(req, res, `Uninstalled ${String(req.params.app)}.`);
  });

  // AP.context.getToken() for Acme Code's iframes: iss = clientKey, sub = the user's uuid.
  router.post('/simulator/context-token', express.json(), (req, res) => {
    const body = req.body as { app?: unknown; file?: unknown };
    const installation = typeof body.app === 'string' ? code.store.installation(body.app) : undefined;
    if (!installation) return jsonError(res, 404, 'No installed app with that key');
    const user: User = req.user!;
    const token = signForApp({ sharedSecret: installation.sharedSecret, clientKey: installation.clientKey, accountId: String(bitbucketUser(user).uuid), request: 'context-qsh', context: codeContext({ user }) });
    res.json({ token });
  });
  return router;
}
