import { BridgeError, ErrorCode } from '../shared/errors.js';
import { DropReason } from '../shared/guards.js';
import { PROTOCOL_VERSION, type Call, type WindowName } from '../shared/protocol.js';
import { createEndpoint, type Cancellation, type Endpoint, type EndpointLimits, type PortLike } from '../shared/rpc.js';
import { createBucket, sessionMeter, type Metering } from './meter.js';
import type { App, CreateViewOptions, View, ViewState } from './types.js';

/**
 * Least privilege for a Connect app: its own origin (for its cookies and storage), scripts, forms and
 * popups the user opens. No top navigation: apps navigate the product through AP.navigator.
 */
export const DEFAULT_SANDBOX =
  'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads';

const MAX_QUEUED_EVENTS = 64;
const QUEUED_EVENT_TTL = 30_000;
const SIZE = /^(\d{1,5}(\.\d+)?)(px|%|em|rem|vh|vw)?$/;

/** What a view needs from its host; the host keeps the registry and the hooks. */
export interface ViewDeps {
  app: App;
  url: string;
  hostOrigin: string;
  create: CreateViewOptions;
  container: Element;
  sandbox: string;
  allow: string | undefined;
  limits: EndpointLimits;
  /** What the app may send: on its session, and to the host window. */
  metering: Metering;
  /** Takes a cut session's port and what the app had queued on it (see sink.ts). */
  discard(port: PortLike): void;
  handshakeTimeout: number;
  modules(): Record<string, string[]>;
  dispatch(view: View, session: string, call: Call, cancel: Cancellation): unknown;
  onDrop(view: View, reason: DropReason): void;
  onState(view: View, state: ViewState): void;
  onDestroyed(view: View): void;
}

/** A view plus what only the host may call. */
export interface HostedView extends View {
  readonly window: Window | null;
  readonly origin: string;
  /** Starts a session on `port`, ending the previous one with CONNECTION_RESET. */
  connect(port: MessagePort): void;
  /**
   * Counts one message the iframe posted to the host window; false once it went over its rate, and
   * from then on until a reload (the view is stopped by then).
   */
  meterWindowMessage(): boolean;
}

export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** Accepts a number (px) or a short CSS length; anything else falls back. */
export function cssSize(value: unknown, fallback: string): string {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return `${Math.round(value)}px`;
  if (typeof value !== 'string') return fallback;
  const match = SIZE.exec(value.trim());
  if (!match) return fallback;
  return match[3] ? value.trim() : `${match[1]}px`;
}

export function createView(deps: ViewDeps): HostedView {
  const { app, create } = deps;
  const id = randomId();
  const doc = deps.container.ownerDocument;
  const iframe = doc.createElement('iframe');
  const context = Object.freeze({ ...create.context });
  const options = Object.freeze({ ...create.options });
  const queued: { name: string; args: unknown[]; at: number }[] = [];
  let endpoint: Endpoint | undefined;
  let state: ViewState = 'loading';
  let resolveReady: () => void = () => {};
  let rejectReady: (error: BridgeError) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // A view that is destroyed unconnected rejects `ready`; nobody may be listening.
  ready.catch(() => {});

  const name: WindowName = { apb: 1, host: deps.hostOrigin, channel: id, options, modules: deps.modules() };
  iframe.name = JSON.stringify(name);
  iframe.setAttribute('sandbox', deps.sandbox);
  if (deps.allow !== undefined) iframe.setAttribute('allow', deps.allow);
  iframe.setAttribute('referrerpolicy', 'no-referrer');
  iframe.setAttribute('title', `${app.name}: ${create.moduleKey}`);
  iframe.setAttribute('data-apb-app', app.key);
  iframe.setAttribute('data-apb-module', create.moduleKey);
  // max-width: whatever size an app asks for, its iframe never grows wider than its container.
  iframe.style.cssText = 'display:block;border:0;max-width:100%;';
  iframe.style.width = cssSize(create.width, '100%');
  iframe.style.height = cssSize(create.height, '150px');

  let handshakeTimer: ReturnType<typeof setTimeout> | undefined;
  function armHandshake(): void {
    clearTimeout(handshakeTimer);
    handshakeTimer = setTimeout(() => {
      if (state === 'loading') setState('unresponsive');
    }, deps.handshakeTimeout);
  }
  armHandshake();

  const windowBucket = createBucket(deps.metering.windowRate, deps.metering.windowBurst);

  function setState(next: ViewState): void {
    if (state === next) return;
    state = next;
    deps.onState(view, next);
  }

  // Every call settles: an app that never says hello must not keep a host call waiting forever.
  function connected(timeout: number): Promise<void> {
    if (!(timeout > 0 && Number.isFinite(timeout))) return ready;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new BridgeError(ErrorCode.CONNECTION_TIMEOUT, 'The app did not connect in time')),
        timeout,
      );
    });
    return Promise.race([ready, expired]).finally(() => clearTimeout(timer));
  }

  const ENDED: Partial<Record<ErrorCode, string>> = {
    [ErrorCode.CONNECTION_RESET]: 'The app reloaded',
    [ErrorCode.RATE_LIMITED]: 'The app was stopped for sending too many messages',
  };

  function endSession(code: ErrorCode): void {
    const current = endpoint;
    endpoint = undefined;
    current?.close(new BridgeError(code, ENDED[code] ?? 'The view was destroyed'));
  }

  /**
   * Cuts a flooding app: its session closes (with whatever it still has queued on the port) and its
   * page is unloaded, so a flood driven by the page's own script ends too. The iframe stays, drawn
   * by the host as stopped, until `reload()`.
   */
  function stop(): void {
    if (state === 'destroyed' || state === 'stopped') return;
    clearTimeout(handshakeTimer);
    endSession(ErrorCode.RATE_LIMITED);
    iframe.src = 'about:blank';
    // The host's stopped state takes its place; an empty frame beside it would only be a gap.
    iframe.style.display = 'none';
    setState('stopped');
  }

  const view: HostedView = {
    id,
    app,
    moduleKey: create.moduleKey,
    iframe,
    context,
    options,
    ready,
    origin: app.origin,
    get window() {
      return iframe.contentWindow;
    },
    get state() {
      return state;
    },
    connect(next) {
      if (state === 'destroyed' || state === 'stopped') {
        next.close();
        return;
      }
      endSession(ErrorCode.CONNECTION_RESET);
      const current = randomId();
      endpoint = createEndpoint({
        port: next,
        limits: deps.limits,
        dispatch: (call, cancel) => deps.dispatch(view, current, call, cancel),
        onDrop: (reason) => deps.onDrop(view, reason),
        admit: sessionMeter(deps.metering),
        onFlood: stop,
        discard: deps.discard,
      });
      endpoint.send({
        type: 'welcome',
        session: current,
        version: PROTOCOL_VERSION,
        modules: deps.modules(),
        options: { ...options },
      });
      clearTimeout(handshakeTimer);
      setState('connected');
      resolveReady();
      const now = Date.now();
      for (const event of queued.splice(0)) {
        if (now - event.at <= QUEUED_EVENT_TTL) endpoint.emit(event.name, event.args);
      }
    },
    emit(eventName, ...args) {
      if (state === 'destroyed') return;
      if (endpoint) {
        endpoint.emit(eventName, args);
        return;
      }
      if (queued.length >= MAX_QUEUED_EVENTS) queued.shift();
      queued.push({ name: eventName, args, at: Date.now() });
    },
    meterWindowMessage() {
      if (state === 'stopped') return false;
      if (windowBucket.take()) return true;
      deps.onDrop(view, DropReason.RATE_LIMITED);
      stop();
      return false;
    },
    reload() {
      if (state === 'destroyed') return;
      windowBucket.fill();
      // Re-assigning src reloads the app; its hello starts a new session (ending the old one).
      iframe.src = deps.url;
      iframe.style.display = 'block';
      armHandshake();
      setState('loading');
    },
    async call(module, method, ...args) {
      if (!endpoint) await connected(deps.limits.callTimeout);
      if (!endpoint) throw new BridgeError(ErrorCode.CONNECTION_DESTROYED, 'The view was destroyed');
      return endpoint.call(module, method, args);
    },
    destroy() {
      if (state === 'destroyed') return;
      clearTimeout(handshakeTimer);
      endSession(ErrorCode.CONNECTION_DESTROYED);
      queued.length = 0;
      setState('destroyed');
      rejectReady(new BridgeError(ErrorCode.CONNECTION_DESTROYED, 'The view was destroyed'));
      iframe.remove();
      deps.onDestroyed(view);
    },
  };
  iframe.src = deps.url;
  deps.container.appendChild(iframe);
  return view;
}
