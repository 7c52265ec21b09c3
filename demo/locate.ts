import type { Descriptor } from './server/descriptor.js';
import { moduleType, pagePath } from './server/moduleTypes.js';

/** Where one of an app's modules can be seen: a product path that shows it as soon as it loads. */
export interface ModuleLocation {
  type: string;
  key: string;
  path: string;
}

// The seeded issue and dashboard every fresh data directory has (DESIGN.md §6: fixed names).
const ISSUE_PAGE = '/browse/DEMO-1';
const DASHBOARD_PAGE = '/jira/dashboards/10000';

/**
 * The pages that render each module of `descriptor` without a click: full pages, issue web panels and
 * dashboard items. Modules that appear only after a click (glances, issue contents and tabs, web item
 * targets, dialogs) are not listed: open their page and click, as a user would.
 */
export function moduleLocations(descriptor: Descriptor, product: { productType: string; contextPath: string }): ModuleLocation[] {
  const found: ModuleLocation[] = [];
  for (const [type, modules] of Object.entries(descriptor.modules)) {
    // In Acme Wiki only general pages have a page of their own (at the same path under /wiki);
    // macros and byline items show inside a page the app does not choose.
    if (product.productType !== 'jira' && type !== 'generalPages') continue;
    const row = moduleType(type);
    if (!row || row.webItem) continue;
    for (const module of modules) {
      const path = row.page ? pagePath(row.page, descriptor.key, module.key) : row.issueRegion === 'panel' ? ISSUE_PAGE : row.dashboard ? DASHBOARD_PAGE : undefined;
      if (path) found.push({ type, key: module.key, path: product.contextPath + path });
    }
  }
  return found;
}
