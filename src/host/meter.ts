// Metering what an app sends the host. Two measures, either of which cuts the app: a token bucket
// for its sustained rate, and its backlog, the number of its messages the browser had queued at once.
import { createFifo } from '../shared/queue.js';

/** A token bucket: `burst` messages at once, refilled at `rate` per second. */
export interface Bucket {
  /** Takes one token; false when there is none. */
  take(): boolean;
  /** Fills the bucket again (a reloaded app starts afresh). */
  fill(): void;
}

export function createBucket(rate: number, burst: number): Bucket {
  let tokens = burst;
  let refilled = Date.now();
  return {
    take() {
      const now = Date.now();
      tokens = Math.min(burst, tokens + ((now - refilled) / 1000) * rate);
      refilled = now;
      if (tokens < 1) return false;
      tokens--;
      return true;
    },
    fill() {
      tokens = burst;
      refilled = Date.now();
    },
  };
}

// One channel carries every meter's probes; they come back in the order they were posted.
let probe: MessageChannel | undefined;
const returns = createFifo<() => void>();

/** Runs `done` once a message posted now has come back, behind everything queued before it. */
export function afterQueued(done: () => void): void {
  if (!probe) {
    probe = new MessageChannel();
    probe.port2.onmessage = () => returns.shift()?.();
  }
  returns.push(done);
  probe.port1.postMessage(null);
}

/** Messages between probes: a probe per message would double the host's work on every call. */
export const PROBE_EVERY = 64;

/**
 * Returns a function to call for each message from one peer; it answers false once more than `max`
 * of them were delivered while a probe the host posted to itself was on its way (a probe goes out
 * every PROBE_EVERY messages when none is). The browser queues the probe behind what had already
 * arrived, so the count is how many messages the peer had sent ahead of it at once, whatever the
 * speed of the machine: an honest plugin keeps at most 1,000 calls on the wire and sends the next one
 * when an answer reaches it, while a flood is all queued at once, and every message of it that is
 * read keeps the host from every other app's.
 */
export function createBacklogMeter(max: number): () => boolean {
  let sinceProbe = 0;
  let probing = false;
  let ahead = 0;
  const arrived = () => {
    probing = false;
  };
  return () => {
    if (probing) return ++ahead <= max;
    if (++sinceProbe >= PROBE_EVERY) {
      sinceProbe = 0;
      probing = true;
      ahead = 0;
      afterQueued(arrived);
    }
    return true;
  };
}

/** What one app may send the host: on its session's port, and to the host window. */
export interface Metering {
  rate: number;
  burst: number;
  backlog: number;
  windowRate: number;
  windowBurst: number;
}

// A page-load burst of thousands of calls is ordinary; a sustained stream above 1,000/s is not any
// app's traffic. An honest plugin keeps at most 1,000 calls on the wire and answers at most the
// host's 1,000 calls in flight, so 2,000 queued at once is a flood; every message of a flood read
// before the cut delays every other app, so the bound is no higher. An honest plugin posts the host
// window once per page load (its hello).
export const DEFAULT_METERING: Metering = { rate: 1_000, burst: 20_000, backlog: 2_000, windowRate: 100, windowBurst: 1_000 };

/** The `admit` of one session: false once it went over its rate or its backlog. */
export function sessionMeter(metering: Metering): () => boolean {
  const bucket = Number.isFinite(metering.rate) ? createBucket(metering.rate, metering.burst) : undefined;
  const backlog = Number.isFinite(metering.backlog) ? createBacklogMeter(metering.backlog) : undefined;
  return () => (bucket ? bucket.take() : true) && (backlog ? backlog() : true);
}
