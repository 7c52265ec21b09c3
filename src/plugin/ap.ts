import { isReservedName } from '../shared/guards.js';
import { connect, type Connection } from './connect.js';
import { stubModule, type PluginBridge } from './bridge.js';
import { createFacades, type Facades } from './modules/index.js';
import type { PluginOptions } from './options.js';
import type { EndpointLimits } from '../shared/rpc.js';

type Methods = Record<string, (...args: never[]) => unknown>;

/** The core of the global `AP`; the module facades are added to it. */
export interface APCore {
  /**
   * Connect's AMD-style accessor: calls back with the named modules once the host has said which
   * modules it has.
   * @example
   * ```js
   * AP.require(['request', 'cookie'], function (request, cookie) { ... });
   * ```
   */
  require(names: string | readonly string[], callback: (...modules: unknown[]) => void): void;
  /**
   * Answers host-to-app calls (`view.call(module, method, ...args)` on the host) with `methods`.
   * @example
   * ```js
   * AP.provide('editor', { getContent: () => document.querySelector('textarea').value });
   * ```
   */
  provide(module: string, methods: Methods): void;
  /** Host modules not built into the plugin appear here after the handshake, as `AP.<module>`. */
  [module: string]: unknown;
}

export interface BuildOptions {
  window?: Window;
  options?: PluginOptions;
  /** Caps for the plugin's end of the session (rate, payload, pending); defaults as on the host. */
  limits?: Partial<EndpointLimits>;
}

/**
 * Builds an `AP` object. Nothing touches the DOM until the first call (or `start()`), so importing
 * the module in Node or at bundle-evaluation time is free of side effects.
 */
export function buildAP(init: BuildOptions = {}): { ap: APCore & Facades; start(): Connection } {
  let connection: Connection | undefined;
  const startListeners: (() => void)[] = [];

  function start(): Connection {
    if (connection) return connection;
    const win = init.window ?? (typeof window === 'undefined' ? undefined : window);
    if (!win) throw new Error('apbridge/plugin needs a browser window');
    connection = connect(win, init.options ?? {}, init.limits);
    connection.ready.then(
      (welcome) => {
        for (const [module, methods] of Object.entries(welcome.modules)) {
          if (!isReservedName(module) && !Object.prototype.hasOwnProperty.call(ap, module)) {
            ap[module] = stubModule(bridge, module, methods);
          }
        }
      },
      () => {},
    );
    for (const listener of startListeners.splice(0)) listener();
    return connection;
  }

  const bridge: PluginBridge = {
    // The one place a wire answer takes its contract's type: the host is trusted to answer as its
    // module's contract says (it is trusted with far more than that).
    call: (module, method, args) => start().call(module, method, args) as Promise<never>,
    callAny: (module, method, args) => start().call(module, method, args),
    onEvent: (listener) => start().onEvent(listener),
    deliver: (name, args) => start().deliver(name, args),
    ready: () => start().ready,
    options: () => start().options,
    get window() {
      return init.window ?? (typeof window === 'undefined' ? undefined : window);
    },
    onStart(listener) {
      if (connection) listener();
      else startListeners.push(listener);
    },
  };

  const core: APCore = {
    require(names, callback) {
      const list = typeof names === 'string' ? [names] : [...names];
      const deliver = (): void => callback(...list.map((name) => ap[name]));
      start().ready.then(deliver, deliver);
    },
    provide(module, methods) {
      start().provide(module, methods);
    },
  };
  const ap = Object.assign(core, createFacades(bridge));

  return { ap, start };
}
