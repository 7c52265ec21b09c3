import { BridgeError, ErrorCode } from '../shared/errors.js';
import { createFifo, type Fifo } from '../shared/queue.js';

/** Per-key concurrency: at most `max` holders per key; more wait in order, each key on its own. */
export interface Slots {
  /**
   * Resolves with a release function once `key` has a free slot. Waiters are served first come,
   * first served; an aborted `signal` takes a waiter out with CALL_CANCELLED, and past `maxWaiting`
   * waiters for one key the call is refused with TOO_MANY_PENDING.
   */
  acquire(key: string, signal?: () => AbortSignal): Promise<() => void>;
  /** Holders and waiters of `key`. */
  count(key: string): { active: number; waiting: number };
}

interface Lane {
  active: number;
  waiting: Fifo<{ grant(): void; cancelled: boolean }>;
}

/**
 * Each key (an app) has its own lane, so one app's backlog never delays another app: a second app's
 * first request starts at once however many the first app has waiting.
 */
export function createSlots(max: number, maxWaiting: number): Slots {
  const lanes = new Map<string, Lane>();

  function release(key: string, lane: Lane): void {
    lane.active--;
    while (lane.waiting.size > 0) {
      const next = lane.waiting.shift()!;
      if (next.cancelled) continue;
      lane.active++;
      next.grant();
      return;
    }
    if (lane.active === 0) lanes.delete(key);
  }

  return {
    acquire(key, signal) {
      let lane = lanes.get(key);
      if (!lane) lanes.set(key, (lane = { active: 0, waiting: createFifo() }));
      const own = lane;
      let released = false;
      const done = (): void => {
        if (released) return;
        released = true;
        release(key, own);
      };
      // Under the cap (the common case): no queue, no AbortSignal.
      if (own.active < max) {
        own.active++;
        return Promise.resolve(done);
      }
      if (own.waiting.size >= maxWaiting) {
        return Promise.reject(new BridgeError(ErrorCode.TOO_MANY_PENDING, `More than ${maxWaiting} requests waiting`));
      }
      return new Promise((resolve, reject) => {
        const abortSignal = signal?.();
        const waiter = {
          cancelled: false,
          grant() {
            abortSignal?.removeEventListener('abort', onAbort);
            resolve(done);
          },
        };
        function onAbort(): void {
          waiter.cancelled = true;
          reject(new BridgeError(ErrorCode.CALL_CANCELLED, 'The request was cancelled while it waited'));
        }
        if (abortSignal?.aborted) return onAbort();
        abortSignal?.addEventListener('abort', onAbort, { once: true });
        own.waiting.push(waiter);
      });
    },
    count(key) {
      const lane = lanes.get(key);
      return { active: lane?.active ?? 0, waiting: lane?.waiting.size ?? 0 };
    },
  };
}
