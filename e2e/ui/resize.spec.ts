import { expect, test, type Page } from '@playwright/test';
import { ARTIFACTS, dialogFrame, openUiHost, panel, type AppWin, type Win } from './ui.js';

test.beforeEach(async ({ page }) => openUiHost(page));

/** Resolves once the view has sent its first size. */
const firstSize = (page: Page, id: string) =>
  expect.poll(() => page.evaluate((id) => (window as unknown as Win).calls.some((c) => c.module === 'resize' && c.viewId === id), id)).toBe(true);

const height = (page: Page, id: string) =>
  page.evaluate((id) => (window as unknown as Win).host.views().find((v) => v.id === id)!.iframe.getBoundingClientRect().height, id);

test('autoresize follows content up and down, one message per frame at most; screenshot of a resized panel', async ({ page }) => {
  const { id, frame } = await panel(page);
  await firstSize(page, id);
  const base = await height(page, id);
  await frame.evaluate(() => (window as unknown as AppWin).setFiller(400));
  await expect.poll(() => height(page, id)).toBe(base + 400);
  await page.screenshot({ path: `${ARTIFACTS}/panel-resized.png` });
  await frame.evaluate(() => (window as unknown as AppWin).setFiller(120));
  await expect.poll(() => height(page, id)).toBe(base + 120);
  // Content toggled back and forth by the app is followed every time (not taken for a bounce).
  for (const px of [170, 120, 170, 120]) {
    await frame.evaluate((px) => (window as unknown as AppWin).setFiller(px), px);
    await expect.poll(() => height(page, id)).toBe(base + px);
  }
  // A burst of changes within one frame coalesces into at most one resize per animation frame.
  const before = await page.evaluate(() => (window as unknown as Win).calls.filter((c) => c.module === 'resize').length);
  const frames = await frame.evaluate(async () => {
    const w = window as unknown as AppWin;
    let n = 0;
    const count = () => { n++; if (n < 10) requestAnimationFrame(count); };
    requestAnimationFrame(count);
    for (let i = 0; i < 50; i++) {
      w.setFiller(200 + i * 3);
      await new Promise((r) => setTimeout(r, 2));
    }
    await new Promise((r) => setTimeout(r, 200));
    return n;
  });
  const sent = (await page.evaluate(() => (window as unknown as Win).calls.filter((c) => c.module === 'resize').length)) - before;
  expect(frames).toBeGreaterThan(0);
  expect(sent).toBeGreaterThan(0);
  expect(sent).toBeLessThan(50);
  await expect.poll(() => height(page, id)).toBe(base + 200 + 49 * 3);
});

test('a 100vh page settles instead of growing forever', async ({ page }) => {
  const { id } = await panel(page, 'app-a', '/fixtures/ui/vh.html');
  await page.waitForTimeout(50);
  await expect
    .poll(async () => {
      const first = await height(page, id);
      await page.waitForTimeout(300);
      return (await height(page, id)) === first;
    })
    .toBe(true);
  const settled = await height(page, id);
  await page.waitForTimeout(500);
  expect(await height(page, id)).toBe(settled);
  expect(settled).toBeLessThan(400);
  const sent = await page.evaluate(() => (window as unknown as Win).calls.filter((c) => c.module === 'resize').length);
  expect(sent).toBeLessThanOrEqual(4);
});

test('AP.resize, AP.env.resize and sizeToParent: validated, caller-only, pages only', async ({ page }) => {
  const a = await panel(page);
  const b = await panel(page, 'app-b');
  const bHeight = await height(page, b.id);
  const result = await a.frame.evaluate(async () => {
    const AP = (window as unknown as AppWin).AP;
    AP.require([], () => {});
    const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code: string }) => e.code);
    return {
      bad: await code(AP.resize('100%', 'calc(100vh - 1px)')),
      notPage: await code(AP.sizeToParent()),
      ok: await code(AP.env.resize('100%', '333px')),
    };
  });
  expect(result).toEqual({ bad: 'INVALID_ARGUMENT', notPage: 'NOT_SUPPORTED', ok: 'ok' });
  expect(await height(page, a.id)).toBe(333);
  expect(await height(page, b.id)).toBe(bHeight);
  const fullPage = await panel(page, 'app-a', '/fixtures/ui/app.html', 'page');
  await fullPage.frame.evaluate(() => (window as unknown as AppWin).AP.env.sizeToParent());
  const expected = await page.evaluate((id) => {
    const iframe = (window as unknown as Win).host.views().find((v) => v.id === id)!.iframe;
    return Math.floor(innerHeight - iframe.getBoundingClientRect().top - scrollY);
  }, fullPage.id);
  expect(await height(page, fullPage.id)).toBe(expected);
});

test('AP.resize never makes an iframe wider than its container', async ({ page }) => {
  const { id, frame } = await panel(page);
  await frame.evaluate(() => (window as unknown as AppWin).AP.resize('5000px', '200px'));
  await expect.poll(() => height(page, id)).toBe(200);
  const sizes = await page.evaluate((viewId) => {
    const iframe = (window as unknown as Win).host.views().find((v) => v.id === viewId)!.iframe;
    return { frame: iframe.getBoundingClientRect().width, container: iframe.parentElement!.getBoundingClientRect().width };
  }, id);
  expect(sizes.frame).toBeLessThanOrEqual(sizes.container);
  expect(sizes.frame).toBeGreaterThan(0);
});

test('AP.resize has no effect in a dialog', async ({ page }) => {
  const { frame } = await panel(page);
  await frame.evaluate(() => (window as unknown as AppWin).AP.dialog.create({ key: 'editor', size: 'small' }));
  const dialog = await dialogFrame(page);
  const before = await page.locator('dialog iframe').boundingBox();
  await dialog.evaluate(() => (window as unknown as AppWin).AP.resize('900px', '900px'));
  expect(await page.locator('dialog iframe').boundingBox()).toEqual(before);
});

test('a panel below the fold (rendering throttled by the browser) still autoresizes', async ({ page }) => {
  await page.evaluate(() => {
    const spacer = document.createElement('div');
    spacer.style.height = '3000px';
    document.getElementById('views')!.appendChild(spacer);
  });
  const { id, frame } = await panel(page);
  await firstSize(page, id);
  const base = await height(page, id);
  await frame.evaluate(() => (window as unknown as AppWin).setFiller(250));
  await expect.poll(() => height(page, id)).toBe(base + 250);
});
