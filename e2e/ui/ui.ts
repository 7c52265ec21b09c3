// Helpers for the UI specs: the UI host page (e2e/fixtures/ui/host.html), app views, dialog frames.
import type { Frame, Page } from '@playwright/test';
import { APP_A, APP_B, HOST, createView, frameFor } from '../helpers.js';

export type Win = Window & {
  host: import('../../src/host/types.js').Host;
  calls: { module: string; method: string; outcome: string; appKey: string; viewId: string }[];
  navigations: unknown[];
};
export type AppWin = Window & { AP: any; log: unknown[][]; setFiller(px: number): void };

export const ARTIFACTS = 'e2e/artifacts';

export async function openUiHost(page: Page, query = ''): Promise<void> {
  await page.setViewportSize({ width: 1100, height: 720 });
  await page.goto(`${HOST}/fixtures/ui/host.html${query}`);
  await page.waitForFunction(() => 'host' in window);
}

/** A panel of app-a (or app-b) showing `path`. */
export async function panel(page: Page, key: 'app-a' | 'app-b' = 'app-a', path = '/fixtures/ui/app.html', moduleKey = 'main') {
  return createView(page, { key, origin: key === 'app-a' ? APP_A : APP_B, path, moduleKey });
}

/** The frame of the top dialog, once its plugin is connected. */
export async function dialogFrame(page: Page, count = 1): Promise<Frame> {
  const id = await page.waitForFunction((count) => {
    const views = (window as unknown as Win).host.views().filter((v) => v.options.isDialog === true);
    return views.length === count ? views[views.length - 1]!.id : false;
  }, count);
  const frame = await frameFor(page, (await id.jsonValue()) as string);
  await page.waitForFunction(() => (window as unknown as Win).host.views().every((v) => v.state !== 'loading'));
  return frame;
}

export function log(frame: Frame): Promise<unknown[][]> {
  return frame.evaluate(() => (window as unknown as AppWin).log);
}
