import { expect, test, type Frame, type Page } from '@playwright/test';
import { HOST, createView, frameFor, openHost } from '../helpers.js';

type AppWin = Window & { AP: Record<string, any>; pops: { hash: string; newURL: string; oldURL: string }[] };

async function productPage(page: Page): Promise<Frame> {
  await page.waitForFunction(() => 'view' in window);
  const id = await page.evaluate(() => (window as unknown as { view: { id: string } }).view.id);
  return frameFor(page, id);
}

test('history: state lives in the product URL, survives a product reload, and back reaches the app as a pop', async ({ page }) => {
  await page.goto(`${HOST}/fixtures/api-host.html`);
  let app = await productPage(page);
  await app.evaluate(() => (window as unknown as AppWin).AP.history.pushState('step-1'));
  await app.evaluate(() => (window as unknown as AppWin).AP.history.pushState({ n: 2 }, 'Step 2', 'step-2'));
  expect(new URL(page.url()).hash).toBe('#!step-2');

  await page.goBack();
  await app.waitForFunction(() => (window as unknown as AppWin).pops.length === 1);
  const pops = await app.evaluate(() => (window as unknown as AppWin).pops);
  expect(pops[0]).toMatchObject({ hash: 'step-1', newURL: `${HOST}/fixtures/api-host.html#!step-1`, oldURL: `${HOST}/fixtures/api-host.html#!step-2` });
  expect(await app.evaluate(() => (window as unknown as AppWin).AP.history.getState())).toBe('step-1');

  await page.reload();
  app = await productPage(page);
  await app.waitForFunction(() => (window as unknown as AppWin).AP.history.getState() === 'step-1');
  const all = await app.evaluate(() => new Promise((resolve) => (window as unknown as AppWin).AP.history.getState('all', resolve)));
  expect(all).toMatchObject({ hash: 'step-1', href: `${HOST}/fixtures/api-host.html#!step-1` });
});

test('theming: the product theme and its changes land on the app <html> as data-color-mode and data-theme', async ({ page }) => {
  await page.goto(`${HOST}/fixtures/api-host.html`);
  const app = await productPage(page);
  const attributes = () =>
    app.evaluate(() => [document.documentElement.getAttribute('data-color-mode'), document.documentElement.getAttribute('data-theme')]);
  expect(await attributes()).toEqual([null, null]);
  await app.evaluate(() => (window as unknown as AppWin).AP.theming.initializeTheming());
  expect(await attributes()).toEqual(['light', 'light:light dark:dark']);
  await page.evaluate(() => (window as unknown as { setDark(dark: boolean): void }).setDark(true));
  await app.waitForFunction(() => document.documentElement.getAttribute('data-color-mode') === 'dark');
  expect(await attributes()).toEqual(['dark', 'light:light dark:dark']);
});

test("data-options are read from the all.js tag, a loader script and #ac-iframe-options (margin, base)", async ({ page }) => {
  await openHost(page);
  const styleOf = (frame: Frame) =>
    frame.evaluate(async () => {
      // The margin is set when all.js starts; the base element after the host answers getLocation.
      for (let i = 0; i < 100 && !document.querySelector('base'); i++) await new Promise((r) => setTimeout(r, 20));
      const base = document.querySelector('base');
      return { margin: getComputedStyle(document.body).marginTop, base: base && { href: base.href, target: base.target } };
    });
  const none = await createView(page, { path: '/fixtures/options-none.html' });
  expect(await none.frame.evaluate(() => getComputedStyle(document.body).marginTop)).toBe('0px');
  for (const path of ['/fixtures/options-tag.html', '/fixtures/options-loader.html', '/fixtures/options-element.html']) {
    const { frame } = await createView(page, { path });
    expect(await styleOf(frame), path).toEqual({ margin: '8px', base: { href: `${HOST}/fixtures/host.html`, target: '_parent' } });
  }
});
