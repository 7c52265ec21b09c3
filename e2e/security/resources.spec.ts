// Bounded resources and hostile payloads on an authenticated session: the app itself opens a raw
// session (it may: it is the right window at the right origin) and misbehaves on it.
import { expect, test } from '@playwright/test';
import { createView, openHost } from '../helpers.js';

type Win = Window & { rejections: { reason: string }[]; host: import('../../src/host/types.js').Host };

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

test('a raw flood over the rate cap is answered RATE_LIMITED and the host page stays responsive', async ({ page }) => {
  const { frame } = await createView(page, {});
  await frame.evaluate(RAW);
  const counts = await frame.evaluate(async () => {
    const { port, call } = await (window as any).raw();
    const seen: Record<string, number> = { RATE_LIMITED: 0 };
    port.addEventListener('message', (e: MessageEvent) => {
      const key = e.data.type === 'error' ? e.data.error.code : e.data.type;
      seen[key] = (seen[key] ?? 0) + 1;
    });
    for (let i = 0; i < 60_000; i++) port.postMessage({ type: 'call', id: 1000 + (i % 200), module: 'acme', method: 'ping', args: [] });
    // Once the flood has drained and the bucket refilled, the same session answers again.
    let after: { value?: unknown } = {};
    for (let i = 0; i < 40 && after.value !== 'pong'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      after = await call('acme', 'ping', []);
    }
    return { limited: seen.RATE_LIMITED ?? 0, after: after.value as unknown };
  });
  expect(counts.limited).toBeGreaterThan(1000);
  expect(counts.after).toBe('pong');
  expect(await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r('frame'))))).toBe('frame');
});
