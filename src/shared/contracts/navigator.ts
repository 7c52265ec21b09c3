/** Contract of the `navigator` module: the app asks the product to show another page. */

import type { MethodKinds, MethodNames } from './types.js';

export const NAVIGATOR_MODULE = 'navigator';

export const NavigatorMethod = {
  getLocation: 'getLocation',
  /** `(target, context?)`. */
  go: 'go',
  reload: 'reload',
} as const satisfies MethodNames<NavigatorContract>;

/** Which methods answer (1) and which Connect documents as returning nothing (0): the facade is built from it. */
export const NavigatorKinds: MethodKinds<NavigatorContract> = { getLocation: 1, go: 0, reload: 0 };

/** The navigator module on the wire. */
export interface NavigatorContract {
  getLocation(): NavigatorLocation;
  go(target: string, context?: Record<string, unknown>): void;
  reload(): void;
}

/** Connect's navigator targets (Jira and Confluence); hosts may accept others. */
export type NavigatorTarget =
  | 'dashboard'
  | 'issue'
  | 'addonModule'
  | 'userProfile'
  | 'projectAdminSummary'
  | 'projectAdminTabPanel'
  | 'site'
  | 'contentview'
  | 'contentedit'
  | 'contentcreate'
  | 'spaceview'
  | 'spacetools'
  | 'contentlist';

/** Every target Connect documents (Jira and Confluence), in Connect's spelling. */
export const NAVIGATOR_TARGETS: readonly NavigatorTarget[] = [
  'dashboard',
  'issue',
  'addonModule',
  'userProfile',
  'projectAdminSummary',
  'projectAdminTabPanel',
  'site',
  'contentview',
  'contentedit',
  'contentcreate',
  'spaceview',
  'spacetools',
  'contentlist',
];

/** What `getLocation` resolves with, as Connect describes it. */
export interface NavigatorLocation {
  target?: string;
  context?: Record<string, unknown>;
  [key: string]: unknown;
}

/** Longest JSON text of a `go` context the host accepts. */
export const MAX_CONTEXT_CHARS = 8192;
