import express from 'express';
import type { ProductInfo } from '../install.js';
import { appFields, displayValue } from '../fields.js';
import { issueService } from '../issues.js';
import { typesInIssueRegion } from '../moduleTypes.js';
import { acParams, containerId, viewSpec, visibleModules, type PageContext, type Placed } from '../modules.js';
import { issueListPage, messagePage } from '../pages.js';
import { issuePage, type LazyRegion } from '../views/issue.js';
import { WEB_ITEM_LOCATIONS, actionsMenu, webItemsAt } from '../webItems.js';
import type { RenderPage } from '../render.js';
import type { Issue } from '../store.js';

const PANEL_LOCATIONS = new Set(['atl.jira.view.issue.right.context', 'atl.jira.view.issue.left.context']);

/** The project's issue list, the create form, and the issue page with the app modules it shows. */
export function issuesRouter(product: ProductInfo, page: RenderPage): express.Router {
  const router = express.Router();

  router.get(['/', '/projects/DEMO'], (_req, res) => res.redirect('/projects/DEMO/issues'));
  router.get('/projects/DEMO/issues', (req, res) => {
    const text = typeof req.query.text === 'string' ? req.query.text : '';
    const issues = product.store.issues().filter((i) => !text || `${i.key} ${i.summary}`.toLowerCase().includes(text.toLowerCase()));
    page(req, res, { title: 'Issues', active: 'issues', body: issueListPage(issues, text), ctx: { projectKey: 'DEMO' } });
  });
  router.post('/projects/DEMO/issues', (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const summary = (body.summary ?? '').trim().slice(0, 255);
    if (!summary) return void res.redirect('/projects/DEMO/issues#create');
    const issueType = (['Task', 'Bug', 'Story'] as const).find((t) => t === body.issueType) ?? 'Task';
    const issue = issueService.create(product, req.user!, { projectKey: 'DEMO', summary, issueType, description: (body.description ?? '').slice(0, 32_000) });
    res.redirect(`/browse/${issue.key}`);
  });

  router.get('/browse/:key', (req, res) => {
    const issue = product.store.issue(String(req.params.key));
    if (!issue) return void page(req, res, { title: 'Not found', active: 'issues', body: messagePage('Issue not found', `There is no issue ${String(req.params.key)}.`) });
    const user = req.user!;
    const ctx: PageContext = { issue, ac: acParams(req.query) };
    const shown = (region: 'panel' | 'content' | 'glance' | 'tab' | 'background') => visibleModules(product, typesInIssueRegion(region), user, ctx);
    const lazy = (prefix: string) => (p: Placed): LazyRegion => {
      const label = (p.declaration.content as { label?: { value?: unknown } } | undefined)?.label?.value;
      return { app: p.installation.key, moduleKey: p.declaration.key, title: p.declaration.name, appName: p.descriptor.name, container: containerId(prefix, p), ...(typeof label === 'string' ? { label } : {}) };
    };
    const panels = shown('panel')
      .filter((p) => PANEL_LOCATIONS.has(String(p.declaration.location)))
      .map((p) => ({ title: p.declaration.name, appName: p.descriptor.name, spec: viewSpec(product, p, ctx, user, containerId('panel', p)) }));
    const backgrounds = shown('background').map((p) => viewSpec(product, p, ctx, user, containerId('background', p)));
    const body = issuePage(issue, {
      panels,
      backgrounds: backgrounds.map((s) => s.container),
      glances: shown('glance').map(lazy('glance')),
      contents: shown('content').map(lazy('content')),
      tabs: shown('tab').map(lazy('tab')),
      opsButtons: webItemsAt(product, WEB_ITEM_LOCATIONS.issueOps, user, ctx),
      menu: actionsMenu(product, user, ctx),
      fields: appFields(product).map((f) => ({ name: f.name, value: displayValue(issue.fieldValues?.[f.key]) })),
    });
    page(req, res, { title: `${issue.key} ${issue.summary}`, active: 'issues', body, ctx, views: [...panels.map((p) => p.spec), ...backgrounds] });
  });
  router.post('/browse/:key/comment', (req, res) => {
    const issue = product.store.issue(String(req.params.key));
    if (!issue) return void res.redirect('/projects/DEMO/issues');
    const text = String((req.body as { body?: unknown }).body ?? '').trim().slice(0, 32_000);
    if (text) issueService.comment(product, req.user!, issue, text);
    res.redirect(`/browse/${issue.key}#comment`);
  });
  router.post('/browse/:key/edit', (req, res) => {
    const issue = product.store.issue(String(req.params.key));
    if (!issue) return void res.redirect('/projects/DEMO/issues');
    const body = req.body as Record<string, string | undefined>;
    const fields: Partial<Issue> = {};
    if (body.summary?.trim()) fields.summary = body.summary.trim().slice(0, 255);
    const status = (['To Do', 'In Progress', 'Done'] as const).find((s) => s === body.status);
    if (status) fields.status = status;
    issueService.update(product, req.user!, issue, fields);
    res.redirect(`/browse/${issue.key}`);
  });
  return router;
}
