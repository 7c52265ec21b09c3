// The answering half of an endpoint: runs the peer's calls, at most `maxIncoming` at a time, the
// rest waiting in arrival order; only past `maxQueued` waiting is a call refused.
import { BridgeError, ErrorCode } from './errors.js';
import { DropReason } from './guards.js';
import { measure } from './payload.js';
import type { Call } from './protocol.js';
import { createFifo } from './queue.js';

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

function toBridgeError(error: unknown): BridgeError {
  return error instanceof BridgeError
    ? error
    : new BridgeError(ErrorCode.HANDLER_FAILED, 'Handler failed');
}

export interface IncomingOptions {
  limits: { maxIncoming: number; maxQueued: number; maxPayloadBytes: number };
  dispatch: ((call: Call, cancel: Cancellation) => unknown) | undefined;
  reply(id: number, value: unknown): void;
  fail(id: number, error: BridgeError): void;
  onDrop: ((reason: DropReason, data: unknown) => void) | undefined;
}

export interface Incoming {
  receive(call: Call): void;
  cancel(id: number): void;
  /** Aborts running handlers and forgets waiting calls (the session is over: nobody to answer). */
  close(): void;
}

export function createIncoming({ limits, dispatch, reply, fail, onDrop }: IncomingOptions): Incoming {
  // Every call this side owes an answer to, running or waiting: ids are unique among them.
  const owed = new Map<number, Cancellation>();
  const waiting = createFifo<{ call: Call; cancellation: Cancellation }>();
  let running = 0;

  async function run(call: Call, cancellation: Cancellation): Promise<void> {
    running++;
    try {
      if (!dispatch) throw new BridgeError(ErrorCode.MODULE_NOT_FOUND, `No module "${call.module}"`);
      const value = await dispatch(call, cancellation);
      if (!cancellation.aborted) reply(call.id, value);
    } catch (error) {
      if (!cancellation.aborted) fail(call.id, toBridgeError(error));
    } finally {
      running--;
      if (owed.get(call.id) === cancellation) owed.delete(call.id);
      next();
    }
  }

  function next(): void {
    while (running < limits.maxIncoming && waiting.size > 0) {
      const { call, cancellation } = waiting.shift()!;
      // Cancelled while waiting: the caller has settled it already, nobody wants the answer.
      if (!cancellation.aborted) void run(call, cancellation);
      else if (owed.get(call.id) === cancellation) owed.delete(call.id);
    }
  }

  return {
    receive(call) {
      if (owed.has(call.id)) {
        onDrop?.(DropReason.MALFORMED, call);
        return;
      }
      if (measure(call.args, limits.maxPayloadBytes) > limits.maxPayloadBytes) {
        onDrop?.(DropReason.TOO_LARGE, call.method);
        fail(call.id, new BridgeError(ErrorCode.PAYLOAD_TOO_LARGE, 'Arguments too large'));
        return;
      }
      const cancellation = createCancellation();
      // The common case, under the cap: straight to the handler, no queue work.
      if (running < limits.maxIncoming) {
        owed.set(call.id, cancellation);
        void run(call, cancellation);
        return;
      }
      if (waiting.size >= limits.maxQueued) {
        fail(call.id, new BridgeError(ErrorCode.TOO_MANY_PENDING, `More than ${limits.maxQueued} calls waiting`));
        return;
      }
      owed.set(call.id, cancellation);
      waiting.push({ call, cancellation });
    },
    cancel(id) {
      // A running call is forgotten when its handler returns, a waiting one when its turn comes.
      owed.get(id)?.abort();
    },
    close() {
      for (const cancellation of owed.values()) cancellation.abort();
      owed.clear();
      waiting.drain();
    },
  };
}
