import type { Request, Response } from 'express';
import type { SafeHtml } from './html.js';
import type { ProductInfo } from './install.js';
import { layout, type PageState } from './layout.js';
import { hostApps, type PageContext, type ViewSpec } from './modules.js';
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
    res.type('html').send(layout({ product, user, title, path: req.originalUrl, active, body, state }));
  };
}
