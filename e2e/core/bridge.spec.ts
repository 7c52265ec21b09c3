import { expect, test } from '@playwright/test';
import { APP_A, EVIL, createView, frameFor, openHost } from '../helpers.js';

type Win = Window & { host: import('../../src/host/types.js').Host; views: Record<string, import('../../src/host/types.js').View>; rejections: { reason: string }[]; calls: { outcome: string }[] };
type AppWin = Window & { AP: Record<string, any> };

test.beforeEach(async ({ page }) => {
  await openHost(page);
  await page.evaluate(() => {
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

test('a call round-trips across two sites in an out-of-process iframe (promise and callback forms)', async ({ page }) => {
  const { frame } = await createView(page, {});
  expect(new URL(frame.url()).origin).toBe(APP_A);
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
  // Site isolation: the app frame lives in its own renderer, so it is its own CDP target.
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  expect(targetInfos.some((t: { type: string; url: string }) => t.type === 'iframe' && t.url.startsWith(APP_A))).toBe(true);
});

test('unknown module and method, and a throwing handler, reject with codes; the bridge keeps working', async ({ page }) => {
  const { frame } = await createView(page, {});
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

test('reloading the iframe mid-call resets the session: pending calls reject CONNECTION_RESET', async ({ page }) => {
  const { id, frame } = await createView(page, {});
  await frame.evaluate(() => {
    const AP = (window as unknown as AppWin).AP;
    AP.provide('slow', { wait: () => new Promise(() => {}) });
    void AP.acme.hang();
  });
  await page.waitForFunction(() => (window as unknown as Win).calls !== undefined);
  const pending = page.evaluate((id) => (window as unknown as Win).views[id]!.call('slow', 'wait').then(() => 'resolved', (e: { code: string }) => e.code), id);
  await page.waitForTimeout(50);
  await frame.evaluate(() => location.reload());
  expect(await pending).toBe('CONNECTION_RESET');
  // The host-side handler of the old session was aborted, and the reloaded page works.
  expect(await page.evaluate(() => (window as unknown as { aborted: string[] }).aborted.length)).toBe(1);
  const reloaded = await frameFor(page, id);
  expect(await reloaded.evaluate(() => (window as unknown as AppWin).AP.acme.ping(3))).toMatchObject({ pong: 3 });
});

test('removing the iframe mid-call rejects CONNECTION_DESTROYED and ends the view', async ({ page }) => {
  const { id, frame } = await createView(page, {});
  await frame.evaluate(() => (window as unknown as AppWin).AP.provide('slow', { wait: () => new Promise(() => {}) }));
  const outcome = page.evaluate(async (id) => {
    const w = window as unknown as Win;
    const view = w.views[id]!;
    const pending = view.call('slow', 'wait').then(() => 'resolved', (e: { code: string }) => e.code);
    await new Promise((r) => setTimeout(r, 50));
    view.iframe.remove();
    return { code: await pending, state: await new Promise((r) => setTimeout(() => r(view.state), 0)), left: w.host.views().length };
  }, id);
  expect(await outcome).toEqual({ code: 'CONNECTION_DESTROYED', state: 'destroyed', left: 0 });
});

test('host.destroy() settles pending calls and stops answering', async ({ page }) => {
  const { id, frame } = await createView(page, {});
  await frame.evaluate(() => (window as unknown as AppWin).AP.provide('slow', { wait: () => new Promise(() => {}) }));
  const code = await page.evaluate(async (id) => {
    const w = window as unknown as Win;
    const pending = w.views[id]!.call('slow', 'wait').then(() => 'resolved', (e: { code: string }) => e.code);
    await new Promise((r) => setTimeout(r, 50));
    w.host.destroy();
    return pending;
  }, id);
  expect(code).toBe('CONNECTION_DESTROYED');
  expect(await page.locator('iframe').count()).toBe(0);
});

test('a hello from a third-origin frame holding a real channel id is ignored', async ({ page }) => {
  const { id } = await createView(page, {});
  // The attacker is framed by the product page itself (e.g. an ad), knows the channel, and posts a hello.
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.src = src;
    f.id = 'evil';
    document.body.appendChild(f);
    return new Promise((r) => f.addEventListener('load', r));
  }, `${EVIL}/fixtures/evil.html`);
  const evil = page.frames().find((f) => f.url().startsWith(EVIL))!;
  await evil.evaluate((channel) => (window as unknown as { forgeHello(c: string): void }).forgeHello(channel), id);
  await page.waitForFunction(() => (window as unknown as Win).rejections.length > 0);
  const reasons = await page.evaluate(() => (window as unknown as Win).rejections.map((r) => r.reason));
  expect(reasons).toEqual(['WRONG_SOURCE']);
});

test('the app iframe navigated to another origin cannot reuse its channel', async ({ page }) => {
  const { frame } = await createView(page, {});
  await frame.evaluate((src) => { location.href = src; }, `${EVIL}/fixtures/evil.html`);
  const evil = await (async () => {
    for (let i = 0; i < 50; i++) {
      const f = page.frames().find((f) => f.url().startsWith(EVIL));
      if (f) return f;
      await page.waitForTimeout(50);
    }
    throw new Error('no evil frame');
  })();
  await evil.waitForFunction(() => 'forgeHello' in window);
  await evil.evaluate(() => {
    const { channel } = JSON.parse(window.name);
    (window as unknown as { forgeHello(c: string): void }).forgeHello(channel);
  });
  await page.waitForFunction(() => (window as unknown as Win).rejections.length > 0);
  expect(await page.evaluate(() => (window as unknown as Win).rejections.map((r) => r.reason))).toEqual(['WRONG_ORIGIN']);
});
