// The calling half of an endpoint: ids, pending promises, and deadlines (a call that times out on the
// wire is cancelled at the peer). At most
// `maxPending` calls are on the wire at once; more wait here in order, and only past `maxQueued`
// waiting is a call refused.
import { BridgeError } from './errors.js';
import { DropReason } from './guards.js';
import type { PortMessage } from './protocol.js';
import { createFifo } from './queue.js';

export interface CallOptions {
  /** Milliseconds before the call rejects with CALL_TIMEOUT (0: never); the endpoint's `callTimeout` by default. */
  timeout?: number;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: BridgeError): void;
  /** Date.now() after which the call rejects with CALL_TIMEOUT (Infinity: never). */
  deadline: number;
  module: string;
  method: string;
  /** Held only while the call waits for a slot; dropped once it is posted. */
  args: unknown[] | undefined;
  sent: boolean;
}

export interface OutgoingOptions {
  limits: { callTimeout: number; maxPending: number; maxQueued: number };
  post(message: PortMessage, transfer?: ArrayBuffer[]): void;
  /** The ArrayBuffers of a value, to transfer rather than copy. */
  transferables(value: unknown): ArrayBuffer[];
  onDrop: ((reason: DropReason, data: unknown) => void) | undefined;
}

export interface Outgoing {
  call(module: string, method: string, args: unknown[], options: CallOptions): Promise<unknown>;
  settle(id: number, outcome: { value: unknown } | { error: BridgeError }): void;
  /** Rejects every pending and waiting call with `error`. */
  close(error: BridgeError): void;
  readonly size: number;
}

export function createOutgoing({ limits, post, transferables, onDrop }: OutgoingOptions): Outgoing {
  const pending = new Map<number, Pending>();
  const waiting = createFifo<number>();
  let nextId = 1;
  let inFlight = 0;
  let closed = false;

  function send(id: number, entry: Pending): void {
    const args = entry.args ?? [];
    entry.args = undefined;
    entry.sent = true;
    inFlight++;
    try {
      post({ type: 'call', id, module: entry.module, method: entry.method, args }, transferables(args));
    } catch {
      settle(id, {
        error: new BridgeError('INVALID_ARGUMENT', 'Arguments not cloneable'),
      });
    }
  }

  function sendWaiting(): void {
    while (inFlight < limits.maxPending && waiting.size > 0) {
      const id = waiting.shift()!;
      const entry = pending.get(id);
      // Gone already: it timed out while it waited.
      if (entry && !entry.sent) send(id, entry);
    }
  }

  function settle(id: number, outcome: { value: unknown } | { error: BridgeError }): void {
    const entry = pending.get(id);
    if (!entry) {
      onDrop?.(DropReason.UNKNOWN_CALL, id);
      return;
    }
    pending.delete(id);
    if ('error' in outcome) entry.reject(outcome.error);
    else entry.resolve(outcome.value);
    if (entry.sent) {
      inFlight--;
      if (waiting.size > 0) sendWaiting();
    }
  }

  /** Ends a call on this side, telling the peer to stop only if the call ever reached it. */
  function abandon(id: number, error: BridgeError): void {
    const sent = pending.get(id)?.sent;
    settle(id, { error });
    if (sent) post({ type: 'cancel', id });
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
        abandon(id, new BridgeError('CALL_TIMEOUT', `${entry.module}.${entry.method} timed out`));
      } else if (entry.deadline < next) {
        next = entry.deadline;
      }
    }
    if (next < Infinity) arm(next);
  }

  return {
    call(module, method, args, { timeout = limits.callTimeout }) {
      if (closed) {
        return Promise.reject(new BridgeError('CONNECTION_DESTROYED', 'Connection closed'));
      }
      const mustWait = inFlight >= limits.maxPending;
      if (mustWait && waiting.size >= limits.maxQueued) {
        return Promise.reject(new BridgeError('TOO_MANY_PENDING', `More than ${limits.maxQueued} calls waiting`));
      }
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const deadline = timeout > 0 && Number.isFinite(timeout) ? Date.now() + timeout : Infinity;
        const entry: Pending = { resolve, reject, deadline, module, method, args, sent: false };
        pending.set(id, entry);
        if (deadline < Infinity) arm(deadline);
        if (mustWait) waiting.push(id);
        else send(id, entry);
      });
    },
    settle,
    close(error) {
      if (closed) return;
      closed = true;
      clearTimeout(sweepTimer);
      waiting.drain();
      const entries = [...pending.values()];
      pending.clear();
      for (const entry of entries) entry.reject(error);
    },
    get size() {
      return pending.size;
    },
  };
}
