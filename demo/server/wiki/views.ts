import type { Request, Response } from 'express';
import { documentStart, html, jsonScript, SafeHtml } from '../html.js';
import { inspectorDrawer } from '../layout.js';
import { hostApps } from '../modules.js';
import type { PageOptions } from '../render.js';
import { USERS, type User } from '../store.js';
import { ancestorsOf, type Wiki } from './content.js';
import { wikiModules } from './modules.js';
import type { Space, WikiPage } from './store.js';

/** A wiki page render: the tracker's page options, plus wiki state for `wiki.js`. */
export interface WikiPageOptions extends PageOptions {
  extra?: Record<string, unknown>;
}

export type RenderWikiPage = (req: Request, res: Response, page: WikiPageOptions) => void;

function userName(accountId: string): string {
  return USERS.find((u) => u.accountId === accountId)?.displayName ?? accountId;
}

/** The wiki's chrome: header, the space sidebar with the page tree, the inspector, and the page state. */
export function wikiRenderer(wiki: Wiki): RenderWikiPage {
  return (req, res, { title, active, body, views = [], location, extra }) => {
    const user = req.user!;
    const cp = wiki.product.contextPath;
    const state = {
      productBaseUrl: wiki.product.baseUrl,
      contextPath: cp,
      user: { accountId: user.accountId, timeZone: user.timeZone, locale: user.locale, displayName: user.displayName },
      apps: hostApps(wiki.product),
      views,
      location: location ?? { target: active, context: {} },
      ...extra,
    };
    const pages = wikiModules(wiki.product, ['generalPages']).filter((p) => p.declaration.location !== 'none');
    const next = encodeURIComponent(req.originalUrl);
    res.type('html').send(html`${documentStart(`${title} - Acme Wiki`, [`${cp}/static/product.css`, `${cp}/static/wiki.css`], 'wiki')}
<header class="topbar">
  <a class="brand" href="${cp}/"><span class="logo wiki-logo" aria-hidden="true"></span><span>Acme Wiki</span></a>
  <nav class="topnav" aria-label="Product">
    <a href="${cp}/spaces/DEMO" class="${active === 'spaceview' ? 'current' : ''}">Spaces</a>
    <details class="menu" data-testid="app-switcher">
      <summary>Apps</summary>
      <div class="menu-panel">
        <div class="menu-heading">Installed apps</div>
        ${pages.length === 0 ? html`<div class="menu-empty">No apps with pages yet.</div>` : ''}
        ${pages.map((p) => html`<a href="${cp}/plugins/servlet/ac/${p.installation.key}/${p.declaration.key}">${p.declaration.name}<small>${p.descriptor.name}</small></a>`)}
        ${user.siteAdmin ? html`<div class="menu-sep"></div><a href="${cp}/admin/apps">Manage apps</a>` : ''}
      </div>
    </details>
    <a href="/">Acme Tracker</a>
  </nav>
  <div class="topbar-right">
    <button type="button" class="button subtle" id="inspector-toggle" aria-controls="inspector" aria-expanded="false">Inspector <span class="badge" id="inspector-count">0</span></button>
    <details class="menu user-menu" data-testid="user-switcher">
      <summary aria-label="Switch user (${user.displayName})"><span class="avatar" aria-hidden="true">${initials(user)}</span></summary>
      <div class="menu-panel right">
        <div class="menu-heading">Logged in as ${user.displayName}</div>
        ${USERS.map((u) => html`<a href="/login?user=${u.name}&amp;next=${next}">${u.displayName}<small>${u.siteAdmin ? 'Site admin' : 'User'}</small></a>`)}
      </div>
    </details>
  </div>
</header>
<div class="shell">
  <aside class="sidebar" aria-label="Space">
    <div class="project-head"><span class="project-avatar wiki-space" aria-hidden="true">D</span><div><strong>Demo space</strong><small>Space DEMO</small></div></div>
    <nav>
      <a href="${cp}/spaces/DEMO" class="${active === 'spaceview' ? 'current' : ''}">Overview</a>
      <div class="side-heading">Pages</div>
      ${wiki.content.pages().map((p) => html`<a href="${cp}/spaces/${p.spaceKey}/pages/${p.id}" class="${req.path === `/spaces/${p.spaceKey}/pages/${p.id}` ? 'current' : ''}">${p.title}</a>`)}
      ${user.siteAdmin ? html`<div class="side-heading">Administration</div><a href="${cp}/admin/apps" class="${active === 'admin' ? 'current' : ''}">Manage apps</a>` : ''}
    </nav>
  </aside>
  <main class="content" id="content">${body}</main>
</div>
${inspectorDrawer()}
<div id="ap-ui"></div>
${jsonScript('ap-page', state)}
<script src="${cp}/dist/host.js"></script>
<script src="${cp}/static/inspector.js"></script>
<script src="${cp}/static/modal.js"></script>
<script src="${cp}/static/wiki.js"></script>
${extra?.editor ? html`<script src="${cp}/static/wiki-editor.js"></script>` : ''}
</body>
</html>`.value);
  };
}

function initials(user: User): string {
  return user.displayName.split(' ').map((part) => part[0]).join('').slice(0, 2);
}

/** A byline item as the page shows it: a button the client opens as an inline dialog or a dialog. */
export interface BylineItem {
  app: string;
  moduleKey: string;
  name: string;
  target: 'inlinedialog' | 'dialog';
  tooltip?: string;
}

export function pageView(wiki: Wiki, page: WikiPage, content: SafeHtml, byline: readonly BylineItem[]): SafeHtml {
  const cp = wiki.product.contextPath;
  const crumbs = ancestorsOf(wiki, page);
  return html`
<div class="breadcrumbs"><a href="${cp}/spaces/${page.spaceKey}">Demo space</a>${crumbs.map((a) => html` / <a href="${cp}/spaces/${a.spaceKey}/pages/${a.id}">${a.title}</a>`)}</div>
<div class="wiki-head"><h1 data-testid="page-title">${page.title}</h1><a class="button" href="${cp}/spaces/${page.spaceKey}/pages/edit-v2/${page.id}">Edit</a></div>
<div class="byline" data-testid="byline">
  <span>By ${userName(page.authorId)}</span><span class="muted">· version ${page.version} · updated ${page.updated.slice(0, 10)}</span>
  ${byline.map((b) => html`<button type="button" class="byline-item" data-byline="${b.target}" data-app="${b.app}" data-module="${b.moduleKey}" aria-haspopup="dialog" aria-expanded="false" ${b.tooltip ? html`title="${b.tooltip}"` : ''}>${b.name}</button>`)}
</div>
<article class="wiki-body" data-testid="page-body">${content}</article>
${page.attachments.length ? html`<section class="wiki-attachments"><h2>Attachments</h2><ul>${page.attachments.map((a) => html`<li><a href="${cp}/download/attachments/${page.id}/${encodeURIComponent(a.title)}">${a.title}</a> <small class="muted">${a.mediaType}, ${a.size} bytes</small></li>`)}</ul></section>` : ''}`;
}

export function editorView(wiki: Wiki, page: WikiPage, content: SafeHtml, error?: string): SafeHtml {
  const cp = wiki.product.contextPath;
  return html`
<form class="wiki-editor" method="post" action="${cp}/spaces/${page.spaceKey}/pages/edit-v2/${page.id}" data-testid="wiki-editor">
  ${error ? html`<div class="banner error" role="alert">${error}</div>` : ''}
  <div class="editor-toolbar" role="toolbar" aria-label="Editor">
    <button type="button" class="button" id="insert-macro" aria-expanded="false" aria-controls="macro-menu">Insert macro</button>
    <div id="macro-menu" class="macro-menu" role="group" aria-label="Macros" hidden></div>
    <span class="spacer"></span>
    <a class="button subtle" href="${cp}/spaces/${page.spaceKey}/pages/${page.id}">Close</a>
    <button type="submit" class="button primary">Publish</button>
  </div>
  <label class="editor-title">Title <input name="title" value="${page.title}" required maxlength="255"></label>
  <input type="hidden" name="version" value="${page.version}">
  <input type="hidden" name="html" value="">
  <input type="hidden" name="macros" value="">
  <div id="wiki-editor-body" class="wiki-body editor-body" contenteditable="true" role="textbox" aria-multiline="true" aria-label="Page content">${content}</div>
</form>`;
}

export function spaceHome(wiki: Wiki, space: Space): SafeHtml {
  const cp = wiki.product.contextPath;
  return html`<h1>${space.name}</h1><p class="muted">Space key ${space.key}</p>
<ul class="page-tree" data-testid="space-pages">${wiki.content.pages().filter((p) => p.spaceKey === space.key).map((p) => html`<li><a href="${cp}/spaces/${p.spaceKey}/pages/${p.id}">${p.title}</a> <small class="muted">v${p.version}</small></li>`)}</ul>`;
}

/** Placeholder for the dynamic macro a page shows: the client creates its iframe inside. */
export function macroFrame(container: string, title: string): string {
  return html`<div class="macro-frame" id="${container}" data-testid="macro" aria-label="${title}"></div>`.value;
}

export function staticMacro(title: string, content: string): string {
  return html`<div class="macro-static" data-testid="static-macro" aria-label="${title}">${new SafeHtml(content)}</div>`.value;
}

export function macroError(title: string, text: string): string {
  return html`<div class="macro-error" role="note">${title}: ${text}</div>`.value;
}

/** A macro in the editor: not editable in place; its Edit button reopens its editor. */
export function macroChip(index: number, title: string): string {
  return html`<span class="macro-chip" contenteditable="false" data-macro="${index}"><span class="macro-chip-name">${title}</span><button type="button" class="button subtle" data-edit-macro="${index}">Edit ${title}</button></span>`.value;
}
