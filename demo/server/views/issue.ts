import { html, type SafeHtml } from '../html.js';
import type { ViewSpec } from '../modules.js';
import { statusLozenge, typeIcon, userName } from '../pages.js';
import type { Issue } from '../store.js';
import type { MenuSection, WebItemLink } from '../webItems.js';
import { actionsMenu, webItem } from './webItems.js';

/** An app region whose iframe exists from the start (web panels). */
export interface ShownRegion {
  title: string;
  appName: string;
  spec: ViewSpec;
}

/** An app region whose iframe the page creates when the user opens it (glances, contents, tabs). */
export interface LazyRegion {
  app: string;
  moduleKey: string;
  title: string;
  appName: string;
  /** A glance's label (`content.label`), shown next to its name. */
  label?: string;
  container: string;
}

export interface IssuePageParts {
  panels: ShownRegion[];
  /** Containers of background scripts' iframes, never shown. */
  backgrounds: string[];
  glances: LazyRegion[];
  contents: LazyRegion[];
  tabs: LazyRegion[];
  opsButtons: WebItemLink[];
  menu: MenuSection[];
  /** App issue fields (`jiraIssueFields`) with their values as shown. */
  fields: { name: string; value: string }[];
}

function lazy(region: LazyRegion, issue: Issue): SafeHtml {
  return html`<div id="${region.container}" class="lazy-frame" data-lazy-app="${region.app}" data-lazy-module="${region.moduleKey}" data-issue="${issue.key}"></div>`;
}

function activity(issue: Issue, tabs: LazyRegion[]): SafeHtml {
  const comments = issue.comments ?? [];
  return html`<section class="activity" aria-labelledby="activity-heading">
  <h3 id="activity-heading">Activity</h3>
  <div role="tablist" aria-label="Activity" class="tabs" data-testid="activity-tabs">
    <button type="button" role="tab" id="tab-comments" aria-selected="true" aria-controls="tabpanel-comments">Comments</button>
    ${tabs.map((t) => html`<button type="button" role="tab" id="tab-${t.container}" aria-selected="false" aria-controls="tabpanel-${t.container}" tabindex="-1" data-app="${t.app}" data-module="${t.moduleKey}">${t.title}</button>`)}
  </div>
  <div role="tabpanel" id="tabpanel-comments" aria-labelledby="tab-comments">
    ${comments.length === 0 ? html`<p class="muted">No comments yet.</p>` : html`<ul class="comments">${comments.map((c) => html`<li><strong>${userName(c.authorId)}</strong> <small class="muted">${new Date(c.created).toUTCString()}</small><p>${c.body}</p></li>`)}</ul>`}
    <form method="post" action="/browse/${issue.key}/comment" class="comment-form" id="comment">
      <label class="wide">Add a comment <textarea name="body" rows="2" required maxlength="32000"></textarea></label>
      <button class="button" type="submit">Add comment</button>
    </form>
  </div>
  ${tabs.map((t) => html`<div role="tabpanel" id="tabpanel-${t.container}" aria-labelledby="tab-${t.container}" hidden data-testid="issue-tab-panel">${lazy(t, issue)}</div>`)}
  <p class="muted">Created ${new Date(issue.created).toUTCString()} · updated ${new Date(issue.updated).toUTCString()}</p>
</section>`;
}

export function issuePage(issue: Issue, parts: IssuePageParts): SafeHtml {
  return html`
<div class="breadcrumbs"><a href="/projects/DEMO/issues">Projects</a> / <a href="/projects/DEMO/issues">Demo project</a> / <span>${typeIcon(issue.issueType)} ${issue.key}</span></div>
<div class="issue-layout">
  <article class="issue-main">
    <h1 data-testid="issue-summary">${issue.summary}</h1>
    <div class="opsbar" role="toolbar" aria-label="Issue operations" data-testid="issue-ops">
      ${parts.contents.map((c) => html`<button type="button" class="button" aria-expanded="false" aria-controls="content-${c.container}" data-issue-content="${c.container}">${c.title}</button>`)}
      ${parts.opsButtons.map((i) => webItem(i))}
      ${actionsMenu(parts.menu)}
    </div>
    <form class="inline-edit" method="post" action="/browse/${issue.key}/edit">
      <label>Summary <input name="summary" value="${issue.summary}" maxlength="255"></label>
      <label>Status <select name="status">${(['To Do', 'In Progress', 'Done'] as const).map((s) => html`<option ${s === issue.status ? html`selected` : ''}>${s}</option>`)}</select></label>
      <button class="button" type="submit">Save</button>
    </form>
    <h3>Description</h3>
    <p class="description">${issue.description || 'No description.'}</p>
    ${parts.contents.map((c) => html`<section class="card issue-content" id="content-${c.container}" hidden aria-label="${c.title}" data-testid="issue-content"><header><span>${c.title}</span><small>${c.appName}</small></header>${lazy(c, issue)}</section>`)}
    <h3>Attachments</h3>
    ${issue.attachments.length === 0 ? html`<p class="muted">No attachments.</p>` : html`<ul class="attachments">${issue.attachments.map((a) => html`<li><a href="/rest/api/3/attachment/content/${a.id}">${a.filename}</a> <span class="muted">${a.mimeType}, ${a.size} bytes</span></li>`)}</ul>`}
    ${activity(issue, parts.tabs)}
  </article>
  <aside class="issue-side">
    <div class="card details">
      <div class="status-row">${statusLozenge(issue.status)}</div>
      <dl>
        <dt>Assignee</dt><dd>${userName(issue.assigneeId)}</dd>
        <dt>Reporter</dt><dd>${userName(issue.reporterId)}</dd>
        <dt>Priority</dt><dd><span class="priority ${issue.priority.toLowerCase()}">${issue.priority}</span></dd>
        <dt>Type</dt><dd>${issue.issueType}</dd>
        ${parts.fields.map((f) => html`<dt>${f.name}</dt><dd data-testid="app-field">${f.value}</dd>`)}
      </dl>
    </div>
    ${parts.glances.map((g) => html`<div class="card glance" data-testid="glance">
      <button type="button" class="glance-button" aria-expanded="false" aria-controls="glance-${g.container}" data-glance="${g.container}"><span class="app-dot" aria-hidden="true"></span><span>${g.title}</span>${g.label ? html`<span class="lozenge">${g.label}</span>` : ''}</button>
      <div id="glance-${g.container}" class="glance-panel" hidden>${lazy(g, issue)}</div>
    </div>`)}
    ${parts.backgrounds.map((container) => html`<div id="${container}" class="background-script" data-testid="background-script" hidden></div>`)}
    ${parts.panels.map((p) => html`<section class="card web-panel" data-testid="web-panel" data-app="${p.spec.app}" data-module="${p.spec.moduleKey}"><header><span>${p.title}</span><small>${p.appName}</small></header><div id="${p.spec.container}" class="panel-frame"></div></section>`)}
  </aside>
</div>`;
}
