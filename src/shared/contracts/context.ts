/** Contract of the `context` module: the view's product context and a short-lived context JWT. */

import type { MethodKinds, MethodNames } from './types.js';

export const CONTEXT_MODULE = 'context';

export const ContextMethod = {
  getToken: 'getToken',
  getContext: 'getContext',
} as const satisfies MethodNames<ContextContract>;

/** Which methods answer (1) and which Connect documents as returning nothing (0): the facade is built from it. */
export const ContextKinds: MethodKinds<ContextContract> = { getToken: 1, getContext: 1 };

/** The context module on the wire. */
export interface ContextContract {
  /** A context JWT for the app's server. */
  getToken(): string;
  getContext(): ProductContext;
}

/** Product context as the host created the view with, e.g. `{ jira: { issue: { key, id } } }`. */
export type ProductContext = Record<string, unknown>;
