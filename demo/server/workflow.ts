import { randomUUID } from 'node:crypto';
import { descriptorOf, type ProductInfo } from './install.js';
import { signForApp } from './jwt.js';
import type { Issue } from './store.js';

/**
 * The Demo workflow, Jira's simplified workflow: one global transition into each status (named after
 * it), so any status change takes exactly one transition. Post functions of apps
 * (`jiraWorkflowPostFunctions`) are added to a transition on `/admin/workflows`; when an issue takes
 * it, each one's `triggered` URL gets a JWT-signed POST.
 */
export const WORKFLOW = { id: 10_000, name: 'Demo workflow' } as const;

export interface Transition {
  id: number;
  name: string;
  to: Issue['status'];
}

export const TRANSITIONS: readonly Transition[] = [
  { id: 11, name: 'To Do', to: 'To Do' },
  { id: 21, name: 'In Progress', to: 'In Progress' },
  { id: 31, name: 'Done', to: 'Done' },
];

export function transition(id: number): Transition | undefined {
  return TRANSITIONS.find((t) => t.id === id);
}

/** A new post function's id, as Jira gives one before the app's create page opens. */
export function newPostFunctionId(): string {
  return randomUUID();
}

/** An app URL a post function declares (`create`, `edit`, `view`, `triggered`), or undefined. */
export function declaredUrl(declaration: Record<string, unknown>, name: 'create' | 'edit' | 'view' | 'triggered'): string | undefined {
  const value = declaration[name] as { url?: unknown } | undefined;
  return value && typeof value.url === 'string' ? value.url : undefined;
}

const FETCH_TIMEOUT = 10_000;

/**
 * After `issue` moved from `from` to its current status: POSTs to the `triggered` URL of each post
 * function on that transition whose app is enabled, as Jira does, with the configuration, the issue
 * and the transition. Fire and forget; deliveries are logged on the Manage apps page.
 */
export function triggerPostFunctions(product: ProductInfo, issue: Issue, issueJson: Record<string, unknown>, from: Issue['status']): void {
  const taken = TRANSITIONS.find((t) => t.to === issue.status);
  if (!taken || from === issue.status) return;
  for (const fn of product.store.postFunctions()) {
    if (fn.transitionId !== taken.id) continue;
    const installation = product.store.installation(fn.appKey);
    if (!installation?.enabled) continue;
    const descriptor = descriptorOf(installation);
    const declaration = descriptor.modules.jiraWorkflowPostFunctions?.find((m) => m.key === fn.moduleKey);
    const path = declaration && declaredUrl(declaration, 'triggered');
    if (!path) continue;
    const url = descriptor.baseUrl + path;
    const token = signForApp({ sharedSecret: installation.sharedSecret, clientKey: product.store.clientKey, request: { method: 'POST', url, appBaseUrl: descriptor.baseUrl } });
    const body = {
      configuration: { id: fn.id, value: fn.config },
      issue: issueJson,
      transition: { workflowId: WORKFLOW.id, workflowName: WORKFLOW.name, transitionId: taken.id, transitionName: taken.name, from_status: from, to_status: issue.status },
    };
    const kind = `post function ${fn.moduleKey}`;
    void fetch(url, {
      method: 'POST',
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(FETCH_TIMEOUT),
    }).then(
      (response) => product.store.recordDelivery({ at: new Date().toISOString(), appKey: fn.appKey, kind, url, status: response.status }),
      (error: Error) => product.store.recordDelivery({ at: new Date().toISOString(), appKey: fn.appKey, kind, url, status: 'error', detail: error.message }),
    );
  }
}
