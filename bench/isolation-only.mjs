// `node bench/isolation-only.mjs`: the isolation table of `npm run bench` alone (after `npm run build`).
// ISO_REPEAT (default 3) rounds; ISO_KINDS picks scenarios (none,port,port-empty,window,window-empty).
import { chromium } from '@playwright/test';
import { isolation, renderIsolation } from './isolation.mjs';
import { serve } from './server.mjs';
import { chromiumLaunchOptions } from '../chromium.mjs';
const PORT = Number(process.env.BENCH_PORT ?? 4176);
const HOST = `http://host.test:${PORT}`, APP = `http://app.test:${PORT}`, FLOOD = `http://flood.test:${PORT}`;
const server = await serve(PORT);
const browser = await chromium.launch({ ...chromiumLaunchOptions([`--unsafely-treat-insecure-origin-as-secure=${HOST},${APP},${FLOOD}`]) });
const t = performance.now();
const r = await isolation(browser, { host: HOST, app: APP, flood: FLOOD }, (m) => console.log(`[${((performance.now()-t)/1000).toFixed(0)}s] ${m}`));
console.log(renderIsolation(r));
await browser.close(); await server.close();
