// The host's meters. The backlog meter's outcome depends on what the browser had queued, not on
// the machine's speed: messages counted in one synchronous run are all ahead of its probe.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROBE_EVERY, afterQueued, createBacklogMeter, createBucket, sessionMeter, DEFAULT_METERING } from '../../src/host/meter.js';

const probeReturned = () => new Promise<void>((resolve) => afterQueued(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe('createBucket', () => {
  it('gives a burst, then refills at its rate', () => {
    vi.useFakeTimers();
    const bucket = createBucket(2, 3);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    vi.advanceTimersByTime(500);
    expect([bucket.take(), bucket.take()]).toEqual([true, false]);
    vi.advanceTimersByTime(60_000);
    // Never more than the burst, however long it rested.
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    bucket.fill();
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true]);
  });
});

describe('createBacklogMeter', () => {
  it('refuses the message past its bound among those that arrived ahead of its probe', () => {
    const admit = createBacklogMeter(5_000);
    const outcomes = Array.from({ length: PROBE_EVERY + 5_002 }, () => admit());
    // The probe goes out with the PROBE_EVERY-th message; 5,000 more may arrive ahead of it.
    expect(outcomes.indexOf(false)).toBe(PROBE_EVERY + 5_000);
  });

  it('sends a probe every PROBE_EVERY messages, not with each one', () => {
    const admit = createBacklogMeter(0);
    // With a bound of 0, the first message counted while a probe is out is refused.
    for (let i = 0; i < PROBE_EVERY - 1; i++) expect(admit()).toBe(true);
    expect(admit()).toBe(true);
    expect(admit()).toBe(false);
  });

  it('starts counting again once its probe came back, so an app that waits for answers is never refused', async () => {
    const admit = createBacklogMeter(1_000);
    for (let round = 0; round < 20; round++) {
      const outcomes = Array.from({ length: 1_000 }, () => admit());
      expect(outcomes.every(Boolean)).toBe(true);
      await probeReturned();
    }
  });

  it('meters each peer on its own', () => {
    const a = createBacklogMeter(10);
    const b = createBacklogMeter(10);
    for (let i = 0; i < PROBE_EVERY + 10; i++) expect(a()).toBe(true);
    expect(a()).toBe(false);
    expect(b()).toBe(true);
  });
});

describe('sessionMeter', () => {
  it('cuts on the backlog even when the rate is not metered, and meters nothing when both are off', () => {
    const backlogOnly = sessionMeter({ ...DEFAULT_METERING, rate: Infinity, backlog: 3 });
    const outcomes = Array.from({ length: PROBE_EVERY + 4 }, () => backlogOnly());
    expect(outcomes.indexOf(false)).toBe(PROBE_EVERY + 3);
    const off = sessionMeter({ ...DEFAULT_METERING, rate: Infinity, backlog: Infinity });
    expect(Array.from({ length: 100_000 }, () => off()).every(Boolean)).toBe(true);
  });

  it('cuts on the rate', () => {
    vi.useFakeTimers();
    const rateOnly = sessionMeter({ ...DEFAULT_METERING, rate: 1, burst: 2, backlog: Infinity });
    expect([rateOnly(), rateOnly(), rateOnly()]).toEqual([true, true, false]);
  });
});
