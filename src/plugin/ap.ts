import { isReservedName } from '../shared/guards.js';
import { connect, type Connection } from './connect.js';
import { stubModule, type PluginBridge } from './bridge.js';
import { createFacades, type Facades } from './modules/index.js';
import type { PluginOptions } from './options.js';
import type { EndpointLimits } from '../shared/rpc.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- AMD modules are whatever their factories build, as in Connect's types */
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
  require(names: string | readonly string[], callback: (...modules: any[]) => void): void;
  /**
   * Connect's AMD `define`: registers a module other code gets with `AP.require`, built by `factory`
   * from its dependencies (names `AP.require` resolves), or given as an object.
   * @example
   * ```js
   * AP.define('settings', ['cookie'], (cookie) => ({ load: () => cookie.read('settings') }));
   * AP.require('settings', (settings) => settings.load());
   * ```
   */
  define(name: string, deps: readonly string[] | ((...modules: any[]) => unknown) | object, factory?: unknown): void;
  /**
   * The content of `<meta name="ap-<name>">` in this page, or undefined.
   * @example
   * ```js
   * const base = AP.meta('local-base-url');
   * ```
   */
  meta(name: string): string | undefined;
  /** Connect's older spelling: `AP.Meta.get(name)` is `AP.meta(name)`. */
  Meta: {
    /** `AP.meta(name)`. */
    get(name: string): string | undefined;
  };
  /**
   * The app's own base URL (`<meta name="ap-local-base-url">`) followed by `path`.
   * @example
   * ```js
   * fetch(AP.localUrl('/api/settings'));
   * ```
   */
  localUrl(path?: string): string;
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

/* eslint-enable @typescript-eslint/no-explicit-any */

/** Connect's module names with a dash (`inline-dialog`) are the camel-case `AP` names. */
function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

export interface BuildOptions {
  window?: Window;
  options?: PluginOptions;
  /** The plugin's calls: timeout, in flight and waiting (`callTimeout`, `maxPending`, `maxQueued`); defaults as on the host. */
  limits?: Partial<EndpointLimits>;
  /**
   * Connects while `AP` is being built (all.js): the hello leaves before the module facades are
   * made, so the host accepts it while this page is still running the plugin and the app's script.
   */
  connectFirst?: boolean;
}

/**
 * Builds an `AP` object. Nothing touches the DOM until the first call (or `start()`), so importing
 * the module in Node or at bundle-evaluation time is free of side effects.
 */
export function buildAP(init: BuildOptions = {}): { ap: APCore & Facades; start(): Connection } {
  let connection: Connection | undefined;
  // Facades made: until then a connection only has its hello out (see `connectFirst`).
  let built = false;
  const startListeners: (() => void)[] = [];
  const defined = new Map<string, unknown>();

  function addStubs(modules: Readonly<Record<string, string[]>>): void {
    for (const [module, methods] of Object.entries(modules)) {
      if (!isReservedName(module) && !Object.hasOwn(ap, module)) {
        ap[module] = stubModule(bridge, module, methods);
      }
    }
  }

  function resolve(name: string): unknown {
    return defined.has(name) ? defined.get(name) : ap[isReservedName(name) ? '' : camel(name)];
  }

  /** Calls `deliver` once every name resolves: at once when all are known, else after the welcome. */
  function whenResolved(names: readonly string[], deliver: (...modules: unknown[]) => void): void {
    const run = (): void => deliver(...names.map(resolve));
    if (names.every((name) => resolve(name) !== undefined)) run();
    else start().ready.then(run, run);
  }

  function start(): Connection {
    if (connection) return connection;
    const win = bridge.window;
    if (!win) throw new Error('apbridge/plugin needs a browser window');
    connection = connect(win, init.options ?? {}, init.limits);
    if (built) settle(connection);
    return connection;
  }

  /** What follows the hello once `AP` has its facades (stubs must not shadow them). */
  function settle(started: Connection): void {
    // The host's own modules exist from window.name on, so their first calls need not wait.
    addStubs(started.modules);
    started.ready.then((welcome) => addStubs(welcome.modules), () => {});
    for (const listener of startListeners.splice(0)) listener();
  }

  const bridge: PluginBridge = {
    // The one place a wire answer takes its contract's type: the host is trusted to answer as its
    // module's contract says (it is trusted with far more than that).
    call: (module, method, args, options) => start().call(module, method, args, options) as Promise<never>,
    callAny: (module, method, args) => start().call(module, method, args),
    provide: (module, methods) => start().provide(module, methods),
    onEvent: (listener) => start().onEvent(listener),
    deliver: (name, args) => start().deliver(name, args),
    ready: () => start().ready,
    options: () => start().options,
    get window() {
      return init.window ?? (typeof window === 'undefined' ? undefined : window);
    },
    onStart(listener) {
      if (connection && built) listener();
      else startListeners.push(listener);
    },
  };

  const core: APCore = {
    require(names, callback) {
      start();
      whenResolved(typeof names === 'string' ? [names] : [...names], callback);
    },
    define(name, deps, factory) {
      const build = typeof deps === 'function' || !Array.isArray(deps) ? deps : factory;
      const needs: readonly string[] = Array.isArray(deps) ? deps : [];
      whenResolved(needs, (...modules) => {
        defined.set(name, typeof build === 'function' ? (build as (...m: unknown[]) => unknown)(...modules) : build);
      });
    },
    meta(name) {
      const doc = bridge.window?.document;
      if (!/^[\w-]{1,64}$/.test(name)) return undefined;
      return doc?.querySelector(`meta[name="ap-${name}"]`)?.getAttribute('content') ?? undefined;
    },
    Meta: { get: (name) => core.meta(name) },
    localUrl(path = '') {
      return (core.meta('local-base-url') ?? '') + path;
    },
    provide(module, methods) {
      start().provide(module, methods);
    },
  };
  if (init.connectFirst) start();
  const ap = Object.assign(core, createFacades(bridge));
  built = true;
  if (connection) settle(connection);

  return { ap, start };
}
