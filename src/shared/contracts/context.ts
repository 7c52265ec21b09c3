/** Contract of the `context` module: the view's product context and a short-lived context JWT. */

export const CONTEXT_MODULE = 'context';

export const ContextMethod = {
  getToken: 'getToken',
  getContext: 'getContext',
} as const;

/** Product context as the host created the view with, e.g. `{ jira: { issue: { key, id } } }`. */
export type ProductContext = Record<string, unknown>;
