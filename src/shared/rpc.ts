// An endpoint: one side of a session on a MessagePort. It wires the port to the calling half
// (rpcOutgoing) and the answering half (rpcIncoming); a host bounds the calls it answers and meters
// what the peer sends (`admit`).
import { BridgeError } from './errors.js';
import { DropReason, checkPortMessage } from './guards.js';
import { transferables } from './payload.js';
import type { PortMessage, Refusal } from './protocol.js';
import { bounded, createIncoming, type Dispatch } from './rpcIncoming.js';
import { createOutgoing, type CallOptions } from './rpcOutgoing.js';

export type { Cancellation } from './rpcIncoming.js';
export type { CallOptions } from './rpcOutgoing.js';

/** The part of `MessagePort` the endpoint uses; only the rpc files touch a port. */
export interface PortLike {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'messageerror', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message' | 'messageerror', listener: (event: MessageEvent) => void): void;
  start(): void;
  close(): void;
}

/** Limits and defaults for one endpoint. All are documented in the README. */
export interface EndpointLimits {
  /** Milliseconds before an unanswered outgoing call rejects with CALL_TIMEOUT; 0 disables. */
  callTimeout: number;
  /** Outgoing calls on the wire at once; more wait in order (see `maxQueued`). */
  maxPending: number;
  /** Incoming calls handled at once; more wait in order (see `maxQueued`). `createEndpoint` only. */
  maxIncoming: number;
  /**
   * Calls that may wait beyond the caps above, outgoing (and, with `createEndpoint`, incoming); past it
   * TOO_MANY_PENDING.
   */
  maxQueued: number;
  /**
   * Estimated size of one incoming call's arguments; over it the call gets PAYLOAD_TOO_LARGE.
   * `createEndpoint` only.
   */
  maxPayloadBytes: number;
}

/** The defaults of the limits every endpoint has: its own calls. */
const CALL_LIMITS = { callTimeout: 30_000, maxPending: 1_000, maxQueued: 10_000 };

export const DEFAULT_LIMITS: EndpointLimits = { ...CALL_LIMITS, maxIncoming: 256, maxPayloadBytes: 16 * 1024 * 1024 };

export interface EndpointOptions {
  port: PortLike;
  limits?: Partial<EndpointLimits>;
  /** Runs a call from the peer. Throw a BridgeError to answer with its code. */
  dispatch?: Dispatch;
  onEvent?: (name: string, args: unknown[]) => void;
  /** Messages that are not part of call/reply traffic (the welcome, a refusal). */
  onControl?: (message: PortMessage) => void;
  onDrop?: (reason: DropReason, data: unknown) => void;
  /**
   * Meters each message from the peer before it is read (`createEndpoint` only). False cuts the
   * session: the endpoint closes with RATE_LIMITED, `onFlood` runs, `onDrop` reports RATE_LIMITED
   * once, and the port is given to `discard`.
   */
  admit?: () => boolean;
  onFlood?: () => void;
  /** Disposes of a cut session's port and what the peer has queued on it; {@link drain} by default. */
  discard?: (port: PortLike) => void;
}

/** One side of a session: makes calls, answers calls, sends events, and settles everything on close. */
export interface Endpoint {
  call(module: string, method: string, args: unknown[], options?: CallOptions): Promise<unknown>;
  emit(name: string, args: unknown[]): void;
  /** Sends a control message (the welcome). */
  send(message: PortMessage): void;
  /** Rejects every pending call with `error`, aborts running handlers, detaches and closes the port. */
  close(error: BridgeError): void;
  readonly closed: boolean;
  /** Outgoing calls not settled yet, on the wire or waiting for a slot. */
  readonly pendingCount: number;
}

/** No message for this long: a cut peer's queue is taken as drained. */
const DRAIN_QUIET_MS = 500;
/** A peer still sending after this long (its port handed to a window that lives on) is closed anyway. */
const DRAIN_MAX_MS = 10_000;

/**
 * Reads and drops what a cut peer still has queued on `port`, then closes it. Closing at once would
 * make the browser free the whole backlog (tens of thousands of messages) in one task of this page,
 * which stops painting for most of a second; read, the queue is dispatched in small batches with
 * frames in between, and each message costs a clock read.
 */
export function drain(port: PortLike): void {
  const started = Date.now();
  let last = started;
  const seen = (): void => {
    last = Date.now();
  };
  port.addEventListener('message', seen);
  const timer = setInterval(() => {
    const now = Date.now();
    if (now - last < DRAIN_QUIET_MS && now - started < DRAIN_MAX_MS) return;
    clearInterval(timer);
    port.removeEventListener('message', seen);
    port.close();
  }, DRAIN_QUIET_MS);
}

/**
 * Answers a refused hello on its port, which is never started (nothing the sender queued on it is
 * read), then closes the port.
 */
export function refuse(port: PortLike, refusal: Refusal): void {
  port.postMessage(refusal, []);
  port.close();
}

/**
 * Creates the host's endpoint on `port` and starts it: the calls it answers are bounded (payload
 * estimate, `maxIncoming` at once, `maxQueued` waiting) and, with `admit`, every message from the peer
 * is metered before it is read. The plugin, which neither bounds nor meters its host, uses
 * {@link openEndpoint} and so carries none of this.
 */
export function createEndpoint(options: EndpointOptions): Endpoint {
  const { admit, onFlood, onDrop, discard = drain, port: real } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const dispatch = bounded(options.dispatch, limits, onDrop);
  if (!admit) return openEndpoint({ ...options, dispatch });
  let flooded = false;
  const metered = new Map<(event: MessageEvent) => void, (event: MessageEvent) => void>();
  const port: PortLike = {
    postMessage: (message, transfer) => real.postMessage(message, transfer),
    addEventListener(type, listener) {
      const wrapped =
        type === 'messageerror'
          ? listener
          : (event: MessageEvent): void => {
              if (admit()) return listener(event);
              // Answering a flood message by message would starve every other app: what the peer still
              // has queued goes to `discard`. Shut first, so that onFlood's own close finds it done.
              flooded = true;
              endpoint.close(new BridgeError('RATE_LIMITED', 'The peer sent too many messages'));
              onFlood?.();
              onDrop?.(DropReason.RATE_LIMITED, undefined);
            };
      metered.set(listener, wrapped);
      real.addEventListener(type, wrapped);
    },
    removeEventListener(type, listener) {
      real.removeEventListener(type, metered.get(listener) ?? listener);
    },
    start: () => real.start(),
    close: () => (flooded ? discard(real) : real.close()),
  };
  const endpoint = openEndpoint({ ...options, dispatch, port });
  return endpoint;
}

/**
 * Creates an endpoint on `port` that reads everything the peer sends and answers every call at once,
 * and starts it.
 */
export function openEndpoint(options: Omit<EndpointOptions, 'admit' | 'onFlood' | 'discard'>): Endpoint {
  const { port, onEvent, onControl, onDrop } = options;
  const limits = { ...CALL_LIMITS, ...options.limits };
  let closed = false;

  function post(message: PortMessage, transfer: ArrayBuffer[] = []): void {
    if (closed) return;
    port.postMessage(message, transfer);
  }

  function fail(id: number, error: BridgeError): void {
    try {
      post({ type: 'error', id, error: error.toWire() });
    } catch {
      // The error's data could not be cloned: send the code and message alone.
      post({ type: 'error', id, error: { code: error.code, message: error.message } });
    }
  }

  const outgoing = createOutgoing({ limits, post, transferables, onDrop });
  const incoming = createIncoming({
    dispatch: options.dispatch,
    reply(id, value) {
      try {
        post({ type: 'result', id, value }, transferables(value));
      } catch {
        // DataCloneError: the handler returned something structured clone refuses (a function, a DOM node).
        fail(id, new BridgeError('HANDLER_FAILED', 'Result not cloneable'));
      }
    },
    fail,
    onDrop,
  });

  function onMessage(event: MessageEvent): void {
    const message = checkPortMessage(event.data);
    if (!message) {
      onDrop?.(DropReason.MALFORMED, event.data);
      return;
    }
    switch (message.type) {
      case 'call':
        incoming.receive(message);
        break;
      case 'result':
        outgoing.settle(message.id, { value: message.value });
        break;
      case 'error':
        outgoing.settle(message.id, { error: BridgeError.fromWire(message.error) });
        break;
      case 'cancel':
        incoming.cancel(message.id);
        break;
      case 'event':
        onEvent?.(message.name, message.args);
        break;
      case 'welcome':
      case 'refusal':
        onControl?.(message);
        break;
    }
  }

  function onMessageError(event: MessageEvent): void {
    onDrop?.(DropReason.MALFORMED, event.data);
  }

  port.addEventListener('message', onMessage);
  port.addEventListener('messageerror', onMessageError);
  port.start();

  const endpoint: Endpoint = {
    call(module, method, args, callOptions = {}) {
      return outgoing.call(module, method, args, callOptions);
    },
    emit(name, args) {
      post({ type: 'event', name, args }, transferables(args));
    },
    send(message) {
      post(message);
    },
    close(error) {
      if (closed) return;
      closed = true;
      port.removeEventListener('message', onMessage);
      port.removeEventListener('messageerror', onMessageError);
      port.close();
      incoming.close();
      outgoing.close(error);
    },
    get closed() {
      return closed;
    },
    get pendingCount() {
      return outgoing.size;
    },
  };
  return endpoint;
}
