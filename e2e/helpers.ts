import type { Frame, Page } from '@playwright/test';

export const PORT = Number(process.env.E2E_PORT ?? 4173);
export const HOST = `http://host.test:${PORT}`;
export const APP_A = `http://app-a.test:${PORT}`;
export const APP_B = `http://app-b.test:${PORT}`;
export const EVIL = `http://evil.test:${PORT}`;

/** Opens the harness host page (e2e/fixtures/host.html) on host.test, optionally with small caps. */
export async function openHost(page: Page, limits?: Record<string, number>): Promise<void> {
  await page.goto(`${HOST}/fixtures/host.html${limits ? `?limits=${encodeURIComponent(JSON.stringify(limits))}` : ''}`);
  await page.waitForFunction(() => 'host' in window);
}

/** Registers `key` at `origin` (once) and creates a view of `path`; returns the view id and frame. */
export async function createView(
  page: Page,
  options: { key?: string; origin?: string; path?: string; moduleKey?: string; context?: object },
): Promise<{ id: string; frame: Frame }> {
  const { key = 'app-a', origin = APP_A, path = '/fixtures/app.html', moduleKey = 'main', context = {} } = options;
  const id = await page.evaluate(
    ({ key, origin, path, moduleKey, context }) => {
      const w = window as unknown as { host: import('../src/host/types.js').Host; views: Record<string, unknown> };
      if (!w.host.getApp(key)) w.host.registerApp({ key, baseUrl: origin });
      const view = w.host.create({ app: key, moduleKey, url: path, context: context as Record<string, unknown> }, document.getElementById('views')!);
      (w.views ??= {})[view.id] = view;
      return view.id;
    },
    { key, origin, path, moduleKey, context },
  );
  const frame = await frameFor(page, id);
  return { id, frame };
}

/** The Playwright frame of the iframe for view `id`, once its plugin has been welcomed. */
export async function frameFor(page: Page, id: string): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe[name*="${id}"]`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no frame');
  await frame.waitForLoadState();
  await frame.waitForFunction(() => typeof (window as unknown as { AP?: unknown }).AP === 'object');
  await frame.evaluate(() => new Promise((resolve) => (window as unknown as { AP: { require(n: string[], cb: (...m: unknown[]) => void): void } }).AP.require([], resolve)));
  return frame;
}
