import { HISTORY_MODULE, HistoryEvent, type HistoryPop, type HistoryState } from '../../shared/contracts/history.js';
import { isRecord } from '../../shared/guards.js';
import { quiet, withCallback, type Callback, type PluginBridge } from '../bridge.js';

/** `AP.history`, for full-page modules: the app's URL state, kept in the product page's URL. */
export interface HistoryFacade {
  /**
   * The current state, synchronously (from the last the host reported); with a type and callback,
   * asks the host: `'hash'` (the default) the state string, `'all'` everything the host knows.
   * @example
   * ```js
   * const state = AP.history.getState();
   * AP.history.getState('all', (all) => console.log(all.href, all.hash));
   * ```
   */
  getState(): string;
  getState(type: 'hash' | undefined, callback: Callback<string>): void;
  getState(type: 'all', callback: Callback<HistoryState>): void;
  /**
   * Adds a history entry. Connect's two forms: `pushState(url)`, and `pushState(newState, title, url)`.
   * @example
   * ```js
   * AP.history.pushState('page2');
   * AP.history.pushState({ tab: 2 }, 'Tab 2', 'tab-2');
   * ```
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Connect takes any state data
  pushState(newState: any, title?: string, url?: string): Promise<void>;
  /** Replaces the current entry; the same forms as `pushState`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Connect takes any state data
  replaceState(newState: any, title?: string, url?: string): Promise<void>;
  back(): Promise<void>;
  forward(): Promise<void>;
  go(delta: number): Promise<void>;
  /**
   * Calls `callback` when the product's back/forward buttons change the app's state.
   * @example
   * ```js
   * AP.history.popState((e) => render(e.hash));
   * ```
   */
  popState(callback: (event: HistoryPop) => void): void;
}

/** Builds `AP.history`. */
export function createHistory(bridge: PluginBridge): HistoryFacade {
  let current = '';
  // The initial state is the host's URL when the page connected; a push made before it arrived wins.
  let written = false;
  const listeners: ((event: HistoryPop) => void)[] = [];

  // Subscribing at start, not on first use: the host's initial state arrives right after the welcome.
  bridge.onStart(() =>
    bridge.onEvent((name, args) => {
      const event = args[0];
      if (!isRecord(event) || typeof event.hash !== 'string') return;
      if (name === HistoryEvent.initial && !written) current = event.hash;
      if (name !== HistoryEvent.pop) return;
      current = event.hash;
      for (const listener of [...listeners]) listener(event as unknown as HistoryPop);
    }),
  );

  function write(method: 'pushState' | 'replaceState', newState: unknown, url?: string): Promise<void> {
    // Connect's older form passes the URL state alone; the newer one data, a title, then the URL.
    const target = url ?? (typeof newState === 'string' ? newState : current);
    const args: [string, unknown?] = url === undefined && typeof newState === 'string' ? [target] : [target, newState];
    current = target;
    written = true;
    return quiet(`history.${method}`, bridge.call(HISTORY_MODULE, method, args));
  }

  const go = (delta: number): Promise<void> => quiet('history.go', bridge.call(HISTORY_MODULE, 'go', [delta]));

  function getState(): string;
  function getState(type: 'hash' | undefined, callback: Callback<string>): void;
  function getState(type: 'all', callback: Callback<HistoryState>): void;
  function getState(type?: 'hash' | 'all', callback?: Callback<unknown>): string | void {
    if (!callback) return current;
    const asked = bridge.call(HISTORY_MODULE, 'getState', []).then((state) => {
      current = state.hash;
      return type === 'all' ? state : state.hash;
    });
    withCallback<unknown>(asked, callback);
  }

  return {
    getState,
    pushState: (newState, _title, url) => write('pushState', newState, url),
    replaceState: (newState, _title, url) => write('replaceState', newState, url),
    back: () => go(-1),
    forward: () => go(1),
    go,
    popState(callback) {
      listeners.push(callback);
    },
  };
}
