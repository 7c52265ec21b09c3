import { documentStart, html, jsonScript, type SafeHtml } from './html.js';
import type { ProductInfo } from './install.js';
import { USERS, type User } from './store.js';
import { webItem } from './views/webItems.js';
import type { WebItemLink } from './webItems.js';

/** A link to an app's full page, in a menu or the sidebar. */
export interface NavLink {
  href: string;
  name: string;
  appName: string;
}

/** What the chrome shows of the installed apps, for this user on this page (conditions applied). */
export interface Nav {
  generalPages: NavLink[];
  projectPages: NavLink[];
  /** The project's app reports (`jiraReports`). */
  reports: NavLink[];
  projectAdminTabs: NavLink[];
  adminPages: NavLink[];
  topNavItems: WebItemLink[];
  sidebarItems: WebItemLink[];
}

export interface PageState {
  productBaseUrl: string;
  user: { accountId: string; timeZone: string; locale: string; displayName: string };
  apps: Record<string, unknown>[];
  views: unknown[];
  location: { target: string; context: Record<string, unknown> };
}

function initials(user: User): string {
  return user.displayName.split(' ').map((part) => part[0]).join('').slice(0, 2);
}

function avatar(user: User, size = ''): SafeHtml {
  return html`<span class="avatar ${size}" data-user="${user.name}" aria-hidden="true">${initials(user)}</span>`;
}

/** The bridge inspector drawer every product page has (inspector.js fills it). */
export function inspectorDrawer(): SafeHtml {
  return html`<section id="inspector" class="inspector" hidden aria-label="Bridge inspector">
  <div class="inspector-head"><strong>Bridge inspector</strong><span class="muted">every AP call and every refused message on this page; tokens and cookie values redacted</span>
    <label>App <select id="inspector-app"><option value="">All apps</option></select></label>
    <label>Module <select id="inspector-module"><option value="">All modules</option></select></label>
    <span class="inspector-actions"><button type="button" class="button subtle" id="inspector-pause" aria-pressed="false">Pause</button><button type="button" class="button subtle" id="inspector-clear">Clear</button><button type="button" class="button subtle" id="inspector-export">Export JSON</button></span></div>
  <div class="inspector-body"><table><thead><tr><th>Time</th><th>App</th><th>Module</th><th>Method</th><th>Duration</th><th>Outcome</th><th>Arguments and result</th></tr></thead><tbody id="inspector-rows"></tbody></table></div>
</section>`;
}

/**
 * The product chrome around every page: a header with the app switcher and the user switcher, a
 * project sidebar, the inspector drawer, and the page state the client script hands to the host.
 */
export function layout(options: {
  product: ProductInfo;
  user: User;
  title: string;
  path: string;
  active: string;
  body: SafeHtml;
  nav: Nav;
  state?: PageState;
}): string {
  const { user, path, nav } = options;
  const pages = nav.generalPages;
  const current = (href: string): string => (path.split('?')[0] === href.split('?')[0] ? 'current' : '');
  const next = encodeURIComponent(path);
  return html`${documentStart(`${options.title} - Acme Tracker`, ['/static/product.css'])}
<header class="topbar">
  <a class="brand" href="/"><span class="logo" aria-hidden="true"></span><span>Acme Tracker</span></a>
  <nav class="topnav" aria-label="Product">
    <a href="/projects/DEMO/issues" class="${options.active === 'issues' ? 'current' : ''}">Your work</a>
    <a href="/projects/DEMO/issues">Projects</a>
    <details class="menu" data-testid="app-switcher">
      <summary class="${options.active === 'apps' ? 'current' : ''}">Apps</summary>
      <div class="menu-panel">
        <div class="menu-heading">Installed apps</div>
        ${pages.length === 0 ? html`<div class="menu-empty">No apps with pages yet.</div>` : ''}
        ${pages.map((p) => html`<a href="${p.href}"><span class="app-dot" aria-hidden="true"></span>${p.name}<small>${p.appName}</small></a>`)}
        ${user.siteAdmin ? html`<div class="menu-sep"></div><a href="/admin/apps">Manage apps</a>` : ''}
      </div>
    </details>
    ${user.siteAdmin ? html`<a href="/admin/apps" class="${options.active === 'admin' ? 'current' : ''}">Settings</a>` : ''}
    ${nav.topNavItems.map((i) => webItem(i, 'topnav-item'))}
    <a href="/jira/dashboards/10000" class="${options.active === 'dashboard' ? 'current' : ''}">Dashboards</a>
    <a class="button primary" href="/projects/DEMO/issues#create">Create</a>
  </nav>
  <div class="topbar-right">
    <form class="search" action="/projects/DEMO/issues" method="get" role="search"><input name="text" placeholder="Search" aria-label="Search issues"></form>
    <button type="button" class="button subtle" id="theme-toggle" aria-pressed="false" title="Switch between the light and dark theme">Dark theme</button>
    <button type="button" class="button subtle" id="inspector-toggle" aria-controls="inspector" aria-expanded="false">Inspector <span class="badge" id="inspector-count">0</span></button>
    <details class="menu user-menu" data-testid="user-switcher">
      <summary aria-label="Switch user (${user.displayName})">${avatar(user)}</summary>
      <div class="menu-panel right">
        <div class="menu-heading">Logged in as ${user.displayName}</div>
        ${USERS.map((u) => html`<a href="/login?user=${u.name}&amp;next=${next}" class="${u.name === user.name ? 'selected' : ''}">${avatar(u, 'small')}${u.displayName}<small>${u.siteAdmin ? 'Site admin' : 'User'}</small></a>`)}
      </div>
    </details>
  </div>
</header>
<div class="shell">
  <aside class="sidebar" aria-label="Project">
    <div class="project-head"><span class="project-avatar" aria-hidden="true">D</span><div><strong>Demo project</strong><small>Software project</small></div></div>
    <nav>
      <div class="side-heading">Planning</div>
      <a href="/projects/DEMO/issues" class="${options.active === 'issues' ? 'current' : ''}">Issues</a>
      ${nav.projectPages.map((p) => html`<a href="${p.href}" class="${current(p.href)}">${p.name}</a>`)}
      ${nav.reports.length ? html`<div class="side-heading">Reports</div>` : ''}
      ${nav.reports.map((p) => html`<a href="${p.href}" class="${current(p.href)}">${p.name}</a>`)}
      ${nav.sidebarItems.map((i) => webItem(i, 'side-item'))}
      ${pages.length ? html`<div class="side-heading">Apps</div>` : ''}
      ${pages.map((p) => html`<a href="${p.href}" class="${current(p.href)}">${p.name}</a>`)}
      ${nav.projectAdminTabs.length ? html`<div class="side-heading">Project settings</div>` : ''}
      ${nav.projectAdminTabs.map((p) => html`<a href="${p.href}" class="${current(p.href)}">${p.name}</a>`)}
      ${user.siteAdmin ? html`<div class="side-heading">Administration</div><a href="/admin/apps" class="${options.active === 'admin' ? 'current' : ''}">Manage apps</a><a href="/admin/workflows" class="${options.active === 'workflows' ? 'current' : ''}">Workflows</a>` : ''}
      ${nav.adminPages.map((p) => html`<a href="${p.href}" class="${current(p.href)}">${p.name}</a>`)}
    </nav>
  </aside>
  <main class="content" id="content">${options.body}</main>
</div>
${inspectorDrawer()}
<div id="ap-ui"></div>
${options.state ? jsonScript('ap-page', options.state) : ''}
<script src="/dist/host.js"></script>
<script src="/static/inspector.js"></script>
<script src="/static/modal.js"></script>
<script src="/static/product.js"></script>
<script src="/static/regions.js"></script>
<script src="/static/jira.js"></script>
</body>
</html>`.value;
}
