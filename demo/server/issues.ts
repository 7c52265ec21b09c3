import { fireWebhook, type ProductInfo } from './install.js';
import { fieldValuesJson } from './fields.js';
import { triggerPostFunctions } from './workflow.js';
import { USERS, type Attachment, type Comment, type Issue, type User } from './store.js';

/** Jira's REST shape for a user (only the fields apps commonly read). */
export function userJson(user: User, baseUrl: string): Record<string, unknown> {
  return {
    self: `${baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    accountType: user.name.startsWith('addon_') ? 'app' : 'atlassian',
    displayName: user.displayName,
    emailAddress: user.email,
    active: true,
    timeZone: user.timeZone,
    locale: user.locale,
  };
}

function userById(accountId: string | null, baseUrl: string): Record<string, unknown> | null {
  const user = USERS.find((u) => u.accountId === accountId);
  return user ? userJson(user, baseUrl) : null;
}

export function attachmentJson(a: Attachment, baseUrl: string): Record<string, unknown> {
  return {
    self: `${baseUrl}/rest/api/3/attachment/${a.id}`,
    id: a.id,
    filename: a.filename,
    mimeType: a.mimeType,
    size: a.size,
    created: a.created,
    author: userById(a.authorId, baseUrl),
    content: `${baseUrl}/rest/api/3/attachment/content/${a.id}`,
  };
}

/** Jira's REST shape for an issue. */
export function issueJson(issue: Issue, product: ProductInfo): Record<string, unknown> {
  const project = product.store.projects().find((p) => p.key === issue.projectKey);
  return {
    id: issue.id,
    key: issue.key,
    self: `${product.baseUrl}/rest/api/3/issue/${issue.id}`,
    fields: {
      summary: issue.summary,
      description: issue.description,
      status: { name: issue.status },
      issuetype: { name: issue.issueType },
      priority: { name: issue.priority },
      assignee: userById(issue.assigneeId, product.baseUrl),
      reporter: userById(issue.reporterId, product.baseUrl),
      project: project ? { id: project.id, key: project.key, name: project.name } : null,
      created: issue.created,
      updated: issue.updated,
      attachment: issue.attachments.map((a) => attachmentJson(a, product.baseUrl)),
      ...fieldValuesJson(product, issue),
    },
  };
}

function event(product: ProductInfo, name: string, issue: Issue, user: User, extra: Record<string, unknown> = {}): void {
  fireWebhook(product, name, { issue: issueJson(issue, product), user: userJson(user, product.baseUrl), ...extra }, issue);
}

/** Jira's REST shape for a comment. */
export function commentJson(issue: Issue, comment: Comment, baseUrl: string): Record<string, unknown> {
  return {
    self: `${baseUrl}/rest/api/3/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    author: userById(comment.authorId, baseUrl),
    body: comment.body,
    created: comment.created,
    updated: comment.updated,
  };
}

/** Issue changes that every path (REST, bridge, product UI) goes through, so webhooks always fire. */
export const issueService = {
  create(product: ProductInfo, user: User, fields: Parameters<ProductInfo['store']['createIssue']>[0]): Issue {
    const issue = product.store.createIssue(fields, user.accountId);
    event(product, 'jira:issue_created', issue, user);
    return issue;
  },
  update(product: ProductInfo, user: User, issue: Issue, fields: Partial<Issue>): Issue {
    const from = issue.status;
    product.store.updateIssue(issue, fields);
    event(product, 'jira:issue_updated', issue, user);
    triggerPostFunctions(product, issue, issueJson(issue, product), from);
    return issue;
  },
  comment(product: ProductInfo, user: User, issue: Issue, body: string): Comment {
    const comment = product.store.addComment(issue, user.accountId, body);
    event(product, 'comment_created', issue, user, { comment: commentJson(issue, comment, product.baseUrl) });
    return comment;
  },
  editComment(product: ProductInfo, user: User, issue: Issue, comment: Comment, body: string): Comment {
    product.store.updateComment(comment, body);
    event(product, 'comment_updated', issue, user, { comment: commentJson(issue, comment, product.baseUrl) });
    return comment;
  },
  remove(product: ProductInfo, user: User, issue: Issue): void {
    product.store.deleteIssue(issue);
    event(product, 'jira:issue_deleted', issue, user);
  },
};

/** Plain text from a string or an Atlassian Document Format node. */
export function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (!value || typeof value !== 'object') return '';
  const node = value as { text?: unknown; content?: unknown };
  const own = typeof node.text === 'string' ? node.text : '';
  const children = Array.isArray(node.content) ? node.content.map(plainText).join(node.content.length > 1 ? '\n' : '') : '';
  return own + children;
}
