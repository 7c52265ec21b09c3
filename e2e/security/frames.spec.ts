// Identity attacks at the handshake: every window that is not the host's own iframe for a channel —
// nested frames (including a sandboxed opaque-origin one), popups at the app's own origin, sibling
// apps — is refused, and a sibling cannot pose as the host towards another app.
import { expect, test, type Page } from '@playwright/test';
import { APP_A, APP_B, createView, openHost } from '../helpers.js';

type Win = Window & { rejections: { reason: string; origin: string }[]; host: import('../../src/host/types.js').Host };
type AppWin = Window & { AP: Record<string, any> };

const reasons = (page: Page) => page.evaluate(() => (window as unknown as Win).rejections.map((r) => r.reason));

test.beforeEach(async ({ page }) => {
  await openHost(page);
  await page.evaluate(() => (window as unknown as Win).host.defineModule('acme', { ping: (ctx) => ctx.app.key }));
});

test('a sandboxed opaque-origin frame inside the app cannot use the app channel', async ({ page }) => {
  const { frame } = await createView(page, {});
  await frame.evaluate(() => {
    const { channel } = JSON.parse(window.name);
    const nested = document.createElement('iframe');
    nested.setAttribute('sandbox', 'allow-scripts');
    nested.srcdoc = `<script>
      const c = new MessageChannel();
      top.postMessage({ apb: 1, type: 'hello', channel: '${channel}', version: 1 }, '*', [c.port2]);
    </script>`;
    document.body.appendChild(nested);
  });
  await page.waitForFunction(() => (window as unknown as Win).rejections.length > 0);
  expect(await reasons(page)).toEqual(['WRONG_SOURCE']);
  expect(await page.evaluate(() => (window as unknown as Win).rejections[0]!.origin)).toBe('null');
  expect(await frame.evaluate(() => (window as unknown as AppWin).AP.acme.ping())).toBe('app-a');
});

test("a popup on the app's own origin cannot take over the app's channel", async ({ page }) => {
  const { frame } = await createView(page, {});
  const popupPromise = page.context().waitForEvent('page');
  await frame.evaluate((url) => window.open(url, '_blank'), `${APP_A}/fixtures/evil.html`);
  const popup = await popupPromise;
  await popup.waitForLoadState();
  await frame.evaluate(() => {
    (window as unknown as { stolenChannel: string }).stolenChannel = JSON.parse(window.name).channel;
  });
  const channel = await frame.evaluate(() => (window as unknown as { stolenChannel: string }).stolenChannel);
  // Same origin as the app, so the origin check alone would pass: only the source check stops it.
  await popup.evaluate((channel) => {
    const c = new MessageChannel();
    window.opener.parent.postMessage({ apb: 1, type: 'hello', channel, version: 1 }, '*', [c.port2]);
  }, channel);
  await page.waitForFunction(() => (window as unknown as Win).rejections.length > 0);
  expect(await reasons(page)).toEqual(['WRONG_SOURCE']);
  expect(await frame.evaluate(() => (window as unknown as AppWin).AP.acme.ping())).toBe('app-a');
});

test("a sibling app can neither claim another app's channel nor pose as its host", async ({ page }) => {
  const a = await createView(page, { key: 'app-a', origin: APP_A });
  const b = await createView(page, { key: 'app-b', origin: APP_B });
  const channelA = await a.frame.evaluate(() => JSON.parse(window.name).channel);
  await b.frame.evaluate((channel) => {
    const c = new MessageChannel();
    parent.postMessage({ apb: 1, type: 'hello', channel, version: 1 }, '*', [c.port2]);
    // And towards app A directly, shaped like host traffic: a welcome offering a module, an event.
    const target = parent.frames[0]!;
    const d = new MessageChannel();
    target.postMessage({ type: 'welcome', session: 'x', version: 1, modules: { evil: ['steal'] }, options: {} }, '*', [d.port2]);
    target.postMessage({ type: 'event', name: 'dialog.close', args: [{ stolen: true }] }, '*');
  }, channelA);
  await page.waitForFunction(() => (window as unknown as Win).rejections.length > 0);
  expect(await reasons(page)).toEqual(['WRONG_SOURCE']);
  const aState = await a.frame.evaluate(async () => {
    const AP = (window as unknown as AppWin).AP;
    await new Promise((r) => setTimeout(r, 100));
    return { evil: 'evil' in AP, ping: await AP.acme.ping() };
  });
  expect(aState).toEqual({ evil: false, ping: 'app-a' });
  expect(await b.frame.evaluate(() => (window as unknown as AppWin).AP.acme.ping())).toBe('app-b');
});

test('3,000 calls at once from one app are all answered (queued, not refused) and the host page stays responsive', async ({ page }) => {
  test.setTimeout(300_000);
  const { frame } = await createView(page, {});
  const result = await frame.evaluate(async () => {
    const AP = (window as unknown as AppWin).AP;
    const calls = Array.from({ length: 3000 }, () => AP.acme.ping().then(() => 'ok', (e: { code: string }) => e.code));
    const codes: string[] = await Promise.all(calls);
    const counts: Record<string, number> = {};
    for (const code of codes) counts[code] = (counts[code] ?? 0) + 1;
    return counts;
  });
  expect(result).toEqual({ ok: 3000 });
  expect(await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r('frame'))))).toBe('frame');
});
