import { html, type SafeHtml } from './html.js';
import type { ProductInfo } from './install.js';
import { unknownConditions } from './conditions.js';
import { descriptorOf } from './install.js';
import { pagePath, unrenderedJiraTypes } from './moduleTypes.js';
import { USERS, type Issue } from './store.js';
import { unrenderedWikiTypes } from './wiki/modules.js';

export function userName(accountId: string | null): string {
  return USERS.find((u) => u.accountId === accountId)?.displayName ?? 'Unassigned';
}

export function statusLozenge(status: Issue['status']): SafeHtml {
  return html`<span class="lozenge ${status === 'Done' ? 'done' : status === 'In Progress' ? 'progress' : ''}">${status}</span>`;
}

export function typeIcon(type: Issue['issueType']): SafeHtml {
  return html`<span class="type-icon ${type.toLowerCase()}" title="${type}" aria-label="${type}"></span>`;
}

export function issueListPage(issues: readonly Issue[], text: string): SafeHtml {
  return html`
<div class="breadcrumbs"><a href="/projects/DEMO/issues">Projects</a> / <a href="/projects/DEMO/issues">Demo project</a></div>
<h1>Issues</h1>
<div class="toolbar">
  <form action="/projects/DEMO/issues" method="get"><input name="text" value="${text}" placeholder="Search this list" aria-label="Filter issues"></form>
</div>
<table class="issues" data-testid="issue-list">
  <thead><tr><th>Type</th><th>Key</th><th>Summary</th><th>Status</th><th>Assignee</th><th>Priority</th></tr></thead>
  <tbody>
  ${issues.map((i) => html`<tr><td>${typeIcon(i.issueType)}</td><td><a href="/browse/${i.key}">${i.key}</a></td><td><a href="/browse/${i.key}">${i.summary}</a></td><td>${statusLozenge(i.status)}</td><td>${userName(i.assigneeId)}</td><td><span class="priority ${i.priority.toLowerCase()}">${i.priority}</span></td></tr>`)}
  </tbody>
</table>
<section class="card create" id="create" aria-label="Create issue">
  <h2>Create issue</h2>
  <form method="post" action="/projects/DEMO/issues">
    <label>Summary <input name="summary" required maxlength="255"></label>
    <label>Type <select name="issueType"><option>Task</option><option>Bug</option><option>Story</option></select></label>
    <label class="wide">Description <textarea name="description" rows="3"></textarea></label>
    <button class="button primary" type="submit">Create</button>
  </form>
</section>`;
}

export function generalPage(title: string, appName: string, container: string): SafeHtml {
  return html`<div class="page-head"><h1>${title}</h1><span class="muted">by ${appName}</span></div><div id="${container}" class="general-frame" data-testid="general-page"></div>`;
}

export function messagePage(title: string, text: string): SafeHtml {
  return html`<div class="empty-state"><h1>${title}</h1><p>${text}</p></div>`;
}

export function loginPage(next: string): string {
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Log in - Acme Tracker</title><link rel="stylesheet" href="/static/product.css"></head>
<body class="login"><main class="card login-card"><div class="brand"><span class="logo" aria-hidden="true"></span><span>Acme Tracker</span></div><h1>Choose who you are</h1>
<p class="muted">The simulator has no passwords: pick a seeded user.</p>
${USERS.map((u) => html`<a class="login-user" href="/login?user=${u.name}&amp;next=${encodeURIComponent(next)}"><strong>${u.displayName}</strong><span class="muted">${u.name} · ${u.siteAdmin ? 'site admin' : 'user'}</span></a>`)}
</main></body></html>`.value;
}

export function adminAppsPage(product: ProductInfo, flash: { kind: 'ok' | 'error'; text: string; problems?: string[]; link?: { href: string; text: string } } | undefined, sampleDescriptor: string | undefined): SafeHtml {
  const { store } = product;
  const cp = product.contextPath;
  return html`
<div class="breadcrumbs"><a href="${cp}/admin/apps">Settings</a> / <span>Apps</span></div>
<h1>Manage apps</h1>
${flash ? html`<div class="banner ${flash.kind}" role="status" data-testid="admin-flash">${flash.text}${flash.problems?.length ? html`<ul>${flash.problems.map((p) => html`<li>${p}</li>`)}</ul>` : ''}${flash.link ? html` <a href="${flash.link.href}">${flash.link.text}</a>` : ''}</div>` : ''}
<section class="card">
  <h2>Install an app</h2>
  <form method="post" action="${cp}/admin/apps/install" class="install-form">
    <label class="wide">Descriptor URL <input name="url" type="url" required placeholder="https://my-app.example.com/atlassian-connect.json" value="${sampleDescriptor ?? ''}" data-testid="descriptor-url"></label>
    <button class="button primary" type="submit">Install</button>
  </form>
  <p class="muted">Public key for signed installs: <a href="/connect-keys/${product.key.kid}">/connect-keys/${product.key.kid}</a> · clientKey <code>${store.clientKey}</code></p>
</section>
<table class="issues apps" data-testid="installed-apps">
  <thead><tr><th>App</th><th>Scopes</th><th>Modules</th><th>License</th><th>Status</th><th></th></tr></thead>
  <tbody>
  ${store.installations().map((i) => {
    const d = descriptorOf(i);
    const configure = d.modules.configurePage?.[0];
    const unknown = Object.values(d.modules).flat().flatMap((m) => unknownConditions(m));
    const unrendered = product.productType === 'confluence' ? unrenderedWikiTypes(d) : unrenderedJiraTypes(d.modules);
    return html`<tr data-app="${i.key}"><td><strong>${d.name}</strong><br><small class="muted">${i.key} · ${i.descriptorUrl}</small></td>
      <td>${d.scopes.join(', ') || 'none'}${i.addedScopes?.length ? html`<div class="bad" data-testid="added-scopes"><small>The update at ${i.installedAt.slice(0, 16).replace('T', ' ')} added ${i.addedScopes.join(', ')}</small></div>` : ''}</td>
      <td>${Object.entries(d.modules).map(([type, list]) => html`<div><small>${type}: ${list.map((m) => m.key).join(', ')}</small></div>`)}${unknown.length ? html`<div class="bad"><small>Conditions the simulator does not evaluate (their modules stay hidden): ${[...new Set(unknown)].join(', ')}</small></div>` : ''}${unrendered.length ? html`<div class="bad"><small>Module types the simulator does not render yet (stored only): ${unrendered.join(', ')}</small></div>` : ''}</td>
      <td><form method="post" action="${cp}/admin/apps/${i.key}/license"><select name="license" aria-label="License for ${i.key}">${(['active', 'none'] as const).map((l) => html`<option ${l === i.license ? html`selected` : ''}>${l}</option>`)}</select> <button class="button subtle" type="submit">Set</button></form></td>
      <td>${i.enabled ? html`<span class="lozenge done">Enabled</span>` : html`<span class="lozenge">Disabled</span>`}</td>
      <td><div class="actions">
        ${configure && i.enabled ? html`<a class="button" href="${pagePath('admin', i.key, configure.key)}">Configure</a>` : ''}
        <form method="post" action="${cp}/admin/apps/${i.key}/${i.enabled ? 'disable' : 'enable'}"><button class="button" type="submit">${i.enabled ? 'Disable' : 'Enable'}</button></form>
        <form method="post" action="${cp}/admin/apps/install"><input type="hidden" name="url" value="${i.descriptorUrl}"><button class="button" type="submit">Re-install</button></form>
        <form method="post" action="${cp}/admin/apps/${i.key}/uninstall"><button class="button danger" type="submit">Uninstall</button></form>
      </div></td></tr>`;
  })}
  </tbody>
</table>
<h2>Recent callbacks and webhooks</h2>
<table class="issues deliveries" data-testid="deliveries">
  <thead><tr><th>Time</th><th>App</th><th>What</th><th>URL</th><th>Status</th></tr></thead>
  <tbody>${store.deliveries().slice(0, 30).map((d) => html`<tr><td>${d.at.slice(11, 19)}</td><td>${d.appKey}</td><td>${d.kind}</td><td><small>${d.url}</small></td><td class="${typeof d.status === 'number' && d.status < 300 ? 'ok' : 'bad'}">${d.status}${d.detail ? html`<br><small>${d.detail}</small>` : ''}</td></tr>`)}</tbody>
</table>`;
}
