import express from 'express';
import { jsonError } from '../auth.js';
import type { ProductInfo } from '../install.js';
import { signForApp } from '../jwt.js';
import { conditionsHold } from '../conditions.js';
import { findModule, jiraContext, moduleUrl, type PageContext } from '../modules.js';

/** Module types whose iframe the page creates only when the user opens it. */
const OPENED_LATER = ['dialogs', 'webItems', 'jiraIssueGlances', 'jiraIssueContents', 'jiraIssueTabPanels'];

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function targetOptions(declaration: Record<string, unknown>): Record<string, unknown> {
  return record(record(declaration.target).options);
}

function dialogOptions(declaration: Record<string, unknown>): Record<string, unknown> {
  return record(declaration.options);
}

/**
 * What the page's host asks the product's server for: signed dialog URLs and context tokens. The
 * server signs, so shared secrets never reach the browser.
 */
export function bridgeRouter(product: ProductInfo): express.Router {
  const router = express.Router();

  // A module URL signed when the page opens it: dialogs (AP.dialog.create, through the host option
  // `resolveModuleUrl`), web item dialogs and inline dialogs, and the issue page's glances, contents
  // and tabs. Signing at open time keeps each JWT as short-lived as any other iframe's.
  router.post('/simulator/module-url', express.json(), (req, res) => {
    const body = req.body as { app?: unknown; moduleKey?: unknown; issueKey?: unknown };
    const installation = typeof body.app === 'string' ? product.store.installation(body.app) : undefined;
    if (!installation?.enabled) return jsonError(res, 404, 'No enabled app with that key');
    const issue = typeof body.issueKey === 'string' ? product.store.issue(body.issueKey) : undefined;
    const ctx: PageContext = issue ? { issue, projectKey: issue.projectKey } : {};
    let placed = findModule(product, OPENED_LATER, installation.key, String(body.moduleKey));
    if (!placed || !conditionsHold(placed.declaration, req.user!, ctx)) return jsonError(res, 404, 'The app has no module with that key to open here');
    // A web item whose target names a dialog module opens that module, with its options.
    let options = targetOptions(placed.declaration);
    if (placed.type === 'webItems' && typeof options.key === 'string') {
      const dialog = findModule(product, ['dialogs'], installation.key, options.key);
      if (!dialog) return jsonError(res, 404, `The web item's target names no dialog module "${options.key}"`);
      placed = dialog;
      options = dialogOptions(dialog.declaration);
    } else if (placed.type === 'dialogs') {
      options = dialogOptions(placed.declaration);
    }
    res.json({ url: moduleUrl(product, placed, ctx, req.user!), moduleKey: placed.declaration.key, type: placed.type, title: placed.declaration.name, options, context: jiraContext(ctx) });
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
