// The isolation table of `npm run bench`: while one app floods the host (100,000 messages on its
// port, or on the host window), how long another app's calls take and the longest gap between the
// host page's animation frames. Each flood is also run against a page with no bridge and an empty
// listener: the browser queues a flood's messages ahead of everything else, so that is the floor.
/* global iso, bench -- page globals, used inside page.evaluate / frame.evaluate callbacks */
import { median, quantile } from './report.mjs';

const LOOP_MS = 3000;
const REPEAT = Number(process.env.ISO_REPEAT ?? 3);

async function frameOf(page, path) {
  for (let i = 0; i < 500; i++) {
    const frame = page.frames().find((f) => f.url().includes(path));
    if (frame) {
      await frame.waitForFunction(() => window.bench?.ready === true, undefined, { timeout: 20_000 });
      return frame;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no frame ${path}`);
}

async function scenario(browser, sites, kind) {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`isolation page error: ${error.message}`));
  page.on('crash', () => console.error(`isolation page crashed (${kind})`));
  const mode = kind.endsWith('-empty') ? 'empty' : 'apbridge';
  await page.goto(`${sites.host}/bench/pages/isolation.html?mode=${mode}&quiet=${encodeURIComponent(sites.app)}&flood=${encodeURIComponent(sites.flood)}`);
  const flood = await frameOf(page, '/bench/pages/flood.html');
  const quiet = mode === 'apbridge' ? await frameOf(page, '/bench/pages/quiet.html') : undefined;
  const portFlood = kind === 'port' || kind === 'port-empty';
  if (portFlood) await flood.evaluate(() => bench.connect());
  await page.evaluate(() => iso.watchFrames());
  const loop = quiet?.evaluate((ms) => bench.loop(ms), LOOP_MS);
  let startedAt = 0;
  if (portFlood) startedAt = await flood.evaluate(() => bench.floodPort());
  if (kind === 'window' || kind === 'window-empty') startedAt = await flood.evaluate(() => bench.floodWindow());
  // With no quiet app (the floors), frames are watched for as long as its calls would have run.
  const latencies = loop ? await loop : await new Promise((r) => setTimeout(() => r([]), LOOP_MS));
  // The window flood has drained once its sentinel arrived, or once no flood message came for 2 s
  // (a stopped app's page is unloaded and the browser drops what it had not delivered yet).
  let drained;
  const windowFlood = kind === 'window' || kind === 'window-empty';
  let quietSince = Date.now();
  let last = { lastAt: 0, count: 0 };
  for (let i = 0; windowFlood && !drained && i < 2400; i++) {
    const sentinel = await page.evaluate(() => iso.sentinelAt());
    const now = await page.evaluate(() => iso.received());
    if (now.count !== last.count) quietSince = Date.now();
    last = now;
    if (sentinel || (now.count > 0 && Date.now() - quietSince > 2000)) drained = { at: now.lastAt, received: now.count, sentinel: Boolean(sentinel) };
    else await new Promise((r) => setTimeout(r, 50));
  }
  const maxGap = await page.evaluate(() => iso.stopFrames());
  const floodState = await page.evaluate(() => iso.floodState());
  await page.close();
  return { latencies, maxGap, drainMs: drained ? drained.at - startedAt : undefined, received: drained?.received, floodState };
}

/** Runs each scenario `REPEAT` times, interleaved, and summarises them. */
export async function isolation(browser, sites, log) {
  const kinds = process.env.ISO_KINDS?.split(',') ?? ['none', 'port', 'port-empty', 'window', 'window-empty'];
  const raw = Object.fromEntries(kinds.map((k) => [k, { latencies: [], gaps: [], drains: [], states: [], received: [] }]));
  for (let r = 0; r < REPEAT; r++) {
    for (const kind of kinds) {
      const t0 = Date.now();
      const result = await scenario(browser, sites, kind);
      log(`isolation ${kind}: ${Date.now() - t0} ms, ${result.latencies.length} calls, gap ${result.maxGap.toFixed(0)} ms, drained ${result.drainMs?.toFixed(0) ?? '—'} ms (${result.received ?? '—'} flood messages received), ${result.floodState}`);
      raw[kind].latencies.push(...result.latencies);
      raw[kind].gaps.push(result.maxGap);
      if (result.drainMs !== undefined) raw[kind].drains.push(result.drainMs);
      if (result.received !== undefined) raw[kind].received.push(result.received);
      raw[kind].states.push(result.floodState);
    }
    log(`isolation round ${r + 1}/${REPEAT} done`);
  }
  return Object.fromEntries(
    kinds.map((kind) => {
      const { latencies, gaps, drains, states, received } = raw[kind];
      return [
        kind,
        {
          calls: latencies.length,
          p50Ms: latencies.length ? median(latencies) : undefined,
          p95Ms: latencies.length ? quantile(latencies, 0.95) : undefined,
          maxCallMs: latencies.length ? Math.max(...latencies) : undefined,
          longestFrameGapMs: Math.max(...gaps),
          drainMs: drains.length ? median(drains) : undefined,
          floodReceived: received.length ? median(received) : undefined,
          floodView: [...new Set(states)].join('/'),
        },
      ];
    }),
  );
}

const LABELS = {
  none: 'no flood',
  port: '100,000 calls on the flooding app’s port',
  'port-empty': 'same port flood, page with an empty listener (floor)',
  window: '100,000 window.postMessage to the host',
  'window-empty': 'same window flood, page with an empty listener (floor)',
};

export function renderIsolation(results) {
  const ms = (v) => (v === undefined ? '—' : v.toFixed(1));
  const floor = results['window-empty']?.drainMs;
  const rows = Object.entries(results).map(([kind, r]) => {
    const ratio = kind === 'window' && floor && r.drainMs !== undefined ? ` (${(r.drainMs / floor).toFixed(2)}× floor)` : '';
    const got = r.floodReceived === undefined ? '' : ` (${r.floodReceived} received)`;
    return `| ${LABELS[kind]} | ${r.calls} | ${ms(r.p50Ms)} | ${ms(r.p95Ms)} | ${ms(r.maxCallMs)} | ${ms(r.longestFrameGapMs)} | ${ms(r.drainMs)}${ratio}${got} | ${r.floodView} |`;
  });
  return [
    '| isolation (other app’s sequential calls for 3 s) | calls | p50, ms | p95, ms | slowest, ms | longest frame gap, ms | flood drained, ms | flooding view |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}
