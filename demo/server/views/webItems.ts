import { html, type SafeHtml } from '../html.js';
import type { MenuSection, WebItemLink } from '../webItems.js';

/** A web item: a link for target page, else a button the page's script opens the app from. */
export function webItem(item: WebItemLink, className = 'button'): SafeHtml {
  if (item.target === 'page') return html`<a class="${className}" href="${item.href ?? '#'}" data-web-item="page" data-app="${item.app}" data-module="${item.key}">${item.name}</a>`;
  return html`<button type="button" class="${className}" data-web-item="${item.target}" data-app="${item.app}" data-module="${item.key}" aria-haspopup="dialog">${item.name}</button>`;
}

/** The issue's "More actions" menu: headed groups of web items. */
export function actionsMenu(sections: MenuSection[]): SafeHtml {
  return html`<details class="menu actions-menu" data-testid="issue-actions">
  <summary class="button" aria-label="More actions">•••</summary>
  <div class="menu-panel right" role="group" aria-label="Issue actions">
    <a href="#comment">Comment</a>
    ${sections.map((s) => html`<div class="menu-heading">${s.heading}</div>${s.items.map((i) => webItem(i, 'menu-item'))}`)}
  </div>
</details>`;
}
