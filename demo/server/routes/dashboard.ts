import { createHash } from 'node:crypto';
import express from 'express';
import { jsonError } from '../auth.js';
import type { ProductInfo } from '../install.js';
import { containerId, visibleModules, viewSpec, type PageContext, type Placed } from '../modules.js';
import type { RenderPage } from '../render.js';
import { dashboardPage } from '../views/dashboard.js';

export const DASHBOARD = { id: '10000', name: 'Demo dashboard', path: '/jira/dashboards/10000' } as const;
const MAX_TITLE = 255;

/** A stable numeric item id per app and module, as Jira's dashboard item ids are numbers. */
function itemId(p: Placed): string {
  const digest = createHash('sha256').update(`${p.installation.key}\0${p.declaration.key}`).digest();
  return String(10_100 + (digest.readUInt32BE(0) % 89_900));
}

/**
 * The Demo dashboard: one item for each visible `jiraDashboardItems` module. Items declared
 * `configurable` have an edit mode entered by the button "Edit <title>"; the title an app sets
 * (`AP.jira.setDashboardItemTitle`) is stored per item.
 */
export function dashboardRouter(product: ProductInfo, page: RenderPage): express.Router {
  const router = express.Router();
  router.get(DASHBOARD.path, (req, res) => {
    const user = req.user!;
    const items = visibleModules(product, ['jiraDashboardItems'], user, {}).map((p) => {
      const id = itemId(p);
      const ctx: PageContext = { dashboard: { id: DASHBOARD.id, itemId: id, itemKey: p.declaration.key, viewType: 'default' } };
      return {
        id,
        title: product.store.dashboardTitle(id) ?? p.declaration.name,
        appName: p.descriptor.name,
        configurable: p.declaration.configurable === true,
        spec: viewSpec(product, p, ctx, user, containerId('item', p), { dashboardItemId: id, dashboardItemEditable: p.declaration.configurable === true }),
      };
    });
    page(req, res, {
      title: DASHBOARD.name,
      active: 'dashboard',
      body: dashboardPage(DASHBOARD.name, items),
      views: items.map((i) => i.spec),
      location: { target: 'dashboard', context: { dashboardId: DASHBOARD.id } },
    });
  });
  // What the page calls to answer AP.jira.setDashboardItemTitle for an item's iframe.
  router.post(`${DASHBOARD.path}/items/:id/title`, express.json(), (req, res) => {
    const id = String(req.params.id);
    const placed = visibleModules(product, ['jiraDashboardItems'], req.user!, {}).find((p) => itemId(p) === id);
    if (!placed) return jsonError(res, 404, 'No dashboard item with that id');
    const title = (req.body as { title?: unknown } | undefined)?.title;
    if (typeof title !== 'string' || !title.trim()) return jsonError(res, 400, 'title must be a non-empty string');
    product.store.setDashboardTitle(id, title.trim().slice(0, MAX_TITLE));
    res.json({ id, title: product.store.dashboardTitle(id) });
  });
  return router;
}
