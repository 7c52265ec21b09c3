// Bounded resources and hostile payloads on an authenticated session: the app itself opens a raw
// session (it may: it is the right window at the right origin) and misbehaves on it.
import { expect, test, type Page } from '@playwright/test';
import { APP_A, APP_B, createView, frameFor, openHost } from '../helpers.js';

type Win = Window & { rejections: { reason: string; viewId?: string; count: number }[]; host: import('../../src/host/types.js').Host };

test.beforeEach(async ({ page }) => {
  await openHost(page);
  await page.evaluate(() => (window as unknown as Win).host.defineModule('acme', { ping: () => 'pong', size: (_c, s: string) => s.length }));
});

/** Runs inside the app frame: a raw session with the host, returning a call helper and the port. */
const RAW = `
  window.raw = () => new Promise((resolve) => {
    const { channel } = JSON.parse(window.name);
    const { port1, port2 } = new MessageChannel();
    const pending = new Map();
    let id = 1;
    port1.onmessage = (e) => {
      const m = e.data;
      if (m.type === 'welcome') resolve({ port: port1, call });
      else if (pending.has(m.id)) { pending.get(m.id)(m); pending.delete(m.id); }
    };
    const call = (module, method, args) => new Promise((r) => { const n = id++; pending.set(n, r); port1.postMessage({ type: 'call', id: n, module, method, args }); });
    parent.postMessage({ apb: 1, type: 'hello', channel, version: 1 }, JSON.parse(window.name).host, [port2]);
  });
`;

/**
 * App B floods its port with 100,000 calls while app A is quiet; resolves once B's view is stopped,
 * after checking that A still answers.
 */
async function floodPortAndWaitForCut(page: Page) {
  const a = await createView(page, { key: 'app-a', origin: APP_A });
  const b = await createView(page, { key: 'app-b', origin: APP_B });
  await b.frame.evaluate(RAW);
  // Started in a task of its own: the host unloads this page while (or soon after) it floods.
  await b.frame.evaluate(async () => {
    const { port } = await (window as any).raw();
    setTimeout(() => {
      for (let i = 0; i < 100_000; i++) port.postMessage({ type: 'call', id: 1 + i, module: 'acme', method: 'ping', args: [] });
    });
  });
  // A loaded machine may take many seconds just to post 100,000 messages: wait for the state, not a time.
  await expect
    .poll(() => page.evaluate((id) => (window as unknown as Win).host.views().find((v) => v.id === id)?.state, b.id), { timeout: 120_000 })
    .toBe('stopped');
  expect(await a.frame.evaluate(() => (window as any).AP.acme.ping())).toBe('app-a');
  return { b };
}

test('a huge argument is refused with PAYLOAD_TOO_LARGE and the session keeps working', async ({ page }) => {
  const { frame } = await createView(page, {});
  await frame.evaluate(RAW);
  const result = await frame.evaluate(async () => {
    const { call } = await (window as any).raw();
    const huge = await call('acme', 'size', ['x'.repeat(9 * 1024 * 1024)]);
    const after = await call('acme', 'ping', []);
    return { huge: huge.error?.code, after: after.value };
  });
  expect(result).toEqual({ huge: 'PAYLOAD_TOO_LARGE', after: 'pong' });
  expect(await page.evaluate(() => (window as unknown as Win).rejections.map((r) => r.reason))).toContain('TOO_LARGE');
});

test('an undeserialisable message is dropped as MALFORMED without breaking the session', async ({ page }) => {
  const { frame } = await createView(page, {});
  await frame.evaluate(RAW);
  const after = await frame.evaluate(async () => {
    const { port, call } = await (window as any).raw();
    // A WebAssembly.Module cannot cross agent clusters: the host side gets 'messageerror'.
    const module = new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    port.postMessage({ type: 'call', id: 99, module: 'acme', method: 'ping', args: [module] });
    return (await call('acme', 'ping', [])).value;
  });
  expect(after).toBe('pong');
  await page.waitForFunction(() => (window as unknown as Win).rejections.some((r) => r.reason === 'MALFORMED'));
});

// The flood tests run against small caps: whatever the machine's speed, 100,000 messages empty a
// bucket of 200 that refills at one message per 100 s. They assert what happens, never how fast.
const SMALL = { maxBurst: 200, maxRate: 0.01, maxWindowBurst: 200, maxWindowRate: 0.01 };

test.describe('floods', () => {
  test.describe.configure({ timeout: 240_000 });
  test.beforeEach(async ({ page }) => {
    await openHost(page, SMALL);
    await page.evaluate(() => (window as unknown as Win).host.defineModule('acme', { ping: (ctx) => ctx.app.key }));
  });

  test('an app flooding its port is cut (stopped, reported once); another app keeps answering; Reload brings it back', async ({ page }) => {
    // Records the worker's end (Playwright's list of workers does not drop a terminated one in Firefox).
    await page.evaluate(() => {
      const terminate = Worker.prototype.terminate;
      Worker.prototype.terminate = function (this: Worker) {
        (window as unknown as { terminated: number }).terminated = ((window as unknown as { terminated?: number }).terminated ?? 0) + 1;
        terminate.call(this);
      };
    });
    const { b } = await floodPortAndWaitForCut(page);
    expect(await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r('frame'))))).toBe('frame');
    // The cut port, with what the app had queued on it, went to a worker of the host page.
    await expect.poll(() => page.workers().map((w) => w.url().split(':')[0])).toEqual(['blob']);
    const reports = await page.evaluate((id) => (window as unknown as Win).rejections.filter((r) => r.viewId === id), b.id);
    expect(reports.map((r) => r.reason)).toEqual(['RATE_LIMITED']);

    const status = page.locator('apb-status .apb-status[data-state="stopped"]');
    await expect(status).toHaveAttribute('role', 'alert');
    await expect(status).toContainText('was stopped: it sent too many messages.');
    await expect(page.locator(`iframe[name*="${b.id}"]`)).toHaveAttribute('src', 'about:blank');
    await page.screenshot({ path: 'e2e/artifacts/view-stopped.png' });
    await status.getByRole('button', { name: 'Reload' }).click();
    const again = await frameFor(page, b.id);
    expect(await again.evaluate(() => (window as any).AP.acme.ping())).toBe('app-b');
    await expect(page.locator('apb-status')).toHaveCount(0);
    // The worker lives as long as the host: destroying it ends the worker.
    expect(await page.evaluate(() => (window as unknown as { terminated?: number }).terminated)).toBeUndefined();
    await page.evaluate(() => (window as unknown as Win).host.destroy());
    expect(await page.evaluate(() => (window as unknown as { terminated?: number }).terminated)).toBe(1);
  });

  test('an app flooding the host window is stopped (its page unloaded) and another app keeps answering', async ({ page }) => {
    const a = await createView(page, { key: 'app-a', origin: APP_A });
    const b = await createView(page, { key: 'app-b', origin: APP_B });
    // A sustained flood driven by the page's own script: it ends only when the page is unloaded.
    await b.frame.evaluate(() => {
      let sent = 0;
      const burst = () => {
        for (let i = 0; i < 1000 && sent < 100_000; i++, sent++) parent.postMessage({ junk: sent }, '*');
        if (sent < 100_000) setTimeout(burst, 0);
      };
      burst();
    });
    // A loaded machine may take many seconds just to post 100,000 messages: wait for the state, not a time.
    await expect
      .poll(() => page.evaluate((id) => (window as unknown as Win).host.views().find((v) => v.id === id)?.state, b.id), { timeout: 120_000 })
      .toBe('stopped');
    expect(await a.frame.evaluate(() => (window as any).AP.acme.ping())).toBe('app-a');
    expect(await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r('frame'))))).toBe('frame');
    await expect(page.locator(`iframe[name*="${b.id}"]`)).toHaveAttribute('src', 'about:blank');
    const reports = await page.evaluate((id) => (window as unknown as Win).rejections.filter((r) => r.viewId === id), b.id);
    expect(reports.map((r) => `${r.reason}:${r.count}`)).toEqual(['RATE_LIMITED:1']);
  });
});

// The backlog cut, with the rate effectively unmetered: what counts is how many messages the browser
// had queued at once, which a loaded machine does not change.
test.describe('backlog', () => {
  test.describe.configure({ timeout: 240_000 });
  test.beforeEach(async ({ page }) => {
    await openHost(page, { maxRate: 1e9, maxBurst: 1e9, maxBacklog: 1500 });
    await page.evaluate(() => (window as unknown as Win).host.defineModule('acme', { ping: (ctx) => ctx.app.key }));
  });

  test('5,000 calls at once through the plugin stay under a backlog of 1,500: the plugin keeps 1,000 on the wire', async ({ page }) => {
    const { id, frame } = await createView(page, {});
    const counts = await frame.evaluate(async () => {
      const AP = (window as any).AP;
      const codes: string[] = await Promise.all(Array.from({ length: 5000 }, () => AP.acme.ping().then(() => 'ok', (e: { code: string }) => e.code)));
      const out: Record<string, number> = {};
      for (const code of codes) out[code] = (out[code] ?? 0) + 1;
      return out;
    });
    expect(counts).toEqual({ ok: 5000 });
    expect(await page.evaluate((v) => (window as unknown as Win).host.views().find((x) => x.id === v)?.state, id)).toBe('connected');
    expect(await page.evaluate(() => (window as unknown as Win).rejections.filter((r) => r.reason === 'RATE_LIMITED'))).toEqual([]);
  });

  test('100,000 messages queued at once on a port are cut; another app keeps answering', async ({ page, browserName }) => {
    // Measured: Firefox runs other tasks between a port's queued messages (a probe the host posts
    // itself comes back after one or two of 100,000), so a port flood queues nothing ahead of other
    // apps there and only the rate meter applies.
    test.skip(browserName === 'firefox', 'Firefox builds no backlog: its port messages interleave with other tasks');
    const { b } = await floodPortAndWaitForCut(page);
    const reports = await page.evaluate((id) => (window as unknown as Win).rejections.filter((r) => r.viewId === id), b.id);
    expect(reports.map((r) => r.reason)).toEqual(['RATE_LIMITED']);
  });
});
