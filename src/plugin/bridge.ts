import type { CallOptions } from '../shared/rpc.js';
import { isReservedName } from '../shared/guards.js';
import type { Welcome } from '../shared/protocol.js';
import type { PluginOptions } from './options.js';

/** What a module facade gets: calls and events, connecting lazily on first use. */
export interface PluginBridge {
  /** `options.timeout` overrides the call timeout for this call (0: none). */
  call(module: string, method: string, args: unknown[], options?: CallOptions): Promise<unknown>;
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

/** Splits a trailing callback off Connect-style arguments. */
export function callbackLast(args: readonly unknown[]): [unknown[], ((value: unknown) => void) | undefined] {
  const last = args[args.length - 1];
  return typeof last === 'function'
    ? [args.slice(0, -1), last as (value: unknown) => void]
    : [[...args], undefined];
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

/** A facade for a host module the plugin has no code for, built from the welcome's method list. */
export function stubModule(
  bridge: PluginBridge,
  module: string,
  methods: readonly string[],
): Record<string, (...args: unknown[]) => Promise<unknown>> {
  const facade: Record<string, (...args: unknown[]) => Promise<unknown>> = Object.create(null);
  for (const method of methods) {
    if (isReservedName(method)) continue;
    facade[method] = (...raw) => {
      const [args, callback] = callbackLast(raw);
      return withCallback(bridge.call(module, method, args), callback);
    };
  }
  return facade;
}
