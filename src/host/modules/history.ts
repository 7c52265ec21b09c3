import {
  HISTORY_MODULE,
  HistoryEvent,
  MAX_HISTORY_URL,
  type HistoryContract,
  type HistoryPop,
  type HistoryState,
} from '../../shared/contracts/history.js';
import { randomId } from '../view.js';
import { isFullPage } from '../pages.js';
import type { CallContext, ContractModule, Host, HostOptions } from '../types.js';
import { fullPageOnly, text, unsupported } from './hooks.js';
import { invalid } from './uiArgs.js';

/** Where the product keeps a full-page app's URL state in its own URL. */
export interface HistoryOptions {
  /** `'hash'`: `#!<state>` (Connect's form); `'query'`: the query parameter `param`. */
  in: 'hash' | 'query';
  /** The query parameter for `in: 'query'` (default `ac.state`). */
  param?: string;
}

interface Entry {
  key: string;
  state?: unknown;
}

function entryOf(win: Window): Entry | undefined {
  const saved = (win.history.state as { apbHistory?: Entry } | null)?.apbHistory;
  return saved && typeof saved.key === 'string' ? saved : undefined;
}

/**
 * The `history` module for full-page modules: the app's URL state lives in the product page's URL
 * (`options.history`: fragment `#!state` or a query parameter), so it survives a reload of the
 * product page and the product's back/forward buttons reach the app as `history.popstate` events.
 * Without `options.history` every method answers NOT_SUPPORTED.
 *
 * @example
 * ```ts
 * const host = createHost({ history: { in: 'hash' } });
 * ```
 */
export function historyModule(options: HostOptions = {}): ContractModule<HistoryContract> {
  const win = (): Window => options.window ?? window;
  const param = options.history?.param ?? 'ac.state';
  // The product URL before the latest change, for the pop's `oldURL`.
  let last = '';

  function read(w: Window): string {
    if (options.history?.in === 'query') return new URL(w.location.href).searchParams.get(param) ?? '';
    const hash = w.location.hash;
    if (!hash.startsWith('#!')) return '';
    try {
      return decodeURIComponent(hash.slice(2));
    } catch {
      return hash.slice(2);
    }
  }

  function hrefFor(w: Window, url: string): string {
    const next = new URL(w.location.href);
    if (options.history?.in === 'query') {
      if (url) next.searchParams.set(param, url);
      else next.searchParams.delete(param);
    } else {
      next.hash = url ? `!${encodeURIComponent(url).replace(/%2F/g, '/')}` : '';
    }
    return next.href;
  }

  function snapshot(w: Window): HistoryState {
    const entry = entryOf(w);
    return {
      hash: read(w),
      href: w.location.href,
      query: w.location.search.slice(1),
      title: w.document.title,
      key: entry?.key ?? '',
      ...(entry?.state === undefined ? {} : { state: entry.state }),
    };
  }

  function check(ctx: CallContext, method: string): Window {
    if (!options.history) throw unsupported(HISTORY_MODULE, method);
    fullPageOnly(ctx, 'history');
    return win();
  }

  function write(ctx: CallContext, method: 'pushState' | 'replaceState', rawUrl: unknown, state: unknown): void {
    const url = text(rawUrl ?? '', 'url', MAX_HISTORY_URL);
    const w = check(ctx, method);
    let data: unknown;
    try {
      // Kept in the product's history entry, so it must survive structured clone there too.
      data = state === undefined ? undefined : structuredClone(state);
    } catch {
      throw invalid('state must be cloneable data');
    }
    const entry: Entry = { key: randomId().slice(0, 12), ...(data === undefined ? {} : { state: data }) };
    w.history[method]({ ...(w.history.state as object | null), apbHistory: entry }, '', hrefFor(w, url));
    last = w.location.href;
  }

  return {
    name: HISTORY_MODULE,
    methods: {
      pushState(ctx: CallContext, url: unknown, state?: unknown) {
        write(ctx, 'pushState', url, state);
      },
      replaceState(ctx: CallContext, url: unknown, state?: unknown) {
        write(ctx, 'replaceState', url, state);
      },
      getState(ctx: CallContext) {
        return snapshot(check(ctx, 'getState'));
      },
      go(ctx: CallContext, delta: unknown) {
        if (typeof delta !== 'number' || !Number.isSafeInteger(delta) || Math.abs(delta) > 100) {
          throw invalid('delta must be an integer between -100 and 100');
        }
        check(ctx, 'go').history.go(delta);
      },
    },
    attach(host: Host) {
      if (!options.history) return;
      const w = win();
      last = w.location.href;
      // A full page starts with the state in the product's URL (after a reload, say): it is sent
      // as the view connects (queued until then), so `AP.history.getState()` can answer at once.
      const stopViews = host.onViewState((view, state) => {
        if (state === 'loading' && isFullPage(view)) view.emit(HistoryEvent.initial, snapshot(w));
      });
      const onPop = (): void => {
        const pop: HistoryPop = { ...snapshot(w), newURL: w.location.href, oldURL: last };
        last = w.location.href;
        host.emit(HistoryEvent.pop, isFullPage, pop);
      };
      w.addEventListener('popstate', onPop);
      return () => {
        stopViews();
        w.removeEventListener('popstate', onPop);
      };
    },
  };
}
