import { fireWebhook, type ProductInfo } from '../install.js';
import { USERS, type User } from '../store.js';
import type { ContentPropertyRecord, Space, WikiAttachment, WikiPage, WikiStore } from './store.js';

/** The wiki: its Connect product (installations, clientKey, base URL `…/wiki`) and its content. */
export interface Wiki {
  product: ProductInfo;
  content: WikiStore;
}

export function webuiPath(page: WikiPage): string {
  return `/spaces/${page.spaceKey}/pages/${page.id}/${encodeURIComponent(page.title.replace(/\s+/g, '+'))}`;
}

export function downloadPath(page: WikiPage, attachment: WikiAttachment): string {
  return `/download/attachments/${page.id}/${encodeURIComponent(attachment.title)}?version=1&modificationDate=${Date.parse(attachment.created)}&api=v2`;
}

function userRef(accountId: string): Record<string, unknown> {
  const user = USERS.find((u) => u.accountId === accountId);
  return { type: 'known', accountId, accountType: 'atlassian', publicName: user?.displayName ?? accountId, displayName: user?.displayName ?? accountId };
}

export function spaceJson(space: Space, base: string): Record<string, unknown> {
  return {
    id: Number(space.id), key: space.key, name: space.name, type: space.type, status: 'current',
    _links: { webui: `/spaces/${space.key}`, self: `${base}/rest/api/space/${space.key}` },
    _expandable: { description: '', homepage: '' },
  };
}

/** A page as REST v1 returns it; `expand` adds `body.storage` and `ancestors` (version and space always). */
export function contentJson(wiki: Wiki, page: WikiPage, expand: ReadonlySet<string>): Record<string, unknown> {
  const base = wiki.product.baseUrl;
  const space = wiki.content.space(page.spaceKey);
  const json: Record<string, unknown> = {
    id: page.id, type: 'page', status: 'current', title: page.title,
    ...(space ? { space: spaceJson(space, base) } : {}),
    version: { by: userRef(page.authorId), when: page.updated, number: page.version, message: '', minorEdit: false },
    _links: { webui: webuiPath(page), editui: `/spaces/${page.spaceKey}/pages/edit-v2/${page.id}`, tinyui: `/x/${page.id}`, self: `${base}/rest/api/content/${page.id}` },
    _expandable: { children: `/rest/api/content/${page.id}/child`, descendants: `/rest/api/content/${page.id}/descendant`, history: `/rest/api/content/${page.id}/history` },
  };
  if (expand.has('body.storage') || expand.has('body')) json.body = { storage: { value: page.body, representation: 'storage' } };
  if (expand.has('ancestors')) json.ancestors = ancestorsOf(wiki, page).map((a) => ({ id: a.id, type: 'page', status: 'current', title: a.title, _links: { webui: webuiPath(a) } }));
  return json;
}

export function ancestorsOf(wiki: Wiki, page: WikiPage): WikiPage[] {
  const out: WikiPage[] = [];
  for (let parent = page.parentId ? wiki.content.page(page.parentId) : undefined; parent && out.length < 50; parent = parent.parentId ? wiki.content.page(parent.parentId) : undefined) {
    out.unshift(parent);
  }
  return out;
}

/** An attachment as REST v1 lists it, with the `mediaType` field v2 also has at the top level. */
export function attachmentJson(wiki: Wiki, page: WikiPage, attachment: WikiAttachment): Record<string, unknown> {
  return {
    id: attachment.id, type: 'attachment', status: 'current', title: attachment.title, mediaType: attachment.mediaType,
    metadata: { mediaType: attachment.mediaType, comment: '' },
    extensions: { mediaType: attachment.mediaType, fileSize: attachment.size, comment: '' },
    version: { by: userRef(attachment.authorId), when: attachment.created, number: 1 },
    container: { id: page.id, type: 'page', title: page.title },
    _links: { webui: `${webuiPath(page)}?preview=${encodeURIComponent(`/${page.id}/${attachment.title}`)}`, download: downloadPath(page, attachment), self: `${wiki.product.baseUrl}/rest/api/content/${attachment.id}` },
  };
}

export function propertyJson(wiki: Wiki, page: WikiPage, property: ContentPropertyRecord): Record<string, unknown> {
  return {
    id: property.id, key: property.key, value: property.value,
    version: { when: property.when, number: property.version, message: '', minorEdit: false },
    _links: { base: wiki.product.baseUrl, context: wiki.product.contextPath, self: `${wiki.product.baseUrl}/rest/api/content/${page.id}/property/${encodeURIComponent(property.key)}` },
  };
}

/** A page as the REST v2 API returns it. */
export function pageV2Json(wiki: Wiki, page: WikiPage, withBody: boolean): Record<string, unknown> {
  const space = wiki.content.space(page.spaceKey);
  return {
    id: page.id, status: 'current', title: page.title, spaceId: space?.id ?? '', parentId: page.parentId, parentType: page.parentId ? 'page' : null,
    authorId: page.authorId, createdAt: page.created,
    version: { createdAt: page.updated, message: '', number: page.version, minorEdit: false, authorId: page.authorId },
    ...(withBody ? { body: { storage: { value: page.body, representation: 'storage' } } } : {}),
    _links: { webui: webuiPath(page), editui: `/spaces/${page.spaceKey}/pages/edit-v2/${page.id}`, tinyui: `/x/${page.id}` },
  };
}

function webhookPage(wiki: Wiki, page: WikiPage): Record<string, unknown> {
  return {
    id: Number(page.id), title: page.title, spaceKey: page.spaceKey, contentType: 'page', version: page.version,
    creatorAccountId: page.authorId, lastModifierAccountId: page.authorId,
    creationDate: Date.parse(page.created), modificationDate: Date.parse(page.updated),
    self: `${wiki.product.baseUrl}${webuiPath(page)}`,
  };
}

/** Page changes made by people or apps, each followed by the webhook Confluence sends for it. */
export const pageService = {
  create(wiki: Wiki, user: User, fields: Pick<WikiPage, 'spaceKey' | 'title' | 'body' | 'parentId'>): WikiPage {
    const page = wiki.content.createPage(fields, user.accountId);
    fireWebhook(wiki.product, 'page_created', { userAccountId: user.accountId, page: webhookPage(wiki, page) });
    return page;
  },
  update(wiki: Wiki, user: User, page: WikiPage, fields: Partial<Pick<WikiPage, 'title' | 'body' | 'parentId'>>): WikiPage {
    wiki.content.updatePage(page, fields, user.accountId);
    fireWebhook(wiki.product, 'page_updated', { userAccountId: user.accountId, page: webhookPage(wiki, page) });
    return page;
  },
  remove(wiki: Wiki, user: User, page: WikiPage): void {
    wiki.content.deletePage(page);
    fireWebhook(wiki.product, 'page_removed', { userAccountId: user.accountId, page: webhookPage(wiki, page) });
  },
  attach(wiki: Wiki, user: User, page: WikiPage, file: Pick<WikiAttachment, 'title' | 'mediaType' | 'size'>, bytes: Buffer): WikiAttachment {
    const attachment = wiki.content.addAttachment(page, file, bytes, user.accountId);
    fireWebhook(wiki.product, 'attachment_created', {
      userAccountId: user.accountId,
      attachment: { id: attachment.id, fileName: attachment.title, title: attachment.title, contentType: 'attachment', fileSize: attachment.size, version: 1, container: webhookPage(wiki, page), self: `${wiki.product.baseUrl}${downloadPath(page, attachment)}` },
    });
    return attachment;
  },
};
