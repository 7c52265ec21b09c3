import type { PageContext } from './modules.js';
import type { User } from './store.js';

/**
 * Connect's module conditions, the subset the simulator evaluates. A descriptor's `conditions` is a
 * list that must all hold; an entry is `{ condition, params?, invert? }` or `{ and: [...] }` /
 * `{ or: [...] }`. A condition the simulator does not know hides the module (it fails closed), and
 * the Manage apps page says which one.
 */
export const CONDITIONS = [
  'user_is_logged_in',
  'user_is_admin',
  'user_is_sysadmin',
  'can_use_application',
  'has_project_permission',
  'has_issue_permission',
  'is_issue_assigned_to_current_user',
  'is_issue_reported_by_current_user',
] as const;

/** Permissions a regular user holds in the DEMO project; site admins hold every permission. */
const USER_PERMISSIONS = new Set(['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ADD_COMMENTS', 'ASSIGN_ISSUES', 'TRANSITION_ISSUES', 'CREATE_ATTACHMENTS', 'WORK_ON_ISSUES']);
const APPLICATIONS = new Set(['jira-software', 'jira-core']);

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function single(name: string, params: Record<string, unknown>, user: User, ctx: PageContext): boolean | undefined {
  switch (name) {
    case 'user_is_logged_in':
      return true;
    case 'user_is_admin':
    case 'user_is_sysadmin':
      return user.siteAdmin;
    case 'can_use_application':
      return APPLICATIONS.has(String(params.applicationKey));
    case 'has_project_permission':
      return (ctx.issue?.projectKey ?? ctx.projectKey) !== undefined && (user.siteAdmin || USER_PERMISSIONS.has(String(params.permission)));
    case 'has_issue_permission':
      return ctx.issue !== undefined && (user.siteAdmin || USER_PERMISSIONS.has(String(params.permission)));
    case 'is_issue_assigned_to_current_user':
      return ctx.issue?.assigneeId === user.accountId;
    case 'is_issue_reported_by_current_user':
      return ctx.issue?.reporterId === user.accountId;
    default:
      return undefined;
  }
}

function holds(entry: unknown, user: User, ctx: PageContext): boolean {
  const item = record(entry);
  if (!item) return false;
  if (Array.isArray(item.and)) return item.and.every((e) => holds(e, user, ctx));
  if (Array.isArray(item.or)) return item.or.some((e) => holds(e, user, ctx));
  const name = typeof item.condition === 'string' ? item.condition : '';
  const result = single(name, record(item.params) ?? {}, user, ctx);
  // Unknown stays hidden even inverted: failing closed must not turn into failing open.
  if (result === undefined) return false;
  return item.invert === true ? !result : result;
}

/** True when the declaration's conditions (if any) all hold for this user on this page. */
export function conditionsHold(declaration: Record<string, unknown>, user: User, ctx: PageContext): boolean {
  const list = declaration.conditions;
  if (list === undefined) return true;
  return Array.isArray(list) && list.every((entry) => holds(entry, user, ctx));
}

/** Condition names in a declaration the simulator does not evaluate (so they hide the module). */
export function unknownConditions(declaration: Record<string, unknown>): string[] {
  const found: string[] = [];
  const walk = (entry: unknown): void => {
    const item = record(entry);
    if (!item) return;
    for (const key of ['and', 'or'] as const) if (Array.isArray(item[key])) (item[key] as unknown[]).forEach(walk);
    if (typeof item.condition === 'string' && !(CONDITIONS as readonly string[]).includes(item.condition)) found.push(item.condition);
  };
  if (Array.isArray(declaration.conditions)) declaration.conditions.forEach(walk);
  return found;
}
