import express from 'express';
import { jsonError } from '../auth.js';
import type { ProductInfo } from '../install.js';
import { signForApp } from '../jwt.js';
import { findModule, moduleUrl, type PageContext } from '../modules.js';

/**
 * What the page's host asks the product's server for: signed dialog URLs and context tokens. The
 * server signs, so shared secrets never reach the browser.
 */
export function bridgeRouter(product: ProductInfo): express.Router {
  const router = express.Router();

  // A dialog's URL, signed when AP.dialog.create opens it (host option `resolveModuleUrl`), so its JWT
  // is as short-lived as any other iframe's.
  router.post('/simulator/module-url', express.json(), (req, res) => {
    const body = req.body as { app?: unknown; moduleKey?: unknown; issueKey?: unknown };
    const installation = typeof body.app === 'string' ? product.store.installation(body.app) : undefined;
    if (!installation?.enabled) return jsonError(res, 404, 'No enabled app with that key');
    const placed = findModule(product, ['dialogs'], installation.key, String(body.moduleKey));
    if (!placed) return jsonError(res, 404, 'The app has no dialog module with that key');
    const issue = typeof body.issueKey === 'string' ? product.store.issue(body.issueKey) : undefined;
    const ctx: PageContext = issue ? { issue, projectKey: issue.projectKey } : {};
    res.json({ url: moduleUrl(product, placed, ctx, req.user!) });
  });

  // Tokens for AP.context.getToken().
  router.post('/simulator/context-token', express.json(), (req, res) => {
    const body = req.body as { app?: unknown; context?: unknown };
    const installation = typeof body.app === 'string' ? product.store.installation(body.app) : undefined;
    if (!installation?.enabled) return jsonError(res, 404, 'No enabled app with that key');
    const context = body.context && typeof body.context === 'object' ? (body.context as Record<string, unknown>) : {};
    const token = signForApp({ sharedSecret: installation.sharedSecret, clientKey: product.store.clientKey, accountId: req.user!.accountId, request: 'context-qsh', context });
    res.json({ token });
  });
  return router;
}
