import { BridgeError, ErrorCode } from './errors.js';
import { DropReason, checkPortMessage } from './guards.js';
import { collectTransferables, estimateSize } from './payload.js';
import type { Call, PortMessage } from './protocol.js';

/** The part of `MessagePort` the endpoint uses; only this file touches a port. */
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
  /** Outgoing calls allowed in flight before new ones reject with TOO_MANY_PENDING. */
  maxPending: number;
  /** Incoming calls handled concurrently before new ones are answered with TOO_MANY_PENDING. */
  maxIncoming: number;
  /** Sustained incoming messages per second (token bucket); over it calls get RATE_LIMITED. */
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
  maxRate: 5_000,
  maxBurst: 20_000,
  maxPayloadBytes: 16 * 1024 * 1024,
};

export interface EndpointOptions {
  port: PortLike;
  limits?: Partial<EndpointLimits>;
  /** Runs a call from the peer. Throw a BridgeError to answer with its code. */
  dispatch?: (call: Call, cancel: Cancellation) => unknown;
  onEvent?: (name: string, args: unknown[]) => void;
  /** Messages that are not part of call/reply traffic (the welcome, a handshake error). */
  onControl?: (message: PortMessage) => void;
  onDrop?: (reason: DropReason, data: unknown) => void;
}

/**
 * Whether an incoming call was cancelled (by the caller, its timeout, or the session ending). The
 * AbortSignal is created only when a handler asks for it: most handlers never do, and an
 * AbortController per call is measurable on the hot path.
 */
export interface Cancellation {
  readonly aborted: boolean;
  readonly signal: AbortSignal;
  abort(): void;
}

function createCancellation(): Cancellation {
  let controller: AbortController | undefined;
  let aborted = false;
  return {
    get aborted() {
      return aborted;
    },
    get signal() {
      controller ??= new AbortController();
      if (aborted) controller.abort();
      return controller.signal;
    },
    abort() {
      aborted = true;
      controller?.abort();
    },
  };
}

export interface CallOptions {
  timeout?: number;
  signal?: AbortSignal;
}

/** One side of a session: makes calls, answers calls, sends events, and settles everything on close. */
export interface Endpoint {
  call(module: string, method: string, args: unknown[], options?: CallOptions): Promise<unknown>;
  emit(name: string, args: unknown[]): void;
  /** Sends a control message (welcome, handshake error). */
  send(message: PortMessage): void;
  /** Rejects every pending call with `error`, aborts running handlers, detaches and closes the port. */
  close(error: BridgeError): void;
  readonly closed: boolean;
  readonly pendingCount: number;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: BridgeError): void;
  /** Date.now() after which the call rejects with CALL_TIMEOUT (Infinity: never). */
  deadline: number;
  module: string;
  method: string;
  cleanup?(): void;
}

function toBridgeError(error: unknown): BridgeError {
  return error instanceof BridgeError
    ? error
    : new BridgeError(ErrorCode.HANDLER_FAILED, 'The handler failed');
}

/** Creates an endpoint on `port` and starts it. */
export function createEndpoint(options: EndpointOptions): Endpoint {
  const { port, dispatch, onEvent, onControl, onDrop } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const pending = new Map<number, Pending>();
  const incoming = new Map<number, Cancellation>();
  let nextId = 1;
  let closed = false;
  let tokens = limits.maxBurst;
  let refilled = Date.now();

  // Token bucket: a burst up to maxBurst messages is fine, a sustained flood above maxRate is answered cheaply.
  function withinRate(): boolean {
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

  function reply(id: number, value: unknown): void {
    try {
      post({ type: 'result', id, value }, collectTransferables(value));
    } catch {
      // DataCloneError: the handler returned something structured clone refuses (a function, a DOM node).
      fail(id, new BridgeError(ErrorCode.HANDLER_FAILED, 'The result could not be cloned'));
    }
  }

  function fail(id: number, error: BridgeError): void {
    try {
      post({ type: 'error', id, error: error.toWire() });
    } catch {
      // The error's data could not be cloned: send the code and message alone.
      post({ type: 'error', id, error: { code: error.code, message: error.message } });
    }
  }

  async function handleCall(call: Call): Promise<void> {
    if (incoming.has(call.id)) {
      onDrop?.(DropReason.MALFORMED, call);
      return;
    }
    if (incoming.size >= limits.maxIncoming) {
      fail(call.id, new BridgeError(ErrorCode.TOO_MANY_PENDING, 'Too many calls in flight'));
      return;
    }
    if (estimateSize(call.args, limits.maxPayloadBytes) > limits.maxPayloadBytes) {
      onDrop?.(DropReason.TOO_LARGE, call.method);
      fail(call.id, new BridgeError(ErrorCode.PAYLOAD_TOO_LARGE, 'The arguments are too large'));
      return;
    }
    const cancellation = createCancellation();
    incoming.set(call.id, cancellation);
    try {
      if (!dispatch) throw new BridgeError(ErrorCode.MODULE_NOT_FOUND, `No module "${call.module}"`);
      const value = await dispatch(call, cancellation);
      if (!cancellation.aborted) reply(call.id, value);
    } catch (error) {
      if (!cancellation.aborted) fail(call.id, toBridgeError(error));
    } finally {
      incoming.delete(call.id);
    }
  }

  function settle(id: number, outcome: { value: unknown } | { error: BridgeError }): void {
    const entry = pending.get(id);
    if (!entry) {
      onDrop?.(DropReason.UNKNOWN_CALL, id);
      return;
    }
    pending.delete(id);
    entry.cleanup?.();
    if ('error' in outcome) entry.reject(outcome.error);
    else entry.resolve(outcome.value);
  }

  // One timer for all calls, armed for the earliest deadline: a per-call setTimeout/clearTimeout pair
  // was about half of the bridge's per-call overhead (bench), and deadlines are seconds apart anyway.
  let sweepTimer: ReturnType<typeof setTimeout> | undefined;
  let sweepAt = Infinity;

  function arm(deadline: number): void {
    if (deadline >= sweepAt || closed) return;
    clearTimeout(sweepTimer);
    sweepAt = deadline;
    sweepTimer = setTimeout(sweep, Math.max(0, deadline - Date.now()));
  }

  function sweep(): void {
    sweepTimer = undefined;
    sweepAt = Infinity;
    const now = Date.now();
    let next = Infinity;
    for (const [id, entry] of pending) {
      if (entry.deadline <= now) {
        settle(id, { error: new BridgeError(ErrorCode.CALL_TIMEOUT, `${entry.module}.${entry.method} timed out`) });
        post({ type: 'cancel', id });
      } else if (entry.deadline < next) {
        next = entry.deadline;
      }
    }
    if (next < Infinity) arm(next);
  }

  function onMessage(event: MessageEvent): void {
    if (!withinRate()) {
      onDrop?.(DropReason.RATE_LIMITED, undefined);
      const id = (event.data as { type?: unknown; id?: unknown } | null)?.id;
      if ((event.data as { type?: unknown } | null)?.type === 'call' && typeof id === 'number' && Number.isSafeInteger(id) && id > 0) {
        fail(id, new BridgeError(ErrorCode.RATE_LIMITED, 'Too many messages'));
      }
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
        void handleCall(message);
        break;
      case 'result':
        settle(message.id, { value: message.value });
        break;
      case 'error':
        if (message.id === 0) onControl?.(message);
        else settle(message.id, { error: BridgeError.fromWire(message.error) });
        break;
      case 'cancel':
        incoming.get(message.id)?.abort();
        break;
      case 'event':
        onEvent?.(message.name, message.args);
        break;
      case 'welcome':
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

  return {
    call(module, method, args, callOptions = {}) {
      if (closed) {
        return Promise.reject(new BridgeError(ErrorCode.CONNECTION_DESTROYED, 'The connection is closed'));
      }
      if (pending.size >= limits.maxPending) {
        return Promise.reject(new BridgeError(ErrorCode.TOO_MANY_PENDING, 'Too many calls pending'));
      }
      const { signal } = callOptions;
      if (signal?.aborted) {
        return Promise.reject(new BridgeError(ErrorCode.CALL_CANCELLED, 'The call was cancelled'));
      }
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timeout = callOptions.timeout ?? limits.callTimeout;
        const deadline = timeout > 0 && Number.isFinite(timeout) ? Date.now() + timeout : Infinity;
        const entry: Pending = { resolve, reject, deadline, module, method };
        if (signal) {
          const onAbort = (): void => {
            settle(id, { error: new BridgeError(ErrorCode.CALL_CANCELLED, 'The call was cancelled') });
            post({ type: 'cancel', id });
          };
          signal.addEventListener('abort', onAbort);
          entry.cleanup = () => signal.removeEventListener('abort', onAbort);
        }
        pending.set(id, entry);
        if (deadline < Infinity) arm(deadline);
        try {
          post({ type: 'call', id, module, method, args }, collectTransferables(args));
        } catch {
          settle(id, {
            error: new BridgeError(ErrorCode.INVALID_ARGUMENT, 'Arguments could not be cloned (functions, DOM nodes?)'),
          });
        }
      });
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
      clearTimeout(sweepTimer);
      port.removeEventListener('message', onMessage);
      port.removeEventListener('messageerror', onMessageError);
      port.close();
      for (const cancellation of incoming.values()) cancellation.abort();
      incoming.clear();
      const entries = [...pending.values()];
      pending.clear();
      for (const entry of entries) {
        entry.cleanup?.();
        entry.reject(error);
      }
    },
    get closed() {
      return closed;
    },
    get pendingCount() {
      return pending.size;
    },
  };
}
