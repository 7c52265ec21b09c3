import type { CallOptions } from '../shared/rpc.js';
import { isReservedName } from '../shared/guards.js';
import type { Contracts } from '../shared/contracts/index.js';
import type { Answer, Args, MethodKinds } from '../shared/contracts/types.js';
import { isBridgeError } from '../shared/errors.js';
import type { Welcome } from '../shared/protocol.js';
import type { PluginOptions } from './options.js';

/** What a module facade gets: calls and events, connecting lazily on first use. */
export interface PluginBridge {
  /** Calls a built-in module, typed by its contract; `options.timeout` overrides the call timeout (0: none). */
  call<M extends keyof Contracts, K extends keyof Contracts[M] & string>(
    module: M,
    method: K,
    args: Args<Contracts[M], K>,
    options?: CallOptions,
  ): Promise<Answer<Contracts[M], K>>;
  /** Calls a module the plugin knows only by name (the host's own modules). */
  callAny(module: string, method: string, args: unknown[]): Promise<unknown>;
  /** Answers host-to-app calls for `module` (`view.call(module, method, ...)` on the host). */
  provide(module: string, methods: Record<string, (...args: never[]) => unknown>): void;
  onEvent(listener: (name: string, args: unknown[]) => void): () => void;
  /** Delivers an event to this page's own listeners, as if the host had sent it. */
  deliver(name: string, args: unknown[]): void;
  /** Resolves with the welcome (connecting if need be). */
  ready(): Promise<Welcome>;
  /** Page options merged with the host's. */
  options(): PluginOptions;
  /** The app page's window, or undefined outside a browser. */
  readonly window: Window | undefined;
  /**
   * Runs `listener` once the connection starts (at once if it has): for facades with page-side work
   * such as autoresize, which must not begin at import time.
   */
  onStart(listener: () => void): void;
}

/** Connect's two call forms of a contract method: its arguments, an optional callback, and a Promise. */
export type FacadeMethod<F> = F extends (...args: infer A) => infer R
  ? (...args: [...A, Callback<Awaited<R>>?]) => Promise<Awaited<R>>
  : never;

/**
 * A Connect callback. Method syntax makes its parameter bivariant, so app code that declares a
 * narrower type (`getMacroData((data: MyMacro) => ...)`, as @types/atlassian-connect-js allows) compiles.
 */
export type Callback<T> = { bivarianceHack(value: T): void }['bivarianceHack'];

/** A module facade with no client-side logic: each contract method in Connect's two call forms. */
export type Facade<C> = { [K in keyof C]: FacadeMethod<C[K]> };

/**
 * For methods Connect documents as returning nothing: apps written for Connect ignore the result, so
 * a failure is logged with its code and the Promise is marked handled (awaiting it still rejects)
 * instead of surfacing as an unhandled rejection that error monitors report.
 */
export function quiet<T>(what: string, promise: Promise<T>, onFailure?: () => void): Promise<T> {
  promise.catch((error: unknown) => {
    console.warn(`AP.${what} failed:`, isBridgeError(error) ? `${error.code}: ${error.message}` : error);
    onFailure?.();
  });
  return promise;
}

/**
 * Builds the facade of a module whose methods have no client-side logic, from its contract's method
 * table (`0`: Connect returns nothing, so failures are only logged; `1`: an answer). The callback is
 * the first function argument wherever it is, as Connect's loaders accepted
 * (`openCreateIssueDialog(callback, fields)` as well as `getContentProperty(key, callback)`).
 */
export function facade<M extends keyof Contracts>(
  bridge: PluginBridge,
  module: M,
  kinds: MethodKinds<Contracts[M]>,
): Facade<Contracts[M]> {
  // Built by name from the table the contract checks, so it has exactly the contract's methods.
  return methods(bridge, module, Object.keys(kinds), kinds as Record<string, 0 | 1>) as Facade<Contracts[M]>;
}

/** Connect's two call forms for each of `names`; `kinds[name] === 0` marks a method whose failures are only logged. */
function methods(
  bridge: PluginBridge,
  module: string,
  names: readonly string[],
  kinds?: Record<string, 0 | 1>,
): Record<string, (...args: unknown[]) => Promise<unknown>> {
  const out: Record<string, (...args: unknown[]) => Promise<unknown>> = Object.create(null);
  for (const method of names) {
    if (isReservedName(method)) continue;
    out[method] = (...raw) => {
      const at = raw.findIndex((arg) => typeof arg === 'function');
      const callback = at < 0 ? undefined : (raw[at] as (value: unknown) => void);
      const args = raw.filter((_, i) => i !== at);
      // Connect's callers often pass `undefined` for an omitted trailing argument; contract methods drop it.
      if (kinds) while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
      const sent = withCallback(bridge.callAny(module, method, args), callback);
      return kinds?.[method] === 0 ? quiet(`${module}.${method}`, sent) : sent;
    };
  }
  return out;
}

/**
 * Returns `promise`, also feeding its value to `callback` when there is one. When a callback is used
 * the rejection is marked handled (Connect's callback form had no error channel); the returned
 * promise still rejects for anyone awaiting it.
 */
export function withCallback<T>(promise: Promise<T>, callback?: (value: T) => void): Promise<T> {
  if (callback) {
    promise.then(callback, () => {});
  }
  return promise;
}

/**
 * Subscribes `listener` to the host's events on the first call of the returned function only: facades
 * listen once the app uses them, never at import time.
 */
export function subscriber(bridge: PluginBridge, listener: (name: string, args: unknown[]) => void): () => void {
  let subscribed = false;
  return () => {
    if (subscribed) return;
    subscribed = true;
    bridge.onEvent(listener);
  };
}

/** Adds `item` to the list under `key`, as a new array: a list being delivered is never changed under it. */
export function addTo<K, V>(lists: Map<K, V[]>, key: K, item: V): void {
  lists.set(key, [...(lists.get(key) ?? []), item]);
}

/** A facade for a host module the plugin has no code for, built from the host's method list. */
export function stubModule(
  bridge: PluginBridge,
  module: string,
  names: readonly string[],
): Record<string, (...args: unknown[]) => Promise<unknown>> {
  return methods(bridge, module, names);
}
