/**
 * Contract of the `history` module: a full-page app keeps its own navigation state in the host
 * page's URL (fragment or query, as the product chooses), so it survives a reload of the host page
 * and the browser's back and forward buttons reach the app as pops.
 */

import type { MethodKinds } from './types.js';

export const HISTORY_MODULE = 'history';

/** The app's state as the host reports it (`getState('all')` and every pop). */
export interface HistoryState {
  /** The app's URL state (what `pushState(url)` set; `getState()` returns it). */
  hash: string;
  /** The host page's URL. */
  href: string;
  /** The host page's query string, without `?`. */
  query: string;
  /** The host page's title. */
  title: string;
  /** Identifies this history entry. */
  key: string;
  /** The `newState` an app passed to `pushState(newState, title, url)`, if any. */
  state?: unknown;
}

/** What `popState` listeners receive. */
export interface HistoryPop extends HistoryState {
  newURL: string;
  oldURL: string;
}

/** The history module on the wire. `push` and `replace` carry the app URL state and its data. */
export interface HistoryContract {
  pushState(url: string, state?: unknown): void;
  replaceState(url: string, state?: unknown): void;
  getState(): HistoryState;
  go(delta: number): void;
}

export const HistoryKinds: MethodKinds<HistoryContract> = { pushState: 0, replaceState: 0, getState: 1, go: 0 };

export const HistoryEvent = {
  /** The host's back/forward changed the app's state: `(HistoryPop)`. */
  pop: 'history.popstate',
  /** The state a full page starts with, sent as it connects: `(HistoryState)`. */
  initial: 'history.state',
} as const;

/** Longest app URL state accepted (characters). */
export const MAX_HISTORY_URL = 2048;
