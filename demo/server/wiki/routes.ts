import express, { type Request, type Response } from 'express';
import { jsonError } from '../auth.js';
import { html, SafeHtml } from '../html.js';
import { signForApp, TOKEN_SECONDS } from '../jwt.js';
import type { ViewSpec } from '../modules.js';
import { messagePage } from '../pages.js';
import { USERS, type User } from '../store.js';
import { pageService, type Wiki } from './content.js';
import {
  bodyTypeOf, confluenceContext, findMacro, findWikiModule, macroParameters, wikiModuleUrl, wikiModules, type WikiContext, type WikiPlaced,
} from './modules.js';
import { renderStorage, sanitizeStaticMacro, storageFromEditor, type MacroInstance } from './storage.js';
import type { WikiPage } from './store.js';
import { editorView, macroChip, macroError, macroFrame, pageView, spaceHome, staticMacro, type BylineItem, type RenderWikiPage } from './views.js';

const STATIC_TIMEOUT = 10_000;
const MAX_STATIC_BYTES = 512 * 1024;

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function layoutHeight(declaration: Record<string, unknown>): string | undefined {
  const h = record(declaration.layout).height ?? record(record(declaration.target).options).height;
  return typeof h === 'string' || typeof h === 'number' ? String(h) : undefined;
}

/** What the editor offers for one macro: enough for the menu, the generated form and the editor dialog. */
function macroDefinition(placed: WikiPlaced): Record<string, unknown> {
  const { declaration } = placed;
  const editor = record(declaration.editor);
  const description = record(declaration.description).value;
  return {
    app: placed.installation.key, key: declaration.key, name: declaration.name, type: placed.type,
    ...(typeof description === 'string' ? { description } : {}),
    parameters: macroParameters(declaration),
    ...(bodyTypeOf(declaration) ? { bodyType: bodyTypeOf(declaration) } : {}),
    ...(typeof editor.url === 'string'
      ? { editor: { insertTitle: record(editor.insertTitle).value ?? `Insert ${declaration.name}`, editTitle: record(editor.editTitle).value ?? `Edit ${declaration.name}`, width: editor.width ?? '600px', height: editor.height ?? '400px' } }
      : {}),
  };
}

/** A macro instance from the editor's JSON, held to the shape storage can hold. */
function macroFromJson(value: unknown): MacroInstance | undefined {
  const m = record(value);
  if (typeof m.name !== 'string' || !/^[a-zA-Z0-9-]{1,100}$/.test(m.name) || typeof m.macroId !== 'string' || m.macroId.length > 100) return undefined;
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(record(m.params)).slice(0, 50)) if (/^[\w.-]{1,100}$/.test(k) && k !== '__proto__') params[k] = String(v).slice(0, 10_000);
  const bodyType = m.bodyType === 'rich-text' || m.bodyType === 'plain-text' ? m.bodyType : undefined;
  return { name: m.name, macroId: m.macroId, params, ...(bodyType ? { bodyType, body: typeof m.body === 'string' ? m.body.slice(0, 1_000_000) : '' } : {}) };
}

/**
 * Acme Wiki's pages: the space home, the page view (macros rendered), the editor, general pages,
 * and the endpoints its client asks for signed URLs. The REST API and the assets are mounted by
 * `wikiApp`.
 */
export function wikiPagesRouter(wiki: Wiki, page: RenderWikiPage): express.Router {
  const router = express.Router();
  const cp = wiki.product.contextPath;
  const { content } = wiki;

  /** Static macro HTML, fetched from the app like Connect does: GET, JWT-signed, then sanitised. */
  async function staticHtml(placed: WikiPlaced, ctx: WikiContext, user: User): Promise<string> {
    try {
      const url = wikiModuleUrl(wiki.product, placed.installation, String(placed.declaration.url ?? '/'), ctx, user, placed.declaration.key);
      const response = await fetch(url, { signal: AbortSignal.timeout(STATIC_TIMEOUT), headers: { accept: 'text/html' } });
      const text = (await response.text()).slice(0, MAX_STATIC_BYTES);
      if (!response.ok) return macroError(placed.declaration.name, `the app answered HTTP ${response.status}`);
      return staticMacro(placed.declaration.name, sanitizeStaticMacro(text));
    } catch (error) {
      return macroError(placed.declaration.name, `the app could not be asked (${(error as Error).message})`);
    }
  }

  router.get(['/', '/spaces', '/spaces/:key'], (req, res) => {
    const space = content.space(String(req.params.key ?? 'DEMO'));
    if (!space) return void res.status(404).send('No such space');
    page(req, res, { title: space.name, active: 'spaceview', body: spaceHome(wiki, space), location: { target: 'spaceview', context: { spaceKey: space.key } } });
  });

  // Confluence's own short addresses, which AP.navigator.go uses (it knows a page's id, not its space).
  router.get(['/pages/viewpage.action', '/pages/editpage.action'], (req, res) => {
    const found = content.page(String(req.query.pageId ?? ''));
    if (!found) return void res.status(404).send('No such page');
    res.redirect(`${cp}/spaces/${found.spaceKey}/pages/${req.path.includes('edit') ? 'edit-v2/' : ''}${found.id}`);
  });

  const editorPage = (req: Request, res: Response, found: WikiPage, error?: string): void => {
    const macros: MacroInstance[] = [];
    const body = renderStorage(found.body, (macro, index) => {
      macros.push(macro);
      return macroChip(index, findMacro(wiki.product, macro.name)?.declaration.name ?? macro.name);
    });
    page(req, res, {
      title: `Editing ${found.title}`,
      active: 'contentedit',
      body: editorView(wiki, found, new SafeHtml(body), error),
      location: { target: 'contentedit', context: { contentId: found.id, contentType: 'page', spaceKey: found.spaceKey } },
      extra: {
        page: { id: found.id, version: found.version, spaceKey: found.spaceKey, title: found.title },
        editor: {
          macros,
          definitions: wikiModules(wiki.product, ['dynamicContentMacros', 'staticContentMacros']).map(macroDefinition),
          spaces: content.spaces().map((s) => ({ key: s.key, name: s.name })),
          users: USERS.map((u) => ({ accountId: u.accountId, name: u.name, displayName: u.displayName })),
        },
      },
    });
  };
  router.get('/spaces/:key/pages/edit-v2/:id', (req, res) => {
    const found = content.page(String(req.params.id));
    if (!found) return void res.status(404).send('No such page');
    editorPage(req, res, found);
  });
  router.post('/spaces/:key/pages/edit-v2/:id', (req, res) => {
    const found = content.page(String(req.params.id));
    if (!found) return void res.status(404).send('No such page');
    const body = req.body as Record<string, string | undefined>;
    if (Number(body.version) !== found.version) {
      res.status(409);
      return editorPage(req, res, found, `Someone published version ${found.version} while you edited version ${body.version ?? '?'}; your changes were not saved.`);
    }
    let macros: MacroInstance[];
    try {
      const list: unknown = JSON.parse(body.macros || '[]');
      macros = (Array.isArray(list) ? list : []).map(macroFromJson).filter((m): m is MacroInstance => m !== undefined);
    } catch {
      res.status(400);
      return editorPage(req, res, found, 'The editor sent macros that are not JSON.');
    }
    const title = (body.title ?? '').trim().slice(0, 255) || found.title;
    pageService.update(wiki, req.user!, found, { title, body: storageFromEditor(body.html ?? '', macros) });
    res.redirect(`${cp}/spaces/${found.spaceKey}/pages/${found.id}`);
  });

  // After the editor's routes: `edit-v2` would match `:id`.
  router.get('/spaces/:key/pages/:id{/:title}', async (req, res) => {
    const found = content.page(String(req.params.id));
    if (!found || found.spaceKey !== String(req.params.key).toUpperCase()) {
      res.status(404);
      return void page(req, res, { title: 'Not found', active: '', body: messagePage('Page not found', `There is no page ${String(req.params.id)} in this space.`) });
    }
    const user = req.user!;
    const space = content.space(found.spaceKey)!;
    const views: (ViewSpec & { macro: { macroId: string; params: Record<string, string>; body: string }; width?: string })[] = [];
    const statics: Promise<string>[] = [];
    const rendered = renderStorage(found.body, (macro, index) => {
      const placed = findMacro(wiki.product, macro.name);
      if (!placed) return macroError(macro.name, 'no enabled app provides this macro');
      const ctx: WikiContext = { page: found, space, macro, outputType: 'display' };
      if (placed.type === 'staticContentMacros') {
        statics.push(staticHtml(placed, ctx, user));
        return `<!--static-${statics.length - 1}-->`;
      }
      const container = `macro-${index}`;
      const height = layoutHeight(placed.declaration) ?? '100px';
      let url: string;
      try {
        url = wikiModuleUrl(wiki.product, placed.installation, String(placed.declaration.url ?? '/'), ctx, user, `${placed.declaration.key}-${macro.macroId}`);
      } catch (error) {
        return macroError(placed.declaration.name, (error as Error).message);
      }
      views.push({
        app: placed.installation.key, moduleKey: placed.declaration.key, container, height, url,
        context: confluenceContext(ctx),
        macro: { macroId: macro.macroId, params: macro.params, body: macro.body ?? '' },
        ...(placed.declaration.width ? { width: String(placed.declaration.width) } : {}),
      });
      return macroFrame(container, placed.declaration.name);
    });
    const htmlOut = await Promise.all(statics).then((parts) => rendered.replace(/<!--static-(\d+)-->/g, (_m, i: string) => parts[Number(i)] ?? ''));
    const byline: BylineItem[] = wikiModules(wiki.product, ['contentBylineItems']).map((p) => {
      const tooltip = record(p.declaration.tooltip).value;
      return { app: p.installation.key, moduleKey: p.declaration.key, name: p.declaration.name, target: record(p.declaration.target).type === 'dialog' ? 'dialog' : 'inlinedialog', ...(typeof tooltip === 'string' ? { tooltip } : {}) };
    });
    page(req, res, {
      title: found.title,
      active: 'contentview',
      body: pageView(wiki, found, new SafeHtml(htmlOut), byline),
      views,
      location: { target: 'contentview', context: { contentId: found.id, contentType: 'page', spaceKey: found.spaceKey } },
      extra: { page: { id: found.id, version: found.version, spaceKey: found.spaceKey, title: found.title } },
    });
  });

  router.get('/plugins/servlet/ac/:app/:module', (req, res) => {
    const placed = findWikiModule(wiki.product, ['generalPages'], String(req.params.app), String(req.params.module));
    if (!placed) {
      res.status(404);
      return void page(req, res, { title: 'Not found', active: '', body: messagePage('Page not found', `No enabled app page ${String(req.params.app)}/${String(req.params.module)}.`) });
    }
    const space = content.space(typeof req.query['space.key'] === 'string' ? req.query['space.key'] : 'DEMO');
    const ctx: WikiContext = space ? { space } : {};
    page(req, res, {
      title: placed.declaration.name,
      active: 'apps',
      body: html`<div class="page-head"><h1>${placed.declaration.name}</h1><span class="muted">by ${placed.descriptor.name}</span></div><div id="general-frame" class="general-frame" data-testid="general-page"></div>`,
      views: [{
        app: placed.installation.key, moduleKey: placed.declaration.key, container: 'general-frame', options: { isFullPage: true },
        url: wikiModuleUrl(wiki.product, placed.installation, String(placed.declaration.url ?? '/'), ctx, req.user!, placed.declaration.key),
        context: confluenceContext(ctx),
      }],
      location: { target: 'addonModule', context: { addonKey: placed.installation.key, moduleKey: placed.declaration.key } },
    });
  });

  // Signed at open time, like the tracker's: byline items, dialogs, and macro editors.
  router.post('/simulator/module-url', express.json(), (req, res) => {
    const body = record(req.body);
    const app = String(body.app ?? '');
    const moduleKey = String(body.moduleKey ?? '');
    const found = typeof body.pageId === 'string' ? content.page(body.pageId) : undefined;
    const space = found ? content.space(found.spaceKey) : content.space('DEMO');
    const ctx: WikiContext = { ...(found ? { page: found } : {}), ...(space ? { space } : {}) };
    const user = req.user!;
    if (body.editor === true) {
      const placed = findMacro(wiki.product, moduleKey);
      const editor = placed && placed.installation.key === app ? record(placed.declaration.editor) : {};
      if (!placed || typeof editor.url !== 'string') return jsonError(res, 404, 'No enabled app macro with an editor by that key');
      const macro = macroFromJson(body.macro);
      const editorCtx: WikiContext = { ...ctx, ...(macro ? { macro } : {}), outputType: 'preview' };
      return void res.json({ url: wikiModuleUrl(wiki.product, placed.installation, editor.url, editorCtx, user, `${moduleKey}-editor`), moduleKey, context: confluenceContext(editorCtx) });
    }
    let placed = findWikiModule(wiki.product, ['contentBylineItems', 'dialogs'], app, moduleKey);
    if (!placed) return jsonError(res, 404, 'The app has no module with that key to open here');
    let options = record(record(placed.declaration.target).options);
    if (placed.type === 'contentBylineItems' && typeof options.key === 'string') {
      const dialog = findWikiModule(wiki.product, ['dialogs'], app, options.key);
      if (!dialog) return jsonError(res, 404, `The byline item's target names no dialog module "${options.key}"`);
      placed = dialog;
    }
    if (placed.type === 'dialogs') options = record(placed.declaration.options);
    res.json({ url: wikiModuleUrl(wiki.product, placed.installation, String(placed.declaration.url ?? '/'), ctx, user, placed.declaration.key), moduleKey: placed.declaration.key, title: placed.declaration.name, options, context: confluenceContext(ctx) });
  });

  // Tokens for AP.context.getToken(), signed for the wiki's installation of the app.
  router.post('/simulator/context-token', express.json(), (req, res) => {
    const body = record(req.body);
    const installation = typeof body.app === 'string' ? wiki.product.store.installation(body.app) : undefined;
    if (!installation?.enabled) return jsonError(res, 404, 'No enabled app with that key');
    const token = signForApp({ sharedSecret: installation.sharedSecret, clientKey: wiki.product.store.clientKey, accountId: req.user!.accountId, request: 'context-qsh', context: record(body.context), seconds: TOKEN_SECONDS });
    res.json({ token });
  });

  return router;
}
