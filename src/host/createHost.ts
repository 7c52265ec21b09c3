import { BridgeError, ErrorCode } from '../shared/errors.js';
import type { DropReason } from '../shared/guards.js';
import type { Call } from '../shared/protocol.js';
import { DEFAULT_LIMITS, refuse, type Cancellation } from '../shared/rpc.js';
import { resolveViewUrl, toApp } from './apps.js';
import { createDropReports } from './dropReports.js';
import { checkHelloEvent } from './handshake.js';
import { DEFAULT_METERING, type Metering } from './meter.js';
import { createSink } from './sink.js';
import { createRegistry } from './registry.js';
import type { App, CallContext, Host, HostOptions, RejectionInfo, View, ViewFilter, ViewState } from './types.js';
import { DEFAULT_SANDBOX, createView, type HostedView } from './view.js';

const DEFAULT_HANDSHAKE_TIMEOUT = 10_000;

function matches(view: View, filter: ViewFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'function') return filter(view);
  return (
    (filter.appKey === undefined || filter.appKey === view.app.key) &&
    (filter.moduleKey === undefined || filter.moduleKey === view.moduleKey)
  );
}

// Hooks are the product's code; a throwing hook must not break the bridge for the app.
function safely<A extends unknown[]>(hook: ((...args: A) => void) | undefined, ...args: A): void {
  try {
    hook?.(...args);
  } catch {
    /* ignored by design */
  }
}

/**
 * Creates the bridge core of a product page: apps, views, handshake, sessions and dispatch, with only
 * the modules passed in `options.modules` (see `createHost` for the Connect-compatible set).
 *
 * @example
 * ```ts
 * import { createHostCore, cookieModule } from 'apbridge/host';
 *
 * const host = createHostCore({ modules: [cookieModule()], onCall: (info) => console.debug(info) });
 * host.registerApp({ key: 'my-app', baseUrl: 'https://app.example.com' });
 * host.defineModule('acme', { ping: (ctx, n: number) => `pong ${n} for ${ctx.app.key}` });
 * const view = host.create({ app: 'my-app', moduleKey: 'main', url: '/panel' }, document.body);
 * ```
 */
export function createHostCore(options: HostOptions = {}): Host {
  const win = options.window ?? window;
  const hostOrigin = win.location.origin;
  const registry = createRegistry<CallContext>();
  const apps = new Map<string, App>();
  const views = new Map<string, HostedView>();
  // The iframe windows of live views, for metering what each posts to the host window.
  const byWindow = new Map<MessageEventSource, HostedView>();
  const windowOf = new WeakMap<View, MessageEventSource>();
  // Views whose window is not known yet. Reading `contentWindow` just after the iframe is inserted
  // blocks this page until the browser has set the frame up (9–17 ms a view measured on a loaded
  // 2-core machine; free a moment later), so it is read when a window we do not know posts to us.
  const untracked = new Set<HostedView>();
  // An iframe keeps its WindowProxy across navigations; it exists once the iframe is in a document.
  function track(view: HostedView): void {
    untracked.delete(view);
    const win = view.window;
    if (!win) return;
    byWindow.set(win, view);
    windowOf.set(view, win);
  }
  function senderOf(source: MessageEventSource): HostedView | undefined {
    const known = byWindow.get(source);
    if (known || untracked.size === 0) return known;
    for (const view of untracked) {
      if (view.window !== source) continue;
      track(view);
      return view;
    }
    return undefined;
  }
  const { maxRate, maxBurst, maxBacklog, maxWindowRate, maxWindowBurst, ...sessionLimits } = options.limits ?? {};
  const limits = { ...DEFAULT_LIMITS, ...sessionLimits, callTimeout: options.timeouts?.call ?? DEFAULT_LIMITS.callTimeout };
  const metering: Metering = {
    rate: maxRate ?? DEFAULT_METERING.rate,
    burst: maxBurst ?? DEFAULT_METERING.burst,
    backlog: maxBacklog ?? DEFAULT_METERING.backlog,
    windowRate: maxWindowRate ?? DEFAULT_METERING.windowRate,
    windowBurst: maxWindowBurst ?? DEFAULT_METERING.windowBurst,
  };
  const sink = createSink();
  const stateListeners = new Set<(view: View, state: ViewState) => void>();
  const teardowns: (() => void)[] = [];
  let destroyed = false;

  const drops = createDropReports((info: RejectionInfo) => safely(options.onRejected, info));
  const reject = drops.add;

  function notifyState(view: View, state: ViewState): void {
    safely(options.onViewState, view, state);
    for (const listener of [...stateListeners]) safely(listener, view, state);
  }

  function onDrop(view: View, reason: DropReason): void {
    reject({ reason, origin: view.app.origin, appKey: view.app.key, viewId: view.id });
  }

  async function dispatch(view: View, session: string, call: Call, cancel: Cancellation): Promise<unknown> {
    const started = performance.now();
    let outcome: 'ok' | ErrorCode = 'ok';
    let result: unknown;
    let message: string | undefined;
    let cause: unknown;
    try {
      const handler = registry.lookup(call.module, call.method);
      const ctx: CallContext = {
        app: view.app,
        moduleKey: view.moduleKey,
        view,
        session,
        host,
        get signal() {
          return cancel.signal;
        },
      };
      result = await handler(ctx, ...call.args);
      return result;
    } catch (error) {
      if (error instanceof BridgeError) {
        outcome = error.code;
        message = error.message;
        throw error;
      }
      outcome = ErrorCode.HANDLER_FAILED;
      cause = error;
      // The message of an arbitrary exception may describe host internals; the app gets the code only.
      message = `${call.module}.${call.method} failed`;
      throw new BridgeError(ErrorCode.HANDLER_FAILED, message);
    } finally {
      // The report is built only for a host that asked for it: this runs on every call.
      if (options.onCall) safely(options.onCall, {
        appKey: view.app.key,
        moduleKey: view.moduleKey,
        viewId: view.id,
        module: call.module,
        method: call.method,
        duration: performance.now() - started,
        outcome,
        args: call.args,
        ...(outcome === 'ok' ? { result } : { message }),
        ...(cause === undefined ? {} : { cause }),
      });
    }
  }

  function onMessage(event: MessageEvent): void {
    // Everything one of our iframes posts here is metered, bridge traffic or not: past its rate the
    // view is stopped, and what it had already posted is dropped by this lookup alone.
    const source = event.source;
    const sender = source === null ? undefined : senderOf(source);
    if (sender && !sender.meterWindowMessage()) return;
    // A channel that is not one of ours (Connect's `xdm_c`, sent when window.name was not ours) is
    // the view whose iframe posted it: identity is that window and the app's origin, as for any hello.
    const outcome = checkHelloEvent(event, (channel) => views.get(channel) ?? sender);
    if (outcome.accepted) {
      track(outcome.target);
      outcome.target.connect(outcome.port);
      return;
    }
    if (outcome.reason === null) return;
    if (outcome.reason === 'PROTOCOL_MISMATCH' && outcome.port) {
      refuse(outcome.port, { type: 'refusal', code: ErrorCode.PROTOCOL_MISMATCH, message: 'Unsupported protocol version' });
    } else {
      // Closed without ever being started: nothing the sender queued on it is read.
      outcome.port?.close();
    }
    reject({
      reason: outcome.reason,
      origin: event.origin,
      ...(outcome.target ? { appKey: outcome.target.app.key, viewId: outcome.target.id } : {}),
    });
  }

  // Removing an app iframe from the DOM by any means ends its session, as view.destroy() would.
  const observer =
    typeof MutationObserver === 'function'
      ? new MutationObserver((records) => {
          if (!records.some((record) => record.removedNodes.length > 0)) return;
          for (const view of [...views.values()]) if (!view.iframe.isConnected) view.destroy();
        })
      : undefined;

  win.addEventListener('message', onMessage);
  if (win.document.documentElement) {
    observer?.observe(win.document.documentElement, { childList: true, subtree: true });
  }

  const host: Host = {
    origin: hostOrigin,
    registerApp(descriptor) {
      const app = toApp(descriptor, hostOrigin);
      apps.set(app.key, app);
      return app;
    },
    unregisterApp(key) {
      apps.delete(key);
      for (const view of [...views.values()]) if (view.app.key === key) view.destroy();
    },
    getApp(key) {
      return apps.get(key);
    },
    create(create, container) {
      if (destroyed) throw new BridgeError(ErrorCode.CONNECTION_DESTROYED, 'The host was destroyed');
      const app = apps.get(create.app);
      if (!app) throw new BridgeError(ErrorCode.NOT_ALLOWED, `App "${create.app}" is not registered`);
      const view = createView({
        app,
        url: resolveViewUrl(app, create.url),
        hostOrigin,
        create,
        container,
        sandbox: options.iframe?.sandbox ?? DEFAULT_SANDBOX,
        allow: options.iframe?.allow,
        limits,
        metering,
        discard: sink.discard,
        handshakeTimeout: options.timeouts?.handshake ?? DEFAULT_HANDSHAKE_TIMEOUT,
        modules: () => registry.describe(),
        dispatch,
        onDrop,
        onState: notifyState,
        onDestroyed: (v) => {
          const hosted = views.get(v.id);
          if (hosted) untracked.delete(hosted);
          views.delete(v.id);
          // The iframe is gone by now: its window is found by the view, not the other way round.
          const win = windowOf.get(v);
          if (win && byWindow.get(win) === v) byWindow.delete(win);
        },
      });
      views.set(view.id, view);
      untracked.add(view);
      // The initial 'loading' is reported too, so a UI can draw a view's state from its first frame.
      notifyState(view, 'loading');
      return view;
    },
    defineModule(name, impl) {
      registry.define(name, impl);
    },
    emit(name, filter, ...args) {
      let reached = 0;
      for (const view of views.values()) {
        if (matches(view, filter)) {
          view.emit(name, ...args);
          reached++;
        }
      }
      return reached;
    },
    views() {
      return [...views.values()];
    },
    onViewState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      win.removeEventListener('message', onMessage);
      observer?.disconnect();
      for (const view of [...views.values()]) view.destroy();
      for (const teardown of teardowns.splice(0).reverse()) safely(teardown);
      sink.close();
      drops.flush();
      stateListeners.clear();
      apps.clear();
    },
  };

  for (const module of options.modules ?? []) {
    registry.define(module.name, module.methods);
    const teardown = module.attach?.(host);
    if (typeof teardown === 'function') teardowns.push(teardown);
  }
  return host;
}
