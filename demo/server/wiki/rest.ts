import { createReadStream } from 'node:fs';
import express, { type Request, type Response } from 'express';
import multer from 'multer';
import { USERS } from '../store.js';
import { attachmentJson, contentJson, pageService, pageV2Json, propertyJson, spaceJson, type Wiki } from './content.js';
import { CqlError, parseCql } from './cql.js';
import type { WikiPage } from './store.js';

const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const MAX_BODY = 5 * 1024 * 1024;

/** Confluence's error body. */
export function wikiError(res: Response, status: number, message: string, extra: Record<string, unknown> = {}): void {
  res.status(status).json({ statusCode: status, message, data: { authorized: status !== 401 && status !== 403, valid: status !== 400, errors: [], successful: false }, ...extra });
}

function expandOf(req: Request): Set<string> {
  return new Set(String(req.query.expand ?? '').split(',').map((s) => s.trim()).filter(Boolean));
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** `body.storage.value` of a REST body; storage is the one representation the simulator stores. */
function storageOf(body: Record<string, unknown>, res: Response): string | undefined | null {
  const storage = record(record(body.body).storage);
  if (storage.value === undefined) return undefined;
  if (typeof storage.value !== 'string' || (storage.representation !== undefined && storage.representation !== 'storage')) {
    wikiError(res, 400, 'body.storage must be { value: string, representation: "storage" }');
    return null;
  }
  return storage.value.slice(0, MAX_BODY);
}

function userJson(wiki: Wiki, user: (typeof USERS)[number] | { accountId: string; displayName: string; email: string }): Record<string, unknown> {
  return {
    type: 'known', accountId: user.accountId, accountType: 'atlassian', email: user.email, publicName: user.displayName, displayName: user.displayName,
    profilePicture: { path: '/images/icons/profilepics/default.svg', width: 48, height: 48, isDefault: true },
    _links: { self: `${wiki.product.baseUrl}/rest/api/user?accountId=${encodeURIComponent(user.accountId)}`, base: wiki.product.baseUrl, context: wiki.product.contextPath },
  };
}

/** Confluence REST v1 (`/rest/api`) as `req.actor`: content, attachments, properties, spaces, search, users. */
export function wikiRestApi(wiki: Wiki): express.Router {
  const api = express.Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 10 } });
  const base = wiki.product.baseUrl;
  const links = (self: string): Record<string, string> => ({ base, context: wiki.product.contextPath, self });

  const findPage = (req: Request, res: Response): WikiPage | undefined => {
    const page = wiki.content.page(String(req.params.id));
    if (!page) wikiError(res, 404, `No content found with id: ContentId{id=${String(req.params.id)}}`);
    return page;
  };

  api.get('/user/current', (req, res) => res.json(userJson(wiki, req.actor!.user)));
  api.get('/user', (req, res) => {
    const user = USERS.find((u) => u.accountId === req.query.accountId);
    if (!user) return wikiError(res, 404, 'No user found with that accountId');
    res.json(userJson(wiki, user));
  });

  api.get('/space', (_req, res) => {
    const results = wiki.content.spaces().map((s) => spaceJson(s, base));
    res.json({ results, start: 0, limit: 25, size: results.length, _links: links(`${base}/rest/api/space`) });
  });
  api.get('/space/:key', (req, res) => {
    const space = wiki.content.space(String(req.params.key));
    if (!space) return wikiError(res, 404, `No space with key : ${String(req.params.key)}`);
    res.json(spaceJson(space, base));
  });

  const listContent = (req: Request, res: Response, pages: readonly WikiPage[], cql?: string): void => {
    const limit = Math.min(Math.max(Number(req.query.limit) || 25, 1), 100);
    const start = Math.max(Number(req.query.start) || 0, 0);
    const results = pages.slice(start, start + limit).map((p) => contentJson(wiki, p, expandOf(req)));
    res.json({ results, start, limit, size: results.length, ...(cql !== undefined ? { totalSize: pages.length, cqlQuery: cql } : {}), _links: links(`${base}${req.baseUrl}${req.path}`) });
  };
  api.get('/content/search', (req, res) => {
    const cql = String(req.query.cql ?? '');
    try {
      listContent(req, res, wiki.content.pages().filter(parseCql(cql)), cql);
    } catch (error) {
      if (error instanceof CqlError) return wikiError(res, 400, error.message, { code: 'CQL_INVALID' });
      throw error;
    }
  });
  api.get('/content', (req, res) => {
    const { spaceKey, title, type } = req.query;
    if (type !== undefined && type !== 'page') return listContent(req, res, []);
    listContent(req, res, wiki.content.pages().filter((p) => (typeof spaceKey !== 'string' || p.spaceKey === spaceKey.toUpperCase()) && (typeof title !== 'string' || p.title === title)));
  });
  api.get('/content/:id', (req, res) => {
    const page = findPage(req, res);
    if (page) res.json(contentJson(wiki, page, expandOf(req)));
  });
  api.post('/content', express.json({ limit: '6mb' }), (req, res) => {
    const body = record(req.body);
    const spaceKey = String(record(body.space).key ?? '').toUpperCase();
    if (body.type !== undefined && body.type !== 'page') return wikiError(res, 400, 'The simulator creates content of type "page" only');
    if (typeof body.title !== 'string' || !body.title.trim()) return wikiError(res, 400, 'A page needs a title');
    if (!wiki.content.space(spaceKey)) return wikiError(res, 400, `No space with key ${spaceKey || '(none)'}; send space: { key }`);
    if (wiki.content.pages().some((p) => p.spaceKey === spaceKey && p.title === body.title)) return wikiError(res, 400, `A page with this title already exists: A page already exists with the title ${body.title} in this space`);
    const ancestors = Array.isArray(body.ancestors) ? body.ancestors.map(record) : [];
    const parentId = ancestors.length ? String(ancestors[ancestors.length - 1]!.id ?? '') : null;
    if (parentId !== null && !wiki.content.page(parentId)) return wikiError(res, 400, `The ancestor ${parentId} does not exist`);
    const storage = storageOf(body, res);
    if (storage === null) return;
    const page = pageService.create(wiki, req.actor!.user, { spaceKey, title: body.title.slice(0, 255), body: storage ?? '', parentId });
    res.status(200).json(contentJson(wiki, page, new Set(['body.storage', 'ancestors'])));
  });
  api.put('/content/:id', express.json({ limit: '6mb' }), (req, res) => {
    const page = findPage(req, res);
    if (!page) return;
    const body = record(req.body);
    const number = record(body.version).number;
    if (typeof number !== 'number') return wikiError(res, 400, 'An update needs version: { number } (the current version plus one)');
    if (number !== page.version + 1) {
      return wikiError(res, 409, `Version must be incremented on update. Current version is: ${page.version}`, { code: 'VERSION_CONFLICT', currentVersion: page.version });
    }
    const storage = storageOf(body, res);
    if (storage === null) return;
    const fields: Partial<Pick<WikiPage, 'title' | 'body'>> = {};
    if (typeof body.title === 'string' && body.title.trim()) fields.title = body.title.slice(0, 255);
    if (storage !== undefined) fields.body = storage;
    pageService.update(wiki, req.actor!.user, page, fields);
    res.json(contentJson(wiki, page, new Set(['body.storage'])));
  });
  api.delete('/content/:id', (req, res) => {
    const page = findPage(req, res);
    if (!page) return;
    pageService.remove(wiki, req.actor!.user, page);
    res.status(204).end();
  });

  api.get('/content/:id/child/attachment', (req, res) => {
    const page = findPage(req, res);
    if (!page) return;
    const results = page.attachments.map((a) => attachmentJson(wiki, page, a));
    res.json({ results, start: 0, limit: 50, size: results.length, _links: links(`${base}/rest/api/content/${page.id}/child/attachment`) });
  });
  api.post('/content/:id/child/attachment', (req, res, next) => {
    // Confluence refuses uploads without it (XSRF protection), so apps written for it send it.
    if (req.headers['x-atlassian-token'] !== 'no-check') return wikiError(res, 403, 'XSRF check failed: send "X-Atlassian-Token: no-check"', { code: 'XSRF' });
    next();
  }, upload.any(), (req, res) => {
    const page = findPage(req, res);
    if (!page) return;
    const files = (req.files as Express.Multer.File[] | undefined) ?? [];
    if (files.length === 0) return wikiError(res, 400, 'No file in the multipart body (field "file")');
    const created = files.map((f) => pageService.attach(wiki, req.actor!.user, page, { title: f.originalname || 'file', mediaType: f.mimetype || 'application/octet-stream', size: f.size }, f.buffer));
    const results = created.map((a) => attachmentJson(wiki, page, a));
    res.json({ results, size: results.length, _links: links(`${base}/rest/api/content/${page.id}/child/attachment`) });
  });

  api.get('/content/:id/property', (req, res) => {
    const page = findPage(req, res);
    if (!page) return;
    const results = page.properties.map((p) => propertyJson(wiki, page, p));
    res.json({ results, start: 0, limit: 10, size: results.length, _links: links(`${base}/rest/api/content/${page.id}/property`) });
  });
  api.get('/content/:id/property/:key', (req, res) => {
    const page = findPage(req, res);
    if (!page) return;
    const property = wiki.content.property(page, String(req.params.key));
    if (!property) return wikiError(res, 404, `Cannot find property with key: ${String(req.params.key)}`);
    res.json(propertyJson(wiki, page, property));
  });
  const writeProperty = (req: Request, res: Response, key: string, create: boolean): void => {
    const page = findPage(req, res);
    if (!page) return;
    const body = record(req.body);
    if (!('value' in body)) return wikiError(res, 400, 'A content property needs a "value"');
    const rawVersion = record(body.version).number;
    const version = typeof rawVersion === 'number' ? rawVersion : create ? 1 : undefined;
    if (create && wiki.content.property(page, key)) return wikiError(res, 409, `A property with key ${key} already exists; PUT it with the next version`, { code: 'VERSION_CONFLICT' });
    const result = wiki.content.setProperty(page, key, body.value, version);
    if ('error' in result) {
      if (result.error === 'key') return wikiError(res, 400, 'The property key must be 1-255 letters, digits, ".", ":", "_" or "-"', { code: 'PROPERTY_KEY_INVALID' });
      if (result.error === 'size') return wikiError(res, 413, 'The property value is over 32768 bytes', { code: 'PROPERTY_TOO_LARGE' });
      const current = wiki.content.property(page, key)?.version ?? 0;
      return wikiError(res, 409, `Version must be incremented on update. Current version is: ${current}`, { code: 'VERSION_CONFLICT', currentVersion: current });
    }
    res.json(propertyJson(wiki, page, result.property));
  };
  api.post('/content/:id/property', express.json({ limit: '40kb' }), (req, res) => writeProperty(req, res, String(record(req.body).key ?? ''), true));
  api.post('/content/:id/property/:key', express.json({ limit: '40kb' }), (req, res) => writeProperty(req, res, String(req.params.key), true));
  api.put('/content/:id/property/:key', express.json({ limit: '40kb' }), (req, res) => writeProperty(req, res, String(req.params.key), false));
  api.delete('/content/:id/property/:key', (req, res) => {
    const page = findPage(req, res);
    if (!page) return;
    if (!wiki.content.deleteProperty(page, String(req.params.key))) return wikiError(res, 404, `Cannot find property with key: ${String(req.params.key)}`);
    res.status(204).end();
  });
  api.use((_req: Request, res: Response) => wikiError(res, 404, 'No such REST resource in the simulator'));
  return api;
}

/** Confluence REST v2 (`/api/v2`): pages and their properties. */
export function wikiRestV2(wiki: Wiki): express.Router {
  const api = express.Router();
  const findPage = (req: Request, res: Response): WikiPage | undefined => {
    const page = wiki.content.page(String(req.params.id));
    if (!page) res.status(404).json({ errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: null }] });
    return page;
  };
  api.get('/pages/:id', (req, res) => {
    const page = findPage(req, res);
    if (page) res.json(pageV2Json(wiki, page, req.query['body-format'] === 'storage'));
  });
  api.post('/pages', express.json({ limit: '6mb' }), (req, res) => {
    const body = record(req.body);
    const space = wiki.content.spaces().find((s) => s.id === String(body.spaceId ?? ''));
    const bad = (detail: string) => res.status(400).json({ errors: [{ status: 400, code: 'INVALID_REQUEST_PARAMETER', title: detail, detail: null }] });
    if (!space) return bad('spaceId must name an existing space (DEMO is 98305)');
    if (typeof body.title !== 'string' || !body.title.trim()) return bad('A page needs a title');
    const storage = record(body.body);
    if (storage.value !== undefined && (typeof storage.value !== 'string' || storage.representation !== 'storage')) return bad('body must be { representation: "storage", value }');
    const parentId = body.parentId === undefined || body.parentId === null ? null : String(body.parentId);
    if (parentId !== null && !wiki.content.page(parentId)) return bad(`The parent ${parentId} does not exist`);
    const page = pageService.create(wiki, req.actor!.user, { spaceKey: space.key, title: body.title.slice(0, 255), body: typeof storage.value === 'string' ? storage.value.slice(0, MAX_BODY) : '', parentId });
    res.status(200).json(pageV2Json(wiki, page, true));
  });
  api.get('/pages/:id/properties', (req, res) => {
    const page = findPage(req, res);
    if (!page) return;
    res.json({ results: page.properties.map((p) => ({ id: p.id, key: p.key, value: p.value, version: { number: p.version, createdAt: p.when, message: '', minorEdit: false } })), _links: {} });
  });
  api.use((_req: Request, res: Response) => res.status(404).json({ errors: [{ status: 404, code: 'NOT_FOUND', title: 'No such REST resource in the simulator', detail: null }] }));
  return api;
}

/** `/download/attachments/<page id>/<file name>`: the bytes, as Confluence serves them. */
export function wikiDownloads(wiki: Wiki): express.Router {
  const router = express.Router();
  router.get('/attachments/:id/:file', (req, res) => {
    const page = wiki.content.page(String(req.params.id));
    const attachment = page?.attachments.find((a) => a.title === req.params.file);
    if (!page || !attachment) return wikiError(res, 404, 'Attachment not found');
    res.setHeader('content-type', attachment.mediaType);
    res.setHeader('content-length', String(attachment.size));
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-disposition', `attachment; filename="${attachment.title.replace(/[^\w. -]/g, '_')}"`);
    createReadStream(wiki.content.attachmentPath(attachment.fileId)).pipe(res);
  });
  return router;
}
