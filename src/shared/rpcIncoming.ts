// The answering half of an endpoint: runs the peer's calls and answers each once, unless it was
// cancelled. `bounded` is the host's guard in front of it: a payload cap, and at most `maxIncoming`
// calls running, the rest waiting in arrival order, refused only past `maxQueued` waiting. The plugin
// does not bound its host (the party the app chose to trust, whose own outgoing cap limits what it
// sends at once), so all.js carries none of that.
import { BridgeError } from './errors.js';
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

/** Runs one call from the peer; throw a BridgeError to answer with its code. */
export type Dispatch = (call: Call, cancel: Cancellation) => unknown;

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
    : new BridgeError('HANDLER_FAILED', 'Handler failed');
}

export interface IncomingOptions {
  dispatch: Dispatch | undefined;
  reply(id: number, value: unknown): void;
  fail(id: number, error: BridgeError): void;
  onDrop: ((reason: DropReason, data: unknown) => void) | undefined;
}

export interface Incoming {
  receive(call: Call): void;
  cancel(id: number): void;
  /** Aborts every call not answered yet (the session is over: nobody to answer). */
  close(): void;
}

export function createIncoming({ dispatch, reply, fail, onDrop }: IncomingOptions): Incoming {
  // Every call this side owes an answer to: ids are unique among them.
  const owed = new Map<number, Cancellation>();

  async function run(call: Call, cancellation: Cancellation): Promise<void> {
    try {
      if (!dispatch) throw new BridgeError('MODULE_NOT_FOUND', `No module "${call.module}"`);
      const value = await dispatch(call, cancellation);
      if (!cancellation.aborted) reply(call.id, value);
    } catch (error) {
      if (!cancellation.aborted) fail(call.id, toBridgeError(error));
    } finally {
      if (owed.get(call.id) === cancellation) owed.delete(call.id);
    }
  }

  return {
    receive(call) {
      if (owed.has(call.id)) {
        onDrop?.(DropReason.MALFORMED, call);
        return;
      }
      const cancellation = createCancellation();
      owed.set(call.id, cancellation);
      void run(call, cancellation);
    },
    cancel(id) {
      // The call is forgotten when its handler returns (or, bounded, when its turn comes).
      owed.get(id)?.abort();
    },
    close() {
      for (const cancellation of owed.values()) cancellation.abort();
      owed.clear();
    },
  };
}

export interface Bounds {
  maxIncoming: number;
  maxQueued: number;
  maxPayloadBytes: number;
}

/**
 * The host's guard in front of `dispatch`: a call whose arguments are estimated over
 * `maxPayloadBytes` is refused (PAYLOAD_TOO_LARGE, reported TOO_LARGE) without running; at most
 * `maxIncoming` run at once, the rest wait in arrival order, and only past `maxQueued` waiting is a
 * call refused (TOO_MANY_PENDING). A call cancelled while it waited never runs.
 */
export function bounded(
  dispatch: Dispatch | undefined,
  limits: Bounds,
  onDrop: ((reason: DropReason, data: unknown) => void) | undefined,
): Dispatch | undefined {
  if (!dispatch) return undefined;
  const waiting = createFifo<() => void>();
  let running = 0;

  // A slot is taken when it is granted, so calls finishing in between cannot grant it twice.
  function next(): void {
    while (running < limits.maxIncoming && waiting.size > 0) {
      running++;
      waiting.shift()!();
    }
  }

  return async (call, cancellation) => {
    if (measure(call.args, limits.maxPayloadBytes) > limits.maxPayloadBytes) {
      onDrop?.(DropReason.TOO_LARGE, call.method);
      throw new BridgeError('PAYLOAD_TOO_LARGE', 'Arguments too large');
    }
    if (running < limits.maxIncoming) {
      running++;
    } else if (waiting.size >= limits.maxQueued) {
      throw new BridgeError('TOO_MANY_PENDING', `More than ${limits.maxQueued} calls waiting`);
    } else {
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    try {
      // Cancelled while waiting: the caller has settled it already, nobody wants the answer.
      return cancellation.aborted ? undefined : await dispatch(call, cancellation);
    } finally {
      running--;
      next();
    }
  };
}
