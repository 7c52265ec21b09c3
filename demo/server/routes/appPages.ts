import express from 'express';
import type { ProductInfo } from '../install.js';
import { conditionsHold } from '../conditions.js';
import { PAGE_ROUTES, moduleType, typesOnPage, type PageRoute } from '../moduleTypes.js';
import { acParams, findModule, viewSpec, type PageContext } from '../modules.js';
import { targetOf } from '../webItems.js';
import { generalPage, messagePage } from '../pages.js';
import type { RenderPage } from '../render.js';

/**
 * One route per full-page place in the module-type table (`PAGE_ROUTES`): each shows the module of
 * an enabled app whose type the table puts on that route, and nothing else.
 */
export function appPagesRouter(product: ProductInfo, page: RenderPage): express.Router {
  const router = express.Router();
  for (const [route, { path, active, adminOnly }] of Object.entries(PAGE_ROUTES) as [PageRoute, (typeof PAGE_ROUTES)[PageRoute]][]) {
    const types = typesOnPage(route);
    router.get(path, (req, res) => {
      if (adminOnly && !req.user!.siteAdmin) {
        res.status(403);
        return void page(req, res, { title: 'Forbidden', active, body: messagePage('Admins only', 'Switch to the admin user to open this page.') });
      }
      const app = String(req.params.app);
      const moduleKey = String(req.params.module);
      const projectKey = route === 'project' || route === 'projectAdmin' ? 'DEMO' : typeof req.query['project.key'] === 'string' ? req.query['project.key'] : 'DEMO';
      const issue = typeof req.query['issue.key'] === 'string' ? product.store.issue(req.query['issue.key']) : undefined;
      const ctx: PageContext = { projectKey, ac: acParams(req.query), ...(issue ? { issue } : {}) };
      const placed = findModule(product, types, app, moduleKey);
      const shown = placed && (placed.type !== 'webItems' || targetOf(placed.declaration) === 'page') && (!moduleType(placed.type)?.conditions || conditionsHold(placed.declaration, req.user!, ctx));
      if (!placed || !shown) {
        res.status(404);
        return void page(req, res, { title: 'Not found', active, body: messagePage('Page not found', `No enabled app page ${app}/${moduleKey}.`) });
      }
      const container = 'general-frame';
      const spec = viewSpec(product, placed, ctx, req.user!, container, { isFullPage: true });
      page(req, res, {
        title: placed.declaration.name,
        active,
        body: generalPage(placed.declaration.name, placed.descriptor.name, container),
        ctx,
        views: [spec],
        location: { target: 'addonmodule', context: { addonKey: app, moduleKey } },
      });
    });
  }
  return router;
}
