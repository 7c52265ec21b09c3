// Measurement kit loaded by the host page and by every app page, so both directions are timed by the
// same code. `call(value)` is a library's round trip to the other side; it must resolve to the echo.
(() => {
  const now = () => performance.now();
  // Wall-clock milliseconds, comparable between the host's and the app's process (performance.now() is not).
  const wall = () => performance.timeOrigin + performance.now();

  /** A tiny id-matched echo protocol for the no-library baselines (raw postMessage, bare port). */
  function peer(send) {
    const pending = new Map();
    let next = 1;
    return {
      call(value) {
        const id = next++;
        return new Promise((resolve) => {
          pending.set(id, resolve);
          send({ bench: 1, t: 'call', id, value });
        });
      },
      // Returns true when `data` was ours. `reply` answers on the same transport.
      handle(data, reply) {
        if (!data || data.bench !== 1) return false;
        if (data.t === 'call') reply({ bench: 1, t: 'result', id: data.id, value: data.value });
        else if (data.t === 'result') {
          const resolve = pending.get(data.id);
          pending.delete(data.id);
          resolve?.(data.value);
        }
        return true;
      },
    };
  }

  /** Sequential round trips: one call in flight, `n` samples in microseconds. */
  async function rtt(call, n, value = 1, warmup = 30) {
    for (let i = 0; i < warmup; i++) await call(value);
    const samples = new Array(n);
    for (let i = 0; i < n; i++) {
      const t = now();
      await call(value);
      samples[i] = (now() - t) * 1000;
    }
    return samples;
  }

  /**
   * `total` calls with at most `inFlight` outstanding (a sliding window): every library here bounds
   * or queues pending calls somewhere, and apbridge refuses more than 256 incoming per session by
   * design, so an unbounded Promise.all would measure rejection, not throughput. Returns calls/s.
   */
  async function burst(call, total, inFlight = 200) {
    let started = 0;
    const t = now();
    async function lane() {
      while (started < total) {
        started++;
        await call(started);
      }
    }
    await Promise.all(Array.from({ length: Math.min(inFlight, total) }, lane));
    return total / ((now() - t) / 1000);
  }

  const payloads = {
    string: () => 'x'.repeat(64 * 1024),
    // ~64 KiB as JSON: 512 records of ~128 bytes, the shape of a typical REST page.
    object: () =>
      Array.from({ length: 512 }, (_, i) => ({ id: i, key: `ISSUE-${1000 + i}`, done: i % 3 === 0, summary: 'y'.repeat(80) })),
  };

  window.benchKit = { now, wall, peer, rtt, burst, payloads };
})();
