import { createReadStream } from 'node:fs';
import express, { type Request, type Response } from 'express';
import multer from 'multer';
import { jsonError } from './auth.js';
import type { ProductInfo } from './install.js';
import { searchJql } from './jql.js';
import { appFields, checkValue, findField } from './fields.js';
import { attachmentJson, commentJson, issueJson, issueService, plainText, userJson } from './issues.js';
import { entityProperties } from './properties.js';
import { USERS, type Issue } from './store.js';

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const STATUSES: readonly Issue['status'][] = ['To Do', 'In Progress', 'Done'];
const TYPES: readonly Issue['issueType'][] = ['Task', 'Bug', 'Story'];

function fieldsFrom(body: unknown): Partial<Issue> & { projectKey?: string } {
  const fields = ((body as { fields?: unknown } | undefined)?.fields ?? {}) as Record<string, unknown>;
  const out: Partial<Issue> & { projectKey?: string } = {};
  if (typeof fields.summary === 'string') out.summary = fields.summary.slice(0, 255);
  if (fields.description !== undefined) out.description = plainText(fields.description).slice(0, 32_000);
  const project = fields.project as { key?: unknown } | undefined;
  if (typeof project?.key === 'string') out.projectKey = project.key.toUpperCase();
  const type = (fields.issuetype as { name?: unknown } | undefined)?.name;
  if (TYPES.includes(type as Issue['issueType'])) out.issueType = type as Issue['issueType'];
  const status = (fields.status as { name?: unknown } | undefined)?.name;
  if (STATUSES.includes(status as Issue['status'])) out.status = status as Issue['status'];
  return out;
}

/** Jira REST API v3 (the subset apps most use), answering as `req.actor`. */
export function restApi(product: ProductInfo): express.Router {
  const api = express.Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 10 } });
  const { store } = product;

  const findIssue = (req: Request, res: Response): Issue | undefined => {
    const issue = store.issue(String(req.params.key));
    if (!issue) jsonError(res, 404, 'Issue does not exist or you do not have permission to see it.');
    return issue;
  };

  api.get('/myself', (req, res) => {
    res.json(userJson(req.actor!.user, product.baseUrl));
  });
  api.get('/user', (req, res) => {
    const user = USERS.find((u) => u.accountId === req.query.accountId);
    if (!user) return jsonError(res, 404, 'User not found');
    res.json(userJson(user, product.baseUrl));
  });
  api.get('/project', (_req, res) => {
    res.json(store.projects().map((p) => ({ id: p.id, key: p.key, name: p.name })));
  });
  api.get('/issue/:key', (req, res) => {
    const issue = findIssue(req, res);
    if (issue) res.json(issueJson(issue, product));
  });
  api.post('/issue', express.json({ limit: '1mb' }), (req, res) => {
    const fields = fieldsFrom(req.body);
    if (!fields.summary) return jsonError(res, 400, 'Field "summary" is required', { errors: { summary: 'You must specify a summary of the issue.' } });
    const projectKey = fields.projectKey ?? '';
    if (!store.projects().some((p) => p.key === projectKey)) return jsonError(res, 400, 'Field "project" must name an existing project', { errors: { project: 'valid project is required' } });
    const issue = issueService.create(product, req.actor!.user, { ...fields, projectKey, summary: fields.summary });
    res.status(201).json({ id: issue.id, key: issue.key, self: `${product.baseUrl}/rest/api/3/issue/${issue.id}` });
  });
  api.put('/issue/:key', express.json({ limit: '1mb' }), (req, res) => {
    const issue = findIssue(req, res);
    if (!issue) return;
    const { projectKey: _ignored, ...fields } = fieldsFrom(req.body);
    // App issue fields by id or key; a read_only one is the app's to write (PUT /app/field/...).
    const given = ((req.body as { fields?: unknown } | undefined)?.fields ?? {}) as Record<string, unknown>;
    const values = { ...issue.fieldValues };
    let touched = false;
    for (const field of appFields(product)) {
      const value = Object.hasOwn(given, field.id) ? given[field.id] : Object.hasOwn(given, field.key) ? given[field.key] : undefined;
      if (value === undefined) continue;
      if (field.type === 'read_only') return jsonError(res, 400, `Field ${field.id} is read-only`, { errors: { [field.id]: 'Field cannot be set. It is not on the appropriate screen, or unknown.' } });
      const checked = checkValue(field, value);
      if ('error' in checked) return jsonError(res, 400, checked.error, { errors: { [field.id]: checked.error } });
      values[field.key] = checked.value;
      touched = true;
    }
    issueService.update(product, req.actor!.user, issue, touched ? { ...fields, fieldValues: values } : fields);
    res.status(204).end();
  });
  // The fields an app can name: the system fields above and the app fields of enabled apps.
  api.get('/field', (_req, res) => {
    const system = [['summary', 'Summary', 'string'], ['description', 'Description', 'string'], ['status', 'Status', 'status'], ['issuetype', 'Issue Type', 'issuetype'], ['priority', 'Priority', 'priority'], ['assignee', 'Assignee', 'user'], ['reporter', 'Reporter', 'user'], ['project', 'Project', 'project']];
    res.json([
      ...system.map(([id, name, type]) => ({ id, key: id, name, custom: false, schema: { type, system: id } })),
      ...appFields(product).map((f) => ({ id: f.id, key: f.key, name: f.name, custom: true, schema: { type: f.type === 'multi_select' ? 'array' : f.type === 'single_select' ? 'option' : f.type === 'number' ? 'number' : 'string', custom: f.key, customId: Number(f.id.slice('customfield_'.length)) } })),
    ]);
  });
  // Jira's "update custom field value" for apps: only the app that declared the field may call it.
  api.put('/app/field/:field/value', express.json({ limit: '1mb' }), (req, res) => {
    const field = findField(product, String(req.params.field));
    if (!field) return jsonError(res, 404, 'No app field with that id or key');
    if (req.actor!.appKey !== field.appKey) return jsonError(res, 403, 'Only the app that declared this field can update its values through this resource');
    const updates = (req.body as { updates?: unknown } | undefined)?.updates;
    if (!Array.isArray(updates) || updates.length === 0 || updates.length > 100) return jsonError(res, 400, 'updates must be a list of 1 to 100 { issueIds, value }');
    const changes: { issue: Issue; value: unknown }[] = [];
    for (const update of updates as { issueIds?: unknown; value?: unknown }[]) {
      const checked = checkValue(field, update?.value === undefined ? null : update.value);
      if ('error' in checked) return jsonError(res, 400, checked.error);
      if (!Array.isArray(update.issueIds) || update.issueIds.length > 1000) return jsonError(res, 400, 'issueIds must be a list of issue ids');
      for (const id of update.issueIds) {
        const issue = store.issues().find((i) => i.id === String(id));
        if (!issue) return jsonError(res, 400, `Issue ${String(id)} does not exist`);
        changes.push({ issue, value: checked.value });
      }
    }
    for (const { issue, value } of changes) issueService.update(product, req.actor!.user, issue, { fieldValues: { ...issue.fieldValues, [field.key]: value } });
    res.status(204).end();
  });
  api.delete('/issue/:key', (req, res) => {
    const issue = findIssue(req, res);
    if (!issue) return;
    issueService.remove(product, req.actor!.user, issue);
    res.status(204).end();
  });
  const searchHandler = (req: Request, res: Response): void => {
    const jql = String((req.method === 'GET' ? req.query.jql : (req.body as { jql?: unknown } | undefined)?.jql) ?? '');
    const max = Math.min(Number(req.method === 'GET' ? req.query.maxResults : (req.body as { maxResults?: unknown })?.maxResults) || 50, 100);
    const found = searchJql(product.store.issues(), jql);
    res.json({ startAt: 0, maxResults: max, total: found.length, issues: found.slice(0, max).map((i) => issueJson(i, product)) });
  };
  api.get('/search', searchHandler);
  api.post('/search', express.json(), searchHandler);
  api.post('/issue/:key/attachments', (req, res, next) => {
    // Jira requires this header on attachment uploads, so apps written for Jira send it.
    if (req.headers['x-atlassian-token'] !== 'no-check') return jsonError(res, 403, 'XSRF check failed: send "X-Atlassian-Token: no-check"', { code: 'XSRF' });
    next();
  }, upload.any(), (req, res) => {
    const issue = findIssue(req, res);
    if (!issue) return;
    const files = (req.files as Express.Multer.File[] | undefined) ?? [];
    if (files.length === 0) return jsonError(res, 400, 'No file in the multipart body (field "file")');
    const created = files.map((f) =>
      store.addAttachment(issue, { filename: f.originalname || 'file', mimeType: f.mimetype || 'application/octet-stream', size: f.size, authorId: req.actor!.user.accountId }, f.buffer),
    );
    issueService.update(product, req.actor!.user, issue, {});
    res.json(created.map((a) => attachmentJson(a, product.baseUrl)));
  });
  api.get('/attachment/:id', (req, res) => {
    const attachment = store.attachment(String(req.params.id));
    if (!attachment) return jsonError(res, 404, 'Attachment not found');
    res.json(attachmentJson(attachment, product.baseUrl));
  });
  api.get('/attachment/content/:id', (req, res) => {
    const attachment = store.attachment(String(req.params.id));
    if (!attachment) return jsonError(res, 404, 'Attachment not found');
    res.setHeader('content-type', attachment.mimeType);
    res.setHeader('content-length', String(attachment.size));
    res.setHeader('content-disposition', `attachment; filename="${attachment.filename.replace(/[^\w. -]/g, '_')}"`);
    createReadStream(store.attachmentPath(attachment.id)).pipe(res);
  });
  api.get('/issue/:key/comment', (req, res) => {
    const issue = findIssue(req, res);
    if (!issue) return;
    const comments = (issue.comments ?? []).map((c) => commentJson(issue, c, product.baseUrl));
    res.json({ startAt: 0, maxResults: comments.length, total: comments.length, comments });
  });
  api.post('/issue/:key/comment', express.json({ limit: '1mb' }), (req, res) => {
    const issue = findIssue(req, res);
    if (!issue) return;
    const body = plainText((req.body as { body?: unknown } | undefined)?.body).slice(0, 32_000);
    if (!body.trim()) return jsonError(res, 400, 'Comment body can not be empty!', { errors: { comment: 'Comment body can not be empty!' } });
    res.status(201).json(commentJson(issue, issueService.comment(product, req.actor!.user, issue, body), product.baseUrl));
  });
  api.put('/issue/:key/comment/:id', express.json({ limit: '1mb' }), (req, res) => {
    const issue = findIssue(req, res);
    if (!issue) return;
    const comment = (issue.comments ?? []).find((c) => c.id === req.params.id);
    if (!comment) return jsonError(res, 404, 'Can not find a comment for the id.');
    const body = plainText((req.body as { body?: unknown } | undefined)?.body).slice(0, 32_000);
    if (!body.trim()) return jsonError(res, 400, 'Comment body can not be empty!');
    res.json(commentJson(issue, issueService.editComment(product, req.actor!.user, issue, comment, body), product.baseUrl));
  });
  entityProperties(product, api);
  api.use((_req: Request, res: Response) => jsonError(res, 404, 'No such REST resource in the simulator'));
  return api;
}
