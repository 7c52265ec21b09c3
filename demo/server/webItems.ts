import type { ProductInfo } from './install.js';
import { pagePath } from './moduleTypes.js';
import { visibleModules, type PageContext, type Placed } from './modules.js';
import type { User } from './store.js';

/** Where a web item sends the user: a page, or the app's content in a dialog or an inline dialog. */
export type WebItemTarget = 'page' | 'dialog' | 'inlinedialog';

/** A web item as the product draws it: a link (target page) or a button that opens the app. */
export interface WebItemLink {
  app: string;
  key: string;
  name: string;
  target: WebItemTarget;
  /** For target page: where the link goes. */
  href?: string;
}

export interface MenuSection {
  heading: string;
  items: WebItemLink[];
}

/** The locations the simulator draws web items at (fixed names; see the README). */
export const WEB_ITEM_LOCATIONS = {
  issueOps: 'operations-top-level',
  issueMenu: 'opsbar-operations',
  topNav: 'system.top.navigation.bar',
  projectSidebar: 'jira.project.sidebar.plugins.navigation',
} as const;

const ABSOLUTE = /^https?:\/\//i;

function weight(p: Placed): number {
  return typeof p.declaration.weight === 'number' ? p.declaration.weight : 100;
}

/** A web item's target type; Connect's default is page. */
export function targetOf(declaration: Record<string, unknown>): WebItemTarget {
  const target = declaration.target;
  const type = target && typeof target === 'object' ? String((target as { type?: unknown }).type ?? 'page').toLowerCase() : 'page';
  return type === 'dialog' || type === 'dialogmodule' ? 'dialog' : type === 'inlinedialog' ? 'inlinedialog' : 'page';
}

function substitute(template: string, ctx: PageContext): string {
  const vars: Record<string, string> = {
    'issue.key': ctx.issue?.key ?? '',
    'issue.id': ctx.issue?.id ?? '',
    'project.key': ctx.issue?.projectKey ?? ctx.projectKey ?? '',
    ...ctx.ac,
  };
  return template.replace(/\{([\w.]+)\}/g, (_m, name: string) => encodeURIComponent(vars[name] ?? ''));
}

/**
 * A target-page web item's link. `context: "product"` (or `"page"`) URLs are product paths, as apps
 * use to open their own hidden general pages; absolute URLs leave the product; otherwise the item's
 * URL is shown full-page at /plugins/servlet/ac/<app>/<item key>, with the page's context.
 */
function pageHref(p: Placed, ctx: PageContext): string {
  const url = typeof p.declaration.url === 'string' ? p.declaration.url : '/';
  if (ABSOLUTE.test(url)) return url;
  const context = p.declaration.context;
  if (context === 'product' || context === 'page') return url.startsWith('/') ? substitute(url, ctx) : `/${substitute(url, ctx)}`;
  const query = new URLSearchParams();
  if (ctx.issue) query.set('issue.key', ctx.issue.key);
  const projectKey = ctx.issue?.projectKey ?? ctx.projectKey;
  if (projectKey) query.set('project.key', projectKey);
  const search = query.toString();
  return pagePath('general', p.installation.key, p.declaration.key) + (search ? `?${search}` : '');
}

function link(p: Placed, ctx: PageContext): WebItemLink {
  const target = targetOf(p.declaration);
  return {
    app: p.installation.key,
    key: p.declaration.key,
    name: p.declaration.name,
    target,
    ...(target === 'page' ? { href: pageHref(p, ctx) } : {}),
  };
}

/** The visible web items at one location, by weight. */
export function webItemsAt(product: ProductInfo, location: string, user: User, ctx: PageContext): WebItemLink[] {
  return visibleModules(product, ['webItems'], user, ctx)
    .filter((p) => p.declaration.location === location)
    .sort((a, b) => weight(a) - weight(b))
    .map((p) => link(p, ctx));
}

/**
 * The issue's actions menu: items placed at `opsbar-operations` under "Actions", then one headed
 * group per web section at that location holding the items whose location is the section's key
 * (or `opsbar-operations/<section key>`). Empty groups are left out.
 */
export function actionsMenu(product: ProductInfo, user: User, ctx: PageContext): MenuSection[] {
  const menu = WEB_ITEM_LOCATIONS.issueMenu;
  const sections = visibleModules(product, ['webSections'], user, ctx)
    .filter((s) => s.declaration.location === menu)
    .sort((a, b) => weight(a) - weight(b))
    .map((s) => ({ heading: s.declaration.name, items: [...webItemsAt(product, s.declaration.key, user, ctx), ...webItemsAt(product, `${menu}/${s.declaration.key}`, user, ctx)] }));
  return [{ heading: 'Actions', items: webItemsAt(product, menu, user, ctx) }, ...sections].filter((s) => s.items.length > 0);
}
