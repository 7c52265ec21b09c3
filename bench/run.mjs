// `npm run bench`: apbridge, penpal and post-robot against a raw window.postMessage echo and a bare
// MessageChannel echo (the floor), in one headless Chromium, host and app on two sites so the app
// iframe runs out of process. Libraries are interleaved within every round so that machine noise
// lands on all of them alike. Writes bench/results/<timestamp>.json and latest.{json,md}.
/* global hostBench, bench, benchKit -- page globals, used inside page.evaluate / frame.evaluate callbacks */
import { chromium } from '@playwright/test';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { gzipSync } from 'node:zlib';
import { isolation, renderIsolation } from './isolation.mjs';
import { NAMES, median, quantile, render, summarize } from './report.mjs';
import { serve, vendor } from './server.mjs';
import { chromiumLaunchOptions } from '../chromium.mjs';

const env = (name, fallback) => Number(process.env[name] ?? fallback);
const PORT = env('BENCH_PORT', 4175);
const ROUNDS = env('BENCH_ROUNDS', 5);
const RTT_N = env('BENCH_RTT', 300);
const BURST = 10_000;
// Payload round trips are sampled with every library open at once, a few calls per library in turn:
// on this machine the per-call cost drifts by 2–3× over stretches of ~100 ms (other processes, GC),
// and blocks of 20 calls per library let one library sit in a slow stretch that another misses.
const PAYLOAD_VISITS = env('BENCH_PAYLOAD_VISITS', 60);
const PAYLOAD_PER_VISIT = 5;
// 8 a round, 40 a contender: one cold start is ~60 ms of two processes' scheduling, and at 15 the
// median moved by ±0.1× between runs on this machine.
const COLD_N = 8;
const CYCLES = env('BENCH_CYCLES', 1000);
const BATCH = 25;
// The no-library baselines are our own few lines; their create/destroy figures would say nothing.
const MEMORY_LIBS = ['apbridge', 'penpal', 'postrobot'];
const HOST = `http://host.test:${PORT}`;
const APP = `http://app.test:${PORT}`;
const FLOOD = `http://flood.test:${PORT}`;
const LIBS = Object.keys(NAMES);

const started = performance.now();
const log = (msg) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)}s] ${msg}`);

async function sizes() {
  const measure = async (file) => {
    const body = await readFile(file);
    return { file, min: body.length, gzip: gzipSync(body, { level: 9 }).length };
  };
  const penpal = await measure(vendor['penpal.min.js']);
  const postrobot = await measure(vendor['post-robot.min.js']);
  return {
    apbridge: { app: await measure('dist/all.js'), host: await measure('dist/host.js') },
    penpal: { app: penpal, host: penpal },
    postrobot: { app: postrobot, host: postrobot },
  };
}

async function openHostPage(browser) {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`host page error: ${error.message}`));
  await page.goto(`${HOST}/bench/pages/host.html?app=${encodeURIComponent(APP)}`);
  await page.waitForFunction(() => 'hostBench' in window);
  return page;
}

async function appFrame(page, lib) {
  const path = `/bench/pages/${lib}.html`;
  for (let i = 0; i < 200; i++) {
    const frame = page.frames().find((f) => f.url().includes(path));
    if (frame) {
      await frame.waitForFunction(() => window.bench?.ready === true);
      return frame;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no frame for ${lib}`);
}

/** Site isolation check: an out-of-process iframe is its own CDP target of type 'iframe'. */
async function outOfProcess(page) {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  await cdp.detach();
  return targetInfos.some((t) => t.type === 'iframe' && t.url.startsWith(APP));
}

/** Every library, starting at the `n`th: each round (and each payload turn) starts with another one. */
const rotated = (n) => LIBS.map((_, i) => LIBS[(i + n) % LIBS.length]);

async function round(page, r, raw, oopif, isolated) {
  for (const lib of rotated(r)) {
    const s = (raw[lib] ??= { p2h: [], h2p: [], burst: [], string: [], object: [], handshake: [], cold: [], appCold: [], firstWait: [], fromWindowName: [] });
    let frame;
    for (let i = 0; i < COLD_N; i++) {
      if (i) await page.evaluate(() => hostBench.close());
      const { coldMs, insertedAt } = await page.evaluate((l) => hostBench.open(l), lib);
      s.cold.push(coldMs);
      frame = await appFrame(page, lib);
      s.handshake.push(await frame.evaluate(() => bench.handshake));
      // The app's own first call: iframe inserted → answered (wall clock across the two processes),
      // and the part of it spent after the library's script had run.
      const first = await frame.evaluate(async () => {
        while (bench.firstCall === undefined) await new Promise((r) => setTimeout(r, 5));
        return { loaded: bench.loaded, firstCall: bench.firstCall, fromWindowName: bench.fromWindowName };
      });
      s.appCold.push(first.firstCall - insertedAt);
      s.firstWait.push(first.firstCall - first.loaded);
      if (first.fromWindowName !== undefined) s.fromWindowName.push(first.fromWindowName);
    }
    if (!(lib in oopif)) {
      oopif[lib] = await outOfProcess(page);
      isolated[lib] = (await page.evaluate(() => crossOriginIsolated)) && (await frame.evaluate(() => crossOriginIsolated));
    }
    s.h2p.push(...(await page.evaluate((n) => benchKit.rtt(hostBench.call, n), RTT_N)));
    s.p2h.push(...(await frame.evaluate((n) => benchKit.rtt(bench.call, n), RTT_N)));
    s.burst.push(await frame.evaluate((n) => benchKit.burst(bench.call, n), BURST));
    await page.evaluate(() => hostBench.close());
  }
}

/** 64 KiB payload round trips (app → host → app), every library open and sampled in turn. */
async function payloads(page, raw) {
  const frames = {};
  for (const lib of LIBS) {
    await page.evaluate((l) => hostBench.open(l), lib);
    frames[lib] = await appFrame(page, lib);
  }
  for (const kind of ['string', 'object']) {
    // The value is built once per app and reused, as the per-round blocks did; 10 calls warm each up.
    for (const lib of LIBS) {
      await frames[lib].evaluate((k) => benchKit.rtt(bench.call, 1, (bench.payload = benchKit.payloads[k]()), 10), kind);
    }
    for (let visit = 0; visit < PAYLOAD_VISITS; visit++) {
      for (const lib of rotated(visit)) {
        raw[lib][kind].push(...(await frames[lib].evaluate((n) => benchKit.rtt(bench.call, n, bench.payload, 0), PAYLOAD_PER_VISIT)));
      }
    }
  }
  await page.evaluate(() => hostBench.close());
}

async function autoresize(page) {
  await page.evaluate(() => hostBench.open('apbridge'));
  const frame = await appFrame(page, 'apbridge');
  const available = await frame.evaluate(() => bench.hasResize);
  if (!available) {
    await page.evaluate(() => hostBench.close());
    return { available: false, reason: 'AP.resize is not in this build' };
  }
  const latencies = [];
  // Sample 0 is a warm-up: it also absorbs the first autoresize after connecting.
  for (let i = -1; i < 20; i++) {
    await page.evaluate(() => hostBench.watchResize());
    const changed = await frame.evaluate(() => bench.grow());
    const applied = await page.evaluate(() => Promise.race([hostBench.resized(), new Promise((r) => setTimeout(() => r(null), 2000))]));
    if (applied === null) {
      await page.evaluate(() => hostBench.close());
      return { available: false, reason: 'AP.resize exists but the iframe did not resize within 2 s of a content change' };
    }
    if (i >= 0) latencies.push(applied - changed);
  }
  await page.evaluate(() => hostBench.close());
  return { available: true, samples: latencies.length, medianMs: median(latencies), p90Ms: quantile(latencies, 0.9) };
}

async function snapshot(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
  return { heap: usedSize, listeners: listeners.length };
}

/** A fresh host page per library: warm up, snapshot, run the cycles, snapshot again. */
async function memory(browser, lib) {
  const page = await openHostPage(browser);
  const cdp = await page.context().newCDPSession(page);
  await page.evaluate(([l, b]) => hostBench.cycles(l, b, b), [lib, BATCH]);
  const before = await snapshot(cdp);
  const ms = await page.evaluate(([l, n, b]) => hostBench.cycles(l, n, b), [lib, CYCLES, BATCH]);
  // Let late messages and timers of the last batch settle before measuring.
  await page.waitForTimeout(500);
  const after = await snapshot(cdp);
  await page.close();
  return { heapBefore: before.heap, heapAfter: after.heap, listenersBefore: before.listeners, listenersAfter: after.listeners, cyclesPerSecond: CYCLES / (ms / 1000) };
}

async function main() {
  const server = await serve(PORT);
  const browser = await chromium.launch({
    ...chromiumLaunchOptions([
      // Loopback http sites count as secure only with this flag; cross-origin isolation needs it.
      `--unsafely-treat-insecure-origin-as-secure=${HOST},${APP},${FLOOD}`,
    ]),
  });
  try {
    const machine = {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      os: `${platform()} ${release()}`,
      node: process.version,
      chromium: browser.version(),
      // Other work on the machine skews every figure; the 1-minute load average says how much.
      loadAverageAtStart: loadavg()[0],
    };
    log(`Chromium ${machine.chromium}, Node ${machine.node}, ${machine.cpus} cores (${machine.cpu}), load average ${machine.loadAverageAtStart.toFixed(1)}`);
    const page = await openHostPage(browser);
    const raw = {};
    const oopif = {};
    const isolated = {};
    for (let r = 0; r < ROUNDS; r++) {
      await round(page, r, raw, oopif, isolated);
      log(`round ${r + 1}/${ROUNDS} done`);
    }
    await payloads(page, raw);
    log('payloads done');
    const separate = LIBS.every((lib) => oopif[lib]);
    log(`app iframe out of process (CDP target type 'iframe' on ${APP}): ${separate ? 'yes' : `NO ${JSON.stringify(oopif)}`}`);
    const fine = LIBS.every((lib) => isolated[lib]);
    log(`cross-origin isolated host and app (5 µs timers): ${fine ? 'yes' : `NO, timers coarsened to 100 µs ${JSON.stringify(isolated)}`}`);
    const resize = await autoresize(page);
    await page.close();
    const mem = { cycles: CYCLES, batch: BATCH, libs: {} };
    for (const lib of MEMORY_LIBS) {
      mem.libs[lib] = await memory(browser, lib);
      log(`${CYCLES} create/destroy cycles: ${NAMES[lib]} done`);
    }
    // BENCH_ISOLATION=0 skips the flood table (most of the run's time) when only the first tables are wanted.
    const flood = process.env.BENCH_ISOLATION === '0' ? undefined : await isolation(browser, { host: HOST, app: APP, flood: FLOOD }, log);
    machine.loadAverageAtEnd = loadavg()[0];
    const results = {
      date: new Date().toISOString(),
      machine,
      config: { rounds: ROUNDS, rttSamplesPerRound: RTT_N, burst: BURST, burstInFlight: 200, payloadSamples: PAYLOAD_VISITS * PAYLOAD_PER_VISIT, coldStartsPerRound: COLD_N },
      outOfProcess: oopif,
      crossOriginIsolated: isolated,
      libs: Object.fromEntries(LIBS.map((lib) => [lib, summarize(raw[lib])])),
      sizes: await sizes(),
      autoresize: resize,
      memory: mem,
      isolation: flood,
    };
    const table = flood ? `${render(results)}\n\n${renderIsolation(flood)}` : render(results);
    console.log(`\n${table}\n`);
    await mkdir('bench/results', { recursive: true });
    const json = JSON.stringify(results, null, 2);
    await writeFile(`bench/results/${results.date.replace(/[:.]/g, '-')}.json`, json);
    await writeFile('bench/results/latest.json', json);
    const load = `load average ${machine.loadAverageAtStart.toFixed(1)} → ${machine.loadAverageAtEnd.toFixed(1)}`;
    await writeFile('bench/results/latest.md', `Chromium ${machine.chromium}, Node ${machine.node}, ${machine.cpus} cores (${machine.cpu}), ${load}, ${results.date.slice(0, 10)}\n\n${table}\n`);
    log('wrote bench/results/latest.json and latest.md');
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
