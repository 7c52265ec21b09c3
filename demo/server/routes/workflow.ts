import express from 'express';
import { jsonError } from '../auth.js';
import type { ProductInfo } from '../install.js';
import { containerId, moduleUrl, placedModules, type PageContext, type Placed, type ViewSpec } from '../modules.js';
import { messagePage } from '../pages.js';
import type { RenderPage } from '../render.js';
import type { PostFunction, User } from '../store.js';
import { postFunctionPage, workflowPage } from '../views/workflow.js';
import { TRANSITIONS, declaredUrl, newPostFunctionId, transition } from '../workflow.js';

const TYPE = 'jiraWorkflowPostFunctions';
const MAX_CONFIG = 32 * 1024;

/** The iframe of one of a post function's pages (`create`, `edit`, `view`), with its id and configuration. */
function pageSpec(product: ProductInfo, placed: Placed, page: 'create' | 'edit' | 'view', fn: Pick<PostFunction, 'id' | 'config' | 'transitionId'>, user: User, container: string): ViewSpec | undefined {
  const url = declaredUrl(placed.declaration, page);
  if (!url) return undefined;
  const ctx: PageContext = { postFunction: { id: fn.id, config: fn.config } };
  return {
    app: placed.installation.key,
    moduleKey: placed.declaration.key,
    url: moduleUrl(product, { ...placed, declaration: { ...placed.declaration, url } }, ctx, user),
    context: { jira: { workflow: { postFunction: { id: fn.id } } } },
    container,
    ...(page === 'view' ? { height: '80px' } : {}),
    // What AP.jira.getWorkflowConfiguration answers in this view (demo/public/jira.js).
    options: { postFunction: { id: fn.id, config: fn.config, transitionId: fn.transitionId, page } },
  };
}

/**
 * `/admin/workflows` (admins only; the admin router checks): the Demo workflow's transitions with the
 * post functions apps declare. "Add post function" opens the app's `create` page; the product's Add
 * button asks the page (`WorkflowConfiguration.onSaveValidation`, then `onSave`) for the configuration
 * and stores it. Each added function shows its `view` page and has Edit (its `edit` page) and Remove.
 */
export function workflowRouter(product: ProductInfo, page: RenderPage): express.Router {
  const router = express.Router();
  const find = (appKey: string, moduleKey: string): Placed | undefined =>
    placedModules(product, [TYPE]).find((p) => p.installation.key === appKey && p.declaration.key === moduleKey);
  const notFound = (req: express.Request, res: express.Response, text: string): void => {
    res.status(404);
    page(req, res, { title: 'Not found', active: 'workflows', body: messagePage('Not found', text) });
  };

  router.get('/', (req, res) => {
    const user = req.user!;
    const views: ViewSpec[] = [];
    const transitions = TRANSITIONS.map((t) => ({
      transition: t,
      functions: product.store.postFunctions().filter((fn) => fn.transitionId === t.id).flatMap((fn) => {
        const placed = find(fn.appKey, fn.moduleKey);
        if (!placed) return [];
        const spec = pageSpec(product, placed, 'view', fn, user, containerId(`pf-${fn.id}`, placed));
        if (spec) views.push(spec);
        return [{ id: fn.id, name: placed.declaration.name, appName: placed.descriptor.name, editable: declaredUrl(placed.declaration, 'edit') !== undefined, ...(spec ? { spec } : {}) }];
      }),
    }));
    const available = placedModules(product, [TYPE]).map((p) => ({ value: `${p.installation.key}/${p.declaration.key}`, name: p.declaration.name, appName: p.descriptor.name }));
    page(req, res, { title: 'Workflows', active: 'workflows', body: workflowPage(transitions, available), views, location: { target: 'workflows', context: {} } });
  });

  // The app's create page (a function without one is added with an empty configuration by Add alone).
  router.get('/transitions/:transition/add', (req, res) => {
    const t = transition(Number(req.params.transition));
    const [appKey = '', moduleKey = ''] = String(req.query.function ?? '').split('/');
    const placed = find(appKey, moduleKey);
    if (!t || !placed) return notFound(req, res, 'No such transition or post function.');
    const fn: PostFunction = { id: newPostFunctionId(), appKey, moduleKey, transitionId: t.id, config: '' };
    const spec = pageSpec(product, placed, 'create', fn, req.user!, 'post-function-frame');
    page(req, res, {
      title: `Add ${placed.declaration.name}`,
      active: 'workflows',
      body: postFunctionPage({ title: placed.declaration.name, appName: placed.descriptor.name, container: spec?.container, action: 'Add', transitionName: t.name, fn }),
      views: spec ? [spec] : [],
      location: { target: 'workflows', context: {} },
    });
  });

  router.get('/post-functions/:id/edit', (req, res) => {
    const fn = product.store.postFunctions().find((f) => f.id === req.params.id);
    const placed = fn && find(fn.appKey, fn.moduleKey);
    const spec = fn && placed && pageSpec(product, placed, 'edit', fn, req.user!, 'post-function-frame');
    if (!fn || !placed || !spec) return notFound(req, res, 'No such post function, or it has no edit page.');
    page(req, res, {
      title: `Edit ${placed.declaration.name}`,
      active: 'workflows',
      body: postFunctionPage({ title: placed.declaration.name, appName: placed.descriptor.name, container: spec.container, action: 'Update', transitionName: transition(fn.transitionId)?.name ?? '', fn }),
      views: [spec],
      location: { target: 'workflows', context: {} },
    });
  });

  // What the page's Add / Update button posts once the app's page gave its configuration.
  router.post('/post-functions/:id', express.json({ limit: '64kb' }), (req, res) => {
    const body = (req.body ?? {}) as { function?: unknown; transitionId?: unknown; config?: unknown };
    const id = String(req.params.id);
    const existing = product.store.postFunctions().find((f) => f.id === id);
    const [appKey = '', moduleKey = ''] = typeof body.function === 'string' ? body.function.split('/') : [];
    const t = transition(Number(body.transitionId));
    if (typeof body.config !== 'string' || body.config.length > MAX_CONFIG) return jsonError(res, 400, `config must be a string of at most ${MAX_CONFIG} characters`);
    if (!/^[\w-]{1,64}$/.test(id)) return jsonError(res, 400, 'Invalid post function id');
    if (!existing && (!t || !find(appKey, moduleKey))) return jsonError(res, 404, 'No such transition or post function');
    product.store.savePostFunction(existing ? { ...existing, config: body.config } : { id, appKey, moduleKey, transitionId: t!.id, config: body.config });
    res.json({ id });
  });

  router.post('/post-functions/:id/remove', (req, res) => {
    product.store.removePostFunction(String(req.params.id));
    res.redirect('/admin/workflows');
  });
  return router;
}
