import express, { type Request, type Response } from 'express';
import { jsonError } from './auth.js';
import type { ProductInfo } from './install.js';
import { isPropertyKey, type PropertyOwner } from './store.js';

const MAX_BODY = '40kb';

/**
 * Entity properties, as Jira answers them: `GET <entity>/properties` lists keys, `GET|PUT|DELETE
 * <entity>/properties/<key>` reads, writes (201 created, 200 replaced) and deletes one JSON value.
 * `ownerOf` finds the entity (or answers the request itself with an error and returns undefined).
 */
function propertyRoutes(
  router: express.Router,
  path: string,
  product: ProductInfo,
  selfBase: (req: Request) => string,
  ownerOf: (req: Request, res: Response) => PropertyOwner | undefined,
): void {
  const { store } = product;
  const propertyKey = (req: Request, res: Response): string | undefined => {
    const key = String(req.params.prop);
    if (isPropertyKey(key)) return key;
    jsonError(res, 400, 'The property key must be 1-255 letters, digits, ".", ":", "_" or "-"', { code: 'PROPERTY_KEY_INVALID' });
    return undefined;
  };
  router.get(`${path}/properties`, (req, res) => {
    const owner = ownerOf(req, res);
    if (!owner) return;
    res.json({ keys: Object.keys(store.properties(owner)).map((key) => ({ self: `${selfBase(req)}/properties/${encodeURIComponent(key)}`, key })) });
  });
  router.get(`${path}/properties/:prop`, (req, res) => {
    const owner = ownerOf(req, res);
    const key = owner && propertyKey(req, res);
    if (!owner || !key) return;
    const bag = store.properties(owner);
    if (!Object.hasOwn(bag, key)) return jsonError(res, 404, `The property with key '${key}' does not exist.`);
    res.json({ key, value: bag[key] });
  });
  router.put(`${path}/properties/:prop`, express.json({ limit: MAX_BODY, strict: false }), (req, res) => {
    const owner = ownerOf(req, res);
    const key = owner && propertyKey(req, res);
    if (!owner || !key) return;
    if (req.body === undefined || !req.is('application/json')) return jsonError(res, 400, 'The property value must be a JSON body (content-type application/json)');
    const existed = Object.hasOwn(store.properties(owner), key);
    if (!store.setProperty(owner, key, req.body)) return jsonError(res, 400, 'The property value is over 32768 bytes', { code: 'PROPERTY_TOO_LARGE' });
    res.status(existed ? 200 : 201).json({});
  });
  router.delete(`${path}/properties/:prop`, (req, res) => {
    const owner = ownerOf(req, res);
    const key = owner && propertyKey(req, res);
    if (!owner || !key) return;
    if (!store.deleteProperty(owner, key)) return jsonError(res, 404, `The property with key '${key}' does not exist.`);
    res.status(204).end();
  });
}

/** Issue and project properties under `/rest/api/3` (held to the app's scopes like the rest of it). */
export function entityProperties(product: ProductInfo, router: express.Router): void {
  const { store, baseUrl } = product;
  propertyRoutes(router, '/issue/:key', product, (req) => `${baseUrl}/rest/api/3/issue/${String(req.params.key)}`, (req, res) => {
    const issue = store.issue(String(req.params.key));
    if (issue) return `issue:${issue.id}`;
    jsonError(res, 404, 'Issue does not exist or you do not have permission to see it.');
    return undefined;
  });
  propertyRoutes(router, '/project/:key', product, (req) => `${baseUrl}/rest/api/3/project/${String(req.params.key)}`, (req, res) => {
    const project = store.projects().find((p) => p.key === String(req.params.key).toUpperCase() || p.id === String(req.params.key));
    if (project) return `project:${project.key}`;
    jsonError(res, 404, 'No project could be found with that key.');
    return undefined;
  });
}

/**
 * `/rest/atlassian-connect/1/addons/<app key>/properties`: an app's own key-value store. Only the app
 * itself reaches it (through its bridge or its server's JWT); Connect asks no scope for it.
 */
export function appPropertiesApi(product: ProductInfo): express.Router {
  const router = express.Router();
  propertyRoutes(router, '/addons/:appKey', product, (req) => `${product.baseUrl}/rest/atlassian-connect/1/addons/${String(req.params.appKey)}`, (req, res) => {
    const appKey = String(req.params.appKey);
    if (req.actor?.appKey === appKey) return `app:${appKey}`;
    jsonError(res, 403, `Only the app "${appKey}" may use its app properties`, { code: 'NOT_THIS_APP', appKey });
    return undefined;
  });
  router.use((_req: Request, res: Response) => jsonError(res, 404, 'No such REST resource in the simulator'));
  return router;
}
