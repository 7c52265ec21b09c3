import { expect, test } from '../driver/fixture.js';
import { PlaywrightDriver } from '../driver/driver.js';
import { createView, frameFor, openHost } from '../driver/views.js';
import { APP_A, EVIL } from '../helpers.js';

type Win = Window & { host: import('../../src/host/types.js').Host; views: Record<string, import('../../src/host/types.js').View>; rejections: { reason: string }[]; calls: { outcome: string }[] };
type AppWin = Window & { AP: Record<string, any> };

test.beforeEach(async ({ driver }) => {
  await openHost(driver);
  await driver.evaluate(() => {
    const w = window as unknown as Win & { aborted: string[] };
    w.aborted = [];
    w.host.defineModule('acme', {
      ping: (ctx, n: number) => ({ pong: n, app: ctx.app.key, module: ctx.moduleKey }),
      fail: () => {
        throw new Error('secret internals');
      },
      hang: (ctx) =>
        new Promise((_, reject) => ctx.signal.addEventListener('abort', () => { w.aborted.push(ctx.session); reject(new Error('aborted')); })),
    });
  });
});

test('a call round-trips across two sites in an out-of-process iframe (promise and callback forms)', async ({ driver }) => {
  const { frame } = await createView(driver, {});
  expect(new URL(await frame.url()).origin).toBe(APP_A);
  const result = await frame.evaluate(async () => {
    const AP = (window as unknown as AppWin).AP;
    const promised = await AP.acme.ping(7);
    const viaCallback = await new Promise((resolve) => AP.acme.ping(8, resolve));
    const viaRequire = await new Promise((resolve) => AP.require(['acme'], (acme: any) => acme.ping(9).then(resolve)));
    return { promised, viaCallback, viaRequire };
  });
  expect(result).toEqual({
    promised: { pong: 7, app: 'app-a', module: 'main' },
    viaCallback: { pong: 8, app: 'app-a', module: 'main' },
    viaRequire: { pong: 9, app: 'app-a', module: 'main' },
  });
  // Site isolation: in Chromium the app frame lives in its own renderer, so it is its own CDP target
  // (Firefox isolates sites too, with Fission, but has no CDP to show it; WebKitGTK does not isolate).
  if (driver.engine === 'chromium' && driver instanceof PlaywrightDriver) {
    const cdp = await driver.page.context().newCDPSession(driver.page);
    const { targetInfos } = await cdp.send('Target.getTargets');
    expect(targetInfos.some((t: { type: string; url: string }) => t.type === 'iframe' && t.url.startsWith(APP_A))).toBe(true);
  }
});

test("an app page that takes window.name for itself connects through Connect's xdm_e / xdm_c", async ({ driver }) => {
  const hostOrigin = await driver.evaluate(() => location.origin);
  const query = new URLSearchParams({ xdm_e: hostOrigin, xdm_c: 'channel-app-a__main' });
  const { id, frame } = await createView(driver, { path: `/fixtures/name-taken.html?${query}` });
  const seen = await frame.evaluate(async () => ({ name: window.name, ping: await (window as unknown as AppWin).AP.acme.ping(3) }));
  expect(seen).toEqual({ name: JSON.stringify({ appState: 'kept by the app' }), ping: { pong: 3, app: 'app-a', module: 'main' } });
  expect(await driver.evaluate((viewId) => (window as unknown as Win).views[viewId]?.state, id)).toBe('connected');
  expect(await driver.evaluate(() => (window as unknown as Win).rejections)).toEqual([]);
});

test('unknown module and method, and a throwing handler, reject with codes; the bridge keeps working', async ({ driver }) => {
  const { frame } = await createView(driver, {});
  const codes = await frame.evaluate(async () => {
    const AP = (window as unknown as AppWin).AP;
    const code = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { code: string; message: string }) => `${e.code}:${e.message.includes('secret')}`);
    return {
      failed: await code(AP.acme.fail()),
      after: await AP.acme.ping(1),
    };
  });
  expect(codes.failed).toBe('HANDLER_FAILED:false');
  expect(codes.after).toMatchObject({ pong: 1 });
});

test('reloading the iframe mid-call resets the session: pending calls reject CONNECTION_RESET', async ({ driver }) => {
  const { id, frame } = await createView(driver, {});
  await frame.evaluate(() => {
    const AP = (window as unknown as AppWin).AP;
    AP.provide('slow', { wait: () => new Promise(() => {}) });
    void AP.acme.hang();
  });
  await driver.waitFor(() => (window as unknown as Win).calls !== undefined);
  // The outcome is kept in the page: a WebDriver session runs one script at a time, so the test
  // cannot hold an evaluation open while it reloads the frame.
  await driver.evaluate((id) => {
    const w = window as unknown as Win & { pending?: string };
    void w.views[id]!.call('slow', 'wait').then(() => 'resolved', (e: { code: string }) => e.code).then((code) => (w.pending = code));
    return new Promise((r) => setTimeout(r, 50));
  }, id);
  await frame.evaluate(() => location.reload());
  await driver.waitFor(() => (window as unknown as { pending?: string }).pending !== undefined);
  expect(await driver.evaluate(() => (window as unknown as { pending?: string }).pending)).toBe('CONNECTION_RESET');
  // The host-side handler of the old session was aborted, and the reloaded page works.
  expect(await driver.evaluate(() => (window as unknown as { aborted: string[] }).aborted.length)).toBe(1);
  const reloaded = await frameFor(driver, id);
  expect(await reloaded.evaluate(() => (window as unknown as AppWin).AP.acme.ping(3))).toMatchObject({ pong: 3 });
});

test('removing the iframe mid-call rejects CONNECTION_DESTROYED and ends the view', async ({ driver }) => {
  const { id, frame } = await createView(driver, {});
  await frame.evaluate(() => (window as unknown as AppWin).AP.provide('slow', { wait: () => new Promise(() => {}) }));
  const outcome = driver.evaluate(async (id) => {
    const w = window as unknown as Win;
    const view = w.views[id]!;
    const pending = view.call('slow', 'wait').then(() => 'resolved', (e: { code: string }) => e.code);
    await new Promise((r) => setTimeout(r, 50));
    view.iframe.remove();
    return { code: await pending, state: await new Promise((r) => setTimeout(() => r(view.state), 0)), left: w.host.views().length };
  }, id);
  expect(await outcome).toEqual({ code: 'CONNECTION_DESTROYED', state: 'destroyed', left: 0 });
});

test('host.destroy() settles pending calls and stops answering', async ({ driver }) => {
  const { id, frame } = await createView(driver, {});
  await frame.evaluate(() => (window as unknown as AppWin).AP.provide('slow', { wait: () => new Promise(() => {}) }));
  const code = await driver.evaluate(async (id) => {
    const w = window as unknown as Win;
    const pending = w.views[id]!.call('slow', 'wait').then(() => 'resolved', (e: { code: string }) => e.code);
    await new Promise((r) => setTimeout(r, 50));
    w.host.destroy();
    return pending;
  }, id);
  expect(code).toBe('CONNECTION_DESTROYED');
  expect(await driver.evaluate(() => document.querySelectorAll('iframe').length)).toBe(0);
});

test('a hello from a third-origin frame holding a real channel id is ignored', async ({ driver }) => {
  const { id } = await createView(driver, {});
  // The attacker is framed by the product page itself (e.g. an ad), knows the channel, and posts a hello.
  await driver.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    f.id = 'evil';
    document.body.appendChild(f);
    return new Promise((r) => f.addEventListener('load', r));
  }, `${EVIL}/fixtures/evil.html`);
  const evil = await driver.frameAt(EVIL);
  await evil.evaluate((channel) => (window as unknown as { forgeHello(c: string): void }).forgeHello(channel), id);
  await driver.waitFor(() => (window as unknown as Win).rejections.length > 0);
  const reasons = await driver.evaluate(() => (window as unknown as Win).rejections.map((r) => r.reason));
  expect(reasons).toEqual(['WRONG_SOURCE']);
});

test('the app iframe navigated to another origin cannot reuse its channel', async ({ driver }) => {
  const { frame } = await createView(driver, {});
  await frame.evaluate((src) => { location.href = src; }, `${EVIL}/fixtures/evil.html`);
  const evil = await driver.frameAt(EVIL);
  await evil.waitFor(() => 'forgeHello' in window);
  await evil.evaluate(() => {
    const { channel } = JSON.parse(window.name);
    (window as unknown as { forgeHello(c: string): void }).forgeHello(channel);
  });
  await driver.waitFor(() => (window as unknown as Win).rejections.length > 0);
  expect(await driver.evaluate(() => (window as unknown as Win).rejections.map((r) => r.reason))).toEqual(['WRONG_ORIGIN']);
});
