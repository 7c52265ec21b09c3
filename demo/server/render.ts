import type { Request, Response } from 'express';
import type { SafeHtml } from './html.js';
import type { ProductInfo } from './install.js';
import { layout, type Nav, type NavLink, type PageState } from './layout.js';
import { pagePath, type PageRoute } from './moduleTypes.js';
import { hostApps, visibleModules, type PageContext, type ViewSpec } from './modules.js';
import { WEB_ITEM_LOCATIONS, webItemsAt } from './webItems.js';
import type { User } from './store.js';

declare module 'express-serve-static-core' {
  interface Request {
    user?: User;
  }
}

/** One product page: its title, the nav item it belongs to, its body, and the app views it shows. */
export interface PageOptions {
  title: string;
  active: string;
  body: SafeHtml;
  ctx?: PageContext;
  views?: ViewSpec[];
  /** What `AP.navigator.getLocation()` answers; by default the issue, or the nav item. */
  location?: PageState['location'];
}

export type RenderPage = (req: Request, res: Response, page: PageOptions) => void;

/** Renders pages in the product chrome, with the state the page's host is created from. */
export function pageRenderer(product: ProductInfo): RenderPage {
  return (req, res, { title, active, body, ctx, views = [], location }) => {
    const user = req.user!;
    const state: PageState = {
      productBaseUrl: product.baseUrl,
      user: { accountId: user.accountId, timeZone: user.timeZone, locale: user.locale, displayName: user.displayName },
      apps: hostApps(product),
      views,
      location: location ?? (ctx?.issue ? { target: 'issue', context: { issueKey: ctx.issue.key, projectKey: ctx.issue.projectKey } } : { target: active, context: {} }),
    };
    res.type('html').send(layout({ product, user, title, path: req.originalUrl, active, body, state, nav: navFor(product, user, ctx ?? {}) }));
  };
}

/** The app links the chrome shows this user on this page, from the module-type table's page routes. */
function navFor(product: ProductInfo, user: User, ctx: PageContext): Nav {
  const links = (types: string[], route: PageRoute, pageCtx: PageContext): NavLink[] =>
    visibleModules(product, types, user, pageCtx)
      // A general page at location "none" is hidden: apps open it themselves (web items, AP.navigator).
      .filter((p) => p.declaration.location !== 'none')
      .map((p) => ({ href: pagePath(route, p.installation.key, p.declaration.key), name: p.declaration.name, appName: p.descriptor.name }));
  const project: PageContext = { projectKey: ctx.issue?.projectKey ?? ctx.projectKey ?? 'DEMO' };
  return {
    generalPages: links(['generalPages'], 'general', project),
    projectPages: links(['jiraProjectPages'], 'project', project),
    reports: links(['jiraReports'], 'project', project),
    projectAdminTabs: user.siteAdmin ? links(['jiraProjectAdminTabPanels'], 'projectAdmin', project) : [],
    adminPages: user.siteAdmin ? links(['adminPages'], 'admin', {}) : [],
    topNavItems: webItemsAt(product, WEB_ITEM_LOCATIONS.topNav, user, ctx),
    sidebarItems: webItemsAt(product, WEB_ITEM_LOCATIONS.projectSidebar, user, project),
  };
}
