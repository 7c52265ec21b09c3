import { appFrame, expect, test } from './fixture.js';

type AP = { resize(w: string, h: string): Promise<void>; sizeToParent(): Promise<void> };

test.describe('host simulator: sizes follow the app', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('a general page takes the height the app asks for, shrinks with autoresize, and only sizeToParent fills', async ({ page, login }) => {
    await login('admin', '/plugins/servlet/ac/acme-sample/sample-page');
    const frame = await appFrame(page, 'sample-page');
    const iframe = page.locator('iframe[data-apb-module="sample-page"]');
    const height = async (): Promise<number> => (await iframe.boundingBox())!.height;

    // Autoresize: with most of its content gone the page is far shorter than the old 480px floor.
    await frame.evaluate(() => document.querySelector('.grid')!.remove());
    await expect.poll(height).toBeLessThan(200);
    const contentHeight = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
    await expect.poll(height).toBeCloseTo(contentHeight, -1);

    // An explicit height is honoured exactly, above or below what CSS used to impose.
    await frame.evaluate(() => (window as unknown as { AP: AP }).AP.resize('100%', '420'));
    await expect.poll(height).toBe(420);

    // sizeToParent fills the window below the iframe's top edge.
    await frame.evaluate(() => (window as unknown as { AP: AP }).AP.sizeToParent());
    const expected = await iframe.evaluate((el) => Math.floor(window.innerHeight - (el.getBoundingClientRect().top + window.scrollY)));
    await expect.poll(height).toBe(expected);
    expect(expected).toBeGreaterThan(420);
  });

  test('an issue web panel follows its content, and an explicit AP.resize', async ({ page, login }) => {
    await login('admin', '/browse/DEMO-1');
    const frame = await appFrame(page, 'sample-panel');
    const iframe = page.locator('iframe[data-apb-module="sample-panel"]');
    await expect(frame.getByTestId('panel-summary')).toHaveText('Checkout page times out under load');
    const contentHeight = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
    await expect.poll(async () => (await iframe.boundingBox())!.height).toBeCloseTo(contentHeight, -1);
    await frame.evaluate(() => (window as unknown as { AP: AP }).AP.resize('100%', '300px'));
    await expect.poll(async () => (await iframe.boundingBox())!.height).toBe(300);
  });
});
