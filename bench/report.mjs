// Statistics and the printed tables. Ratios are against the bare MessageChannel echo (the floor): for
// times lower is better, for throughput higher is better.
export const NAMES = {
  channel: 'bare MessageChannel',
  zerortt: '0-RTT port (cold-start floor)',
  raw: 'raw window.postMessage',
  apbridge: 'apbridge',
  penpal: 'penpal 7',
  postrobot: 'post-robot 10',
};

export function quantile(samples, q) {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

export const median = (samples) => quantile(samples, 0.5);

/** Reduces raw per-round samples of one library to the reported figures. */
export function summarize(raw) {
  const rtt = (s) => ({ median: median(s), p90: quantile(s, 0.9), p99: quantile(s, 0.99), n: s.length });
  return {
    rttPluginToHost: rtt(raw.p2h),
    rttHostToPlugin: rtt(raw.h2p),
    burstPerSecond: median(raw.burst),
    payloadStringUs: median(raw.string),
    payloadObjectUs: median(raw.object),
    handshakeMs: median(raw.handshake),
    coldStartMs: median(raw.cold),
    appColdStartMs: median(raw.appCold),
    firstCallWaitMs: median(raw.firstWait),
    // apbridge only: whether AP.<custom module> existed when all.js had run (window.name's module list).
    firstCallFromWindowName: raw.fromWindowName.length ? raw.fromWindowName.every(Boolean) : undefined,
  };
}

const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');
const ratio = (value, floor) => (Number.isFinite(value) && floor ? `${(value / floor).toFixed(2)}×` : '—');

function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Markdown tables (they read fine in a terminal too). */
export function render(results) {
  const { libs, sizes, memory, autoresize } = results;
  const floor = libs.channel;
  // Cold start is compared with the floor of this design: a hello that carries the port (DESIGN §8).
  const zeroRtt = libs.zerortt;
  const order = Object.keys(NAMES).filter((k) => libs[k]);
  const out = [];

  out.push(
    table(
      ['round trip, µs', 'app→host median', 'p90', 'p99', '× floor', 'host→app median', 'p90', 'p99', '× floor'],
      order.map((k) => {
        const a = libs[k].rttPluginToHost;
        const b = libs[k].rttHostToPlugin;
        return [NAMES[k], fmt(a.median), fmt(a.p90), fmt(a.p99), ratio(a.median, floor.rttPluginToHost.median), fmt(b.median), fmt(b.p90), fmt(b.p99), ratio(b.median, floor.rttHostToPlugin.median)];
      }),
    ),
  );
  out.push(
    table(
      ['throughput and payloads', '10k burst, calls/s', '× floor', '64 KiB string, µs', '× floor', '64 KiB object, µs', '× floor'],
      order.map((k) => {
        const l = libs[k];
        return [NAMES[k], fmt(l.burstPerSecond), ratio(l.burstPerSecond, floor.burstPerSecond), fmt(l.payloadStringUs), ratio(l.payloadStringUs, floor.payloadStringUs), fmt(l.payloadObjectUs), ratio(l.payloadObjectUs, floor.payloadObjectUs)];
      }),
    ),
  );
  out.push(
    table(
      [
        'start and size',
        'handshake, ms',
        'cold start (host call), ms',
        '× 0-RTT',
        'cold start (app call), ms',
        '× 0-RTT',
        'first call after script, ms',
        'app bundle min / gzip',
        'host bundle min / gzip',
      ],
      order.map((k) => {
        const l = libs[k];
        const s = sizes[k];
        const size = (b) => (b ? `${fmt(b.min / 1024, 1)} / ${fmt(b.gzip / 1024, 1)} KiB` : '—');
        return [
          NAMES[k],
          fmt(l.handshakeMs, 1),
          fmt(l.coldStartMs, 1),
          ratio(l.coldStartMs, zeroRtt?.coldStartMs),
          fmt(l.appColdStartMs, 1),
          ratio(l.appColdStartMs, zeroRtt?.appColdStartMs),
          fmt(l.firstCallWaitMs, 1),
          size(s?.app),
          size(s?.host),
        ];
      }),
    ),
  );
  const early = libs.apbridge?.firstCallFromWindowName;
  if (early !== undefined) {
    out.push(
      `apbridge's first call (AP.bench.echo, a host-defined module) made as soon as all.js had run: ${early ? 'AP.bench existed from the module list in window.name, so the call left without waiting for the welcome' : 'AP.bench did NOT exist yet (no module list in window.name): the call waited for the welcome'}`,
    );
  }
  out.push(
    table(
      [`after ${memory.cycles} create/destroy cycles`, 'heap growth', 'window listeners before → after', 'cycles/s'],
      order.filter((k) => memory.libs[k]).map((k) => {
        const m = memory.libs[k];
        return [NAMES[k], `${fmt((m.heapAfter - m.heapBefore) / 1024)} KiB`, `${m.listenersBefore} → ${m.listenersAfter}`, fmt(m.cyclesPerSecond)];
      }),
    ),
  );
  out.push(
    autoresize.available
      ? `autoresize (content change → iframe resized, apbridge): median ${fmt(autoresize.medianMs, 1)} ms, p90 ${fmt(autoresize.p90Ms, 1)} ms (${fmt(autoresize.medianMs / (1000 / 60), 1)} frames at 60 Hz), ${autoresize.samples} samples`
      : `autoresize: n/a (${autoresize.reason})`,
  );
  return out.join('\n\n');
}
