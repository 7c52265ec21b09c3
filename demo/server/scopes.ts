import type { Scope } from './descriptor.js';

/**
 * Connect's scope ladder: each scope includes those before it (DELETE implies WRITE and READ; ADMIN
 * implies PROJECT_ADMIN and all below).
 */
const LADDER: readonly Scope[] = ['READ', 'WRITE', 'DELETE', 'PROJECT_ADMIN', 'ADMIN'];

/**
 * The scope an app needs for one REST request, as Connect maps Jira's REST API: reads (and search,
 * even by POST) need READ; creating and editing need WRITE; deleting needs DELETE; the admin
 * resources need ADMIN. `undefined`: no scope needed.
 */
export function requiredScope(method: string, path: string): Scope | undefined {
  const upper = method.toUpperCase();
  // An app's own properties need no scope; the route checks that the caller is that app.
  if (/^\/rest\/atlassian-connect\/1\/addons\//.test(path)) return undefined;
  if (/^\/rest\/api\/3\/(admin|applicationrole|auditing|configuration)(\/|$)/.test(path)) return 'ADMIN';
  if (upper === 'GET' || upper === 'HEAD' || upper === 'OPTIONS') return 'READ';
  if (upper === 'POST' && /^\/rest\/api\/3\/search(\/jql)?$/.test(path)) return 'READ';
  if (upper === 'DELETE') return 'DELETE';
  return 'WRITE';
}

export function hasScope(granted: readonly Scope[], needed: Scope): boolean {
  const rank = LADDER.indexOf(needed);
  return granted.some((scope) => LADDER.indexOf(scope) >= rank);
}
