import { html, type SafeHtml } from '../html.js';
import type { ViewSpec } from '../modules.js';

/** One dashboard item as the page draws it. */
export interface DashboardItemView {
  id: string;
  title: string;
  appName: string;
  /** Declared `configurable`: the item has an edit mode and an "Edit <title>" button. */
  configurable: boolean;
  spec: ViewSpec;
}

export function dashboardPage(name: string, items: DashboardItemView[]): SafeHtml {
  return html`
<div class="breadcrumbs"><a href="/jira/dashboards/10000">Dashboards</a> / <span>${name}</span></div>
<h1>${name}</h1>
${items.length === 0 ? html`<p class="muted">No app declares a dashboard item (jiraDashboardItems).</p>` : ''}
<div class="dashboard" data-testid="dashboard">
  ${items.map((item) => html`<section class="card dashboard-item" data-testid="dashboard-item" data-item-id="${item.id}" data-app="${item.spec.app}" data-module="${item.spec.moduleKey}" data-mode="view" aria-labelledby="item-title-${item.id}">
    <header>
      <h2 id="item-title-${item.id}" class="item-title" data-testid="dashboard-item-title">${item.title}</h2>
      <small>${item.appName}</small>
      <span class="lozenge edit-badge" hidden>Editing</span>
      ${item.configurable ? html`<button type="button" class="button subtle" data-dashboard-edit="${item.id}" aria-pressed="false">Edit ${item.title}</button>` : ''}
    </header>
    <div id="${item.spec.container}" class="panel-frame"></div>
  </section>`)}
</div>`;
}
