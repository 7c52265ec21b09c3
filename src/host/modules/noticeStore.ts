// Bookkeeping shared by the flag and messages modules: which notices are open, for which view, and
// the per-app cap.
import type { Host, HostOptions, View } from '../types.js';
import { acquireLayer, type UiLayer } from '../ui/layer.js';
import type { NoticeUi } from '../ui/notices.js';
import { identifier, invalid } from './uiArgs.js';

export interface OpenNotice {
  readonly view: View;
  readonly id: string;
  ui: NoticeUi | undefined;
}

export interface NoticeStore {
  /**
   * Claims `(view, id)`, refusing a duplicate id. An app at its cap has its oldest notice handed to
   * `evict` first (which must close it): the newest notice is the one the user needs to see.
   */
  add(view: View, rawId: unknown, evict: (oldest: OpenNotice) => void): OpenNotice;
  get(view: View, rawId: unknown): OpenNotice | undefined;
  /** Removes the notice; false when it was not open. */
  remove(notice: OpenNotice): boolean;
  /** Everything a view left open (it went away). */
  ofView(view: View): OpenNotice[];
  all(): OpenNotice[];
}

/**
 * Ids are chosen by the app (so `AP.flag.create` can return a handle synchronously), hence scoped to
 * the creating view: one app cannot name, close or hear about another's notices.
 */
export function createNoticeStore(kind: string, maxPerApp: number): NoticeStore {
  const open = new Map<string, OpenNotice>();
  const key = (view: View, id: string): string => `${view.id}\u0000${id}`;
  function remove(notice: OpenNotice): boolean {
    if (open.get(key(notice.view, notice.id)) !== notice) return false;
    open.delete(key(notice.view, notice.id));
    notice.ui?.remove();
    return true;
  }
  return {
    add(view, rawId, evict) {
      const id = identifier(rawId, `${kind} id`);
      if (open.has(key(view, id))) throw invalid(`A ${kind} with id "${id}" is already open`);
      // Map order is insertion order: the first of the app's notices is its oldest.
      const ofApp = [...open.values()].filter((notice) => notice.view.app.key === view.app.key);
      for (const oldest of ofApp.slice(0, Math.max(0, ofApp.length - maxPerApp + 1))) {
        evict(oldest);
        remove(oldest);
      }
      const notice: OpenNotice = { view, id, ui: undefined };
      open.set(key(view, id), notice);
      return notice;
    },
    get(view, rawId) {
      return open.get(key(view, identifier(rawId, `${kind} id`)));
    },
    remove,
    ofView(view) {
      return [...open.values()].filter((notice) => notice.view === view);
    },
    all() {
      return [...open.values()];
    },
  };
}

/**
 * The `attach` both notice modules share: take the host's UI layer, drop a view's notices when the
 * view goes away (their events would have nowhere to go), and undo all of it on teardown.
 */
export function attachNotices(
  host: Host,
  options: HostOptions,
  store: NoticeStore,
  setLayer: (layer: UiLayer | undefined) => void,
): () => void {
  const acquired = acquireLayer(host, options);
  setLayer(acquired.layer);
  const stop = host.onViewState((view, state) => {
    if (state === 'destroyed') for (const notice of store.ofView(view)) store.remove(notice);
  });
  return () => {
    stop();
    for (const notice of store.all()) store.remove(notice);
    acquired.release();
    setLayer(undefined);
  };
}
