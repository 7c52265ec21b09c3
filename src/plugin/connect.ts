import { BridgeError } from '../shared/errors.js';
import { checkWindowName } from '../shared/guards.js';
import { PROTOCOL_VERSION, type Hello, type Welcome } from '../shared/protocol.js';
import { openEndpoint, type CallOptions, type Endpoint, type EndpointLimits } from '../shared/rpc.js';
import { hostAllowed, metaHosts, type PluginOptions } from './options.js';

const DEFAULT_WELCOME_TIMEOUT = 10_000;
/**
 * How long a host-to-app call for a module the page has not provided yet waits for `AP.provide`.
 * Pages load their own bundle after all.js, and the host may call as soon as it is welcomed.
 */
const PROVIDE_GRACE = 5_000;

type Methods = Record<string, (...args: never[]) => unknown>;

/** The plugin's live link to its host. */
export interface Connection {
  /** Resolves with the welcome; rejects with CONNECTION_TIMEOUT, NOT_ALLOWED, PROTOCOL_MISMATCH... */
  readonly ready: Promise<Welcome>;
  /** Options from the host (window.name, then the welcome) merged over the page's own. */
  readonly options: PluginOptions;
  /** The host's modules as window.name lists them (before the welcome); `{}` when it does not. */
  readonly modules: Readonly<Record<string, string[]>>;
  call(module: string, method: string, args: unknown[], options?: CallOptions): Promise<unknown>;
  /** Subscribes to every event the host sends; returns the unsubscribe function. */
  onEvent(listener: (name: string, args: unknown[]) => void): () => void;
  /** Delivers an event to this page's listeners as if the host had sent it (a refused notice's close). */
  deliver(name: string, args: unknown[]): void;
  /** Answers host-to-app calls for `module` with `methods`. */
  provide(module: string, methods: Methods): void;
  destroy(): void;
}

/**
 * Calls app code (a listener, a callback). One that throws must not stop the others or turn a
 * delivered answer into a failure: its error is rethrown on its own task, like an uncaught error.
 */
export function safely<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): void {
  try {
    fn(...args);
  } catch (error) {
    setTimeout(() => {
      throw error;
    });
  }
}

interface Target {
  host: string;
  channel: string;
  options: Record<string, unknown>;
  modules: Record<string, string[]>;
}

function findTarget(win: Window): Target | null {
  const fromName = checkWindowName(win.name);
  if (fromName) return fromName;
  // Connect's own query parameters, for pages framed by a product that does not set window.name.
  const params = new URLSearchParams(win.location.search);
  const host = params.get('xdm_e');
  const channel = params.get('xdm_c');
  if (!host || !channel) return null;
  try {
    return { host: new URL(host).origin, channel, options: {}, modules: {} };
  } catch {
    return null;
  }
}

/**
 * Connects this page to its host.
 *
 *  1. Read the host origin and channel from window.name (or `xdm_e`/`xdm_c`).
 *  2. If the page declared allowed hosts, refuse any other host before anything is sent.
 *  3. Open a MessageChannel and post the hello, with one port, to window.parent at exactly the host
 *     origin. Calls may go on our port at once: they wait there until the host accepts the hello.
 *  4. The first message back is the welcome (or a refusal: PROTOCOL_MISMATCH). Without it in time, every pending
 *     call rejects with CONNECTION_TIMEOUT.
 */
export function connect(win: Window, pageOptions: PluginOptions, limits: Partial<EndpointLimits> = {}): Connection {
  const listeners = new Set<(name: string, args: unknown[]) => void>();
  const provided = new Map<string, Map<string, (...args: unknown[]) => unknown>>();
  // Host calls waiting for a module the page has not provided yet; each checks again on every provide.
  const awaitingProvide = new Set<() => void>();

  function whenProvided(module: string): Promise<void> {
    return new Promise((resolve) => {
      const check = (force?: boolean): void => {
        if (!force && !provided.has(module)) return;
        clearTimeout(timer);
        awaitingProvide.delete(check);
        resolve();
      };
      const timer = setTimeout(check, PROVIDE_GRACE, true);
      awaitingProvide.add(check);
    });
  }
  function deliver(name: string, args: unknown[]): void {
    for (const listener of [...listeners]) safely(listener, name, args);
  }

  const target = findTarget(win);
  const options: PluginOptions = { ...pageOptions, ...target?.options };
  let endpoint: Endpoint | undefined;
  let welcomed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settleReady: { resolve(w: Welcome): void; reject(e: BridgeError): void } | undefined;
  const ready = new Promise<Welcome>((resolve, reject) => {
    settleReady = { resolve, reject };
  });
  ready.catch(() => {});

  function fail(error: BridgeError): void {
    clearTimeout(timer);
    settleReady?.reject(error);
    endpoint?.close(error);
  }

  const allowedHosts = [...(pageOptions.hosts ?? []), ...metaHosts(win.document)];
  if (!target || win.parent === win) {
    fail(new BridgeError('NOT_SUPPORTED', 'Not in an apbridge host iframe'));
  } else if (allowedHosts.length > 0 && !hostAllowed(target.host, allowedHosts)) {
    fail(new BridgeError('NOT_ALLOWED', `Host ${target.host} not allowed`));
  } else {
    const channel = new MessageChannel();
    endpoint = openEndpoint({
      port: channel.port1,
      // The host is the party the app chose to trust: its traffic is neither metered nor bounded here.
      limits: { ...limits, ...(typeof options.callTimeout === 'number' ? { callTimeout: options.callTimeout } : {}) },
      dispatch: async (call) => {
        // How many may wait here is bounded by the host's own cap on its calls in flight (maxPending).
        if (!provided.has(call.module)) await whenProvided(call.module);
        const method = provided.get(call.module)?.get(call.method);
        if (!method) throw new BridgeError('METHOD_NOT_FOUND', `No method "${call.module}.${call.method}"`);
        return method(...call.args);
      },
      onEvent: deliver,
      onControl: (message) => {
        if (message.type === 'welcome' && !welcomed) {
          welcomed = true;
          clearTimeout(timer);
          Object.assign(options, message.options);
          settleReady?.resolve(message);
        } else if (message.type === 'refusal' && !welcomed) {
          // Only the handshake may be refused; once welcomed, a stray refusal must not end the session.
          fail(BridgeError.fromWire(message));
        }
      },
    });
    const hello: Hello = { apb: 1, type: 'hello', channel: target.channel, version: PROTOCOL_VERSION };
    win.parent.postMessage(hello, target.host, [channel.port2]);
    const welcomeTimeout = typeof options.timeout === 'number' ? options.timeout : DEFAULT_WELCOME_TIMEOUT;
    timer = setTimeout(
      () => fail(new BridgeError('CONNECTION_TIMEOUT', 'No welcome from the host')),
      welcomeTimeout,
    );
  }

  return {
    ready,
    options,
    modules: target?.modules ?? {},
    call(module, method, args, callOptions) {
      // Before the welcome too: calls wait on the port (0-RTT) or in the endpoint's bounded queue. Not
      // an async function: every call would pay for a second promise and its extra turn.
      if (endpoint && !endpoint.closed) return endpoint.call(module, method, args, callOptions);
      return ready.then(() => {
        throw new BridgeError('CONNECTION_DESTROYED', 'Connection closed');
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    deliver,
    provide(module, methods) {
      const map = new Map<string, (...args: unknown[]) => unknown>();
      for (const key of Object.keys(methods)) {
        const fn = methods[key];
        if (typeof fn === 'function') map.set(key, fn as (...args: unknown[]) => unknown);
      }
      provided.set(module, map);
      for (const check of [...awaitingProvide]) check();
    },
    destroy() {
      listeners.clear();
      fail(new BridgeError('CONNECTION_DESTROYED', 'Connection destroyed'));
    },
  };
}
