import { documentStart, html, jsonScript, type SafeHtml } from '../html.js';
import { USERS, type User } from '../store.js';
import type { BitbucketDelivery, BitbucketInstallation } from './install.js';
import type { ViewSpec } from '../modules.js';
import type { CodeModule } from './modules.js';
import { REPO, WORKSPACE, type Commit } from './repo.js';

/** The page state bitbucket.js creates the host from. */
export interface CodePageState {
  productBaseUrl: string;
  user: { accountId: string; timeZone: string; locale: string };
  apps: { key: string; name: string; baseUrl: string; modules: Record<string, unknown> }[];
  views: ViewSpec[];
}

const REPO_HOME = `/bitbucket/${REPO.fullName}`;

export function short(hash: string): string {
  return hash.slice(0, 7);
}

/** Acme Code's chrome: a header, the repository sidebar (with the apps' pages and links) and the page. */
export function codeLayout(options: { title: string; user: User; path: string; body: SafeHtml; sidebar: { repoPages: CodeModule[]; webItems: { href: string; name: string; app: string }[] }; state?: CodePageState }): string {
  const { user, sidebar } = options;
  const current = (href: string): string => (options.path.split('?')[0] === href ? 'current' : '');
  return html`${documentStart(`${options.title} - Acme Code`, ['/static/product.css', '/static/bitbucket.css'], 'code')}
<header class="topbar">
  <a class="brand" href="${REPO_HOME}"><span class="logo code-logo" aria-hidden="true"></span><span>Acme Code</span></a>
  <nav class="topnav" aria-label="Product">
    <a href="${REPO_HOME}">Repositories</a>
    <a href="/bitbucket/admin/apps">Workspace apps</a>
    <a href="/">Acme Tracker</a>
  </nav>
  <div class="topbar-right">
    <details class="menu user-menu" data-testid="user-switcher">
      <summary aria-label="Switch user (${user.displayName})"><span class="avatar" aria-hidden="true">${user.displayName.split(' ').map((p) => p[0]).join('').slice(0, 2)}</span></summary>
      <div class="menu-panel right">
        <div class="menu-heading">Logged in as ${user.displayName}</div>
        ${USERS.map((u) => html`<a href="/login?user=${u.name}&amp;next=${encodeURIComponent(options.path)}">${u.displayName}</a>`)}
      </div>
    </details>
  </div>
</header>
<div class="shell">
  <aside class="sidebar" aria-label="Repository">
    <div class="project-head"><span class="project-avatar code-avatar" aria-hidden="true">h</span><div><strong>${REPO.name}</strong><small>${WORKSPACE.name}</small></div></div>
    <nav>
      <a href="${REPO_HOME}" class="${current(REPO_HOME)}">Source</a>
      <a href="${REPO_HOME}/commits" class="${current(`${REPO_HOME}/commits`)}">Commits</a>
      ${sidebar.repoPages.length || sidebar.webItems.length ? html`<div class="side-heading">Apps</div>` : ''}
      ${sidebar.repoPages.map((p) => html`<a href="${REPO_HOME}/addon/${p.installation.key}/${p.module.key}" class="${current(`${REPO_HOME}/addon/${p.installation.key}/${p.module.key}`)}">${p.module.name}</a>`)}
      ${sidebar.webItems.map((i) => html`<a href="${i.href}" data-web-item="${i.app}">${i.name}</a>`)}
    </nav>
  </aside>
  <main class="content" id="content">${options.body}</main>
</div>
<div id="ap-ui"></div>
${options.state ? jsonScript('ap-code', options.state) : ''}
<script src="/dist/host.js"></script>
<script src="/static/bitbucket.js"></script>
</body>
</html>`.value;
}

function readme(commit: Commit): SafeHtml {
  const text = commit.files['README.md'];
  return text ? html`<section class="card"><h2>README.md</h2><pre class="code-file">${text}</pre></section>` : html``;
}

/** The repository overview: files at the head commit, the README, recent commits, and the apps' information panels. */
export function repoOverview(head: Commit, history: readonly Commit[], panels: { title: string; appName: string; container: string }[]): SafeHtml {
  const files = Object.keys(head.files).sort();
  return html`<div class="page-head"><h1>${REPO.fullName}</h1><span class="muted">main · ${short(head.hash)}</span></div>
<div class="code-overview">
  <div>
    <section class="card"><h2>Source</h2>
      <ul class="file-list" data-testid="file-list">${files.map((f) => html`<li><a href="${REPO_HOME}/src/${short(head.hash)}/${f}">${f}</a></li>`)}</ul>
    </section>
    ${readme(head)}
    <section class="card"><h2>Recent commits</h2>
      <ul class="commit-list" data-testid="commit-list">${history.slice(0, 5).map((c) => html`<li><code>${short(c.hash)}</code> ${c.message} <small>${c.author}</small></li>`)}</ul>
      <form method="post" action="${REPO_HOME}/commit" class="commit-form" aria-label="Commit a change">
        <label>File <input name="path" value="CHANGELOG.md" required maxlength="200"></label>
        <label>Content <input name="content" value="A change" maxlength="10000"></label>
        <label>Message <input name="message" value="Update CHANGELOG.md" required maxlength="500"></label>
        <button class="button" type="submit">Commit and push</button>
      </form>
    </section>
  </div>
  <aside class="info-panels" aria-label="Information">
    ${panels.map((p) => html`<section class="card panel" data-testid="code-web-panel"><h2>${p.title} <small>${p.appName}</small></h2><div id="${p.container}" class="panel-frame"></div></section>`)}
  </aside>
</div>`;
}

export function commitsPage(history: readonly Commit[]): SafeHtml {
  return html`<h1>Commits</h1><ul class="commit-list">${history.map((c) => html`<li><a href="${REPO_HOME}/src/${short(c.hash)}/"><code>${short(c.hash)}</code></a> ${c.message} <small>${c.author} · ${c.date}</small></li>`)}</ul>`;
}

/** A file at a commit, with "View with" links to the apps' file views (`?fileviewer=<app>:<module>`). */
export function filePage(path: string, commit: Commit, viewers: CodeModule[], chosen: CodeModule | undefined, container: string): SafeHtml {
  const base = `${REPO_HOME}/src/${short(commit.hash)}/${path}`;
  return html`<div class="page-head"><h1>${path}</h1><span class="muted">at ${short(commit.hash)}</span></div>
<nav class="file-viewers" aria-label="View with">
  <a href="${base}" class="${chosen ? '' : 'current'}" ${chosen ? '' : html`aria-current="page"`}>Default</a>
  ${viewers.map((v) => html`<a href="${base}?fileviewer=${encodeURIComponent(`${v.installation.key}:${v.module.key}`)}" class="${chosen === v ? 'current' : ''}" ${chosen === v ? html`aria-current="page"` : ''}>${v.module.name}</a>`)}
</nav>
${chosen ? html`<div id="${container}" class="general-frame" data-testid="file-view"></div>` : html`<pre class="code-file" data-testid="file-content">${commit.files[path] ?? ''}</pre>`}`;
}

export function repoPageBody(m: CodeModule, container: string): SafeHtml {
  return html`<div class="page-head"><h1>${m.module.name}</h1><span class="muted">by ${m.appName}</span></div><div id="${container}" class="general-frame" data-testid="repo-page"></div>`;
}

export function appsAdmin(installations: { installation: BitbucketInstallation; name: string; types: string[] }[], deliveries: readonly BitbucketDelivery[], flash: string, sample: string): SafeHtml {
  return html`<h1>Workspace apps</h1>
${flash ? html`<p class="flash" role="status" data-testid="code-flash">${flash}</p>` : ''}
<form method="post" action="/bitbucket/admin/apps/install" class="card install-form" aria-label="Install an app">
  <label>Descriptor URL <input name="url" type="url" required value="${sample}" size="60"></label>
  <button class="button primary" type="submit">Install</button>
</form>
<table class="apps-table"><thead><tr><th>App</th><th>Client key</th><th>Modules</th><th></th></tr></thead><tbody>
${installations.map(({ installation, name, types }) => html`<tr data-app="${installation.key}"><td><strong>${name}</strong><br><small>${installation.key}</small></td><td><code>${installation.clientKey}</code></td><td>${types.join(', ')}</td>
<td><form method="post" action="/bitbucket/admin/apps/${installation.key}/uninstall"><button class="button subtle" type="submit">Uninstall</button></form></td></tr>`)}
</tbody></table>
<h2>Deliveries</h2>
<table class="apps-table" data-testid="code-deliveries"><thead><tr><th>When</th><th>App</th><th>What</th><th>Status</th></tr></thead><tbody>
${deliveries.map((d) => html`<tr><td>${d.at}</td><td>${d.app}</td><td>${d.what}</td><td>${String(d.status)}</td></tr>`)}
</tbody></table>`;
}
