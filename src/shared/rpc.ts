// An endpoint: one side of a session on a MessagePort. It wires the port to the calling half
// (rpcOutgoing) and the answering half (rpcIncoming), and meters what the peer sends.
import { BridgeError, ErrorCode } from './errors.js';
import { DropReason, checkPortMessage } from './guards.js';
import { collectTransferables } from './payload.js';
import type { Call, PortMessage, Refusal } from './protocol.js';
import { createIncoming, type Cancellation } from './rpcIncoming.js';
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
  /** Incoming calls handled at once; more wait in order (see `maxQueued`). */
  maxIncoming: number;
  /** Calls that may wait, in each direction, beyond the caps above; past it TOO_MANY_PENDING. */
  maxQueued: number;
  /**
   * Sustained incoming messages per second (token bucket). A peer over it is cut: the endpoint closes
   * with RATE_LIMITED and `onFlood` runs once. `Infinity` turns the check off.
   */
  maxRate: number;
  /** Messages accepted in one burst above the sustained rate (the bucket's size). */
  maxBurst: number;
  /** Estimated size of one incoming call's arguments; over it the call gets PAYLOAD_TOO_LARGE. */
  maxPayloadBytes: number;
}

export const DEFAULT_LIMITS: EndpointLimits = {
  callTimeout: 30_000,
  maxPending: 1_000,
  maxIncoming: 256,
  maxQueued: 10_000,
  // A page-load burst of thousands of calls is ordinary; a sustained stream above 1,000/s is not any
  // app's traffic, and the sooner a flood is cut the less of it the browser delivers ahead of others.
  maxRate: 1_000,
  maxBurst: 20_000,
  maxPayloadBytes: 16 * 1024 * 1024,
};

export interface EndpointOptions {
  port: PortLike;
  limits?: Partial<EndpointLimits>;
  /** Runs a call from the peer. Throw a BridgeError to answer with its code. */
  dispatch?: (call: Call, cancel: Cancellation) => unknown;
  onEvent?: (name: string, args: unknown[]) => void;
  /** Messages that are not part of call/reply traffic (the welcome, a refusal). */
  onControl?: (message: PortMessage) => void;
  onDrop?: (reason: DropReason, data: unknown) => void;
  /** Runs once when the peer went over its rate and the endpoint closed itself (RATE_LIMITED). */
  onFlood?: () => void;
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

/**
 * Answers a refused hello on its port, which is never started (nothing the sender queued on it is
 * read), then closes the port.
 */
export function refuse(port: PortLike, refusal: Refusal): void {
  port.postMessage(refusal, []);
  port.close();
}

/** Creates an endpoint on `port` and starts it. */
export function createEndpoint(options: EndpointOptions): Endpoint {
  const { port, onEvent, onControl, onDrop, onFlood } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const metered = Number.isFinite(limits.maxRate);
  let closed = false;
  let tokens = limits.maxBurst;
  let refilled = Date.now();

  // Token bucket: a burst up to maxBurst messages is fine; a sustained flood above maxRate is no
  // honest app's traffic, and answering it message by message would let it starve every other app.
  function withinRate(): boolean {
    if (!metered) return true;
    const now = Date.now();
    tokens = Math.min(limits.maxBurst, tokens + ((now - refilled) / 1000) * limits.maxRate);
    refilled = now;
    if (tokens < 1) return false;
    tokens--;
    return true;
  }

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

  const outgoing = createOutgoing({ limits, post, onDrop });
  const incoming = createIncoming({
    limits,
    dispatch: options.dispatch,
    reply(id, value) {
      try {
        post({ type: 'result', id, value }, collectTransferables(value));
      } catch {
        // DataCloneError: the handler returned something structured clone refuses (a function, a DOM node).
        fail(id, new BridgeError(ErrorCode.HANDLER_FAILED, 'The result could not be cloned'));
      }
    },
    fail,
    onDrop,
  });

  function onMessage(event: MessageEvent): void {
    if (!withinRate()) {
      // Closing the port also discards whatever the peer still has queued on it: the flood ends here.
      endpoint.close(new BridgeError(ErrorCode.RATE_LIMITED, 'The peer sent too many messages'));
      onDrop?.(DropReason.RATE_LIMITED, undefined);
      onFlood?.();
      return;
    }
    const checked = checkPortMessage(event.data);
    if (!checked.ok) {
      onDrop?.(checked.reason, event.data);
      return;
    }
    const message = checked.value;
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
      post({ type: 'event', name, args }, collectTransferables(args));
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
