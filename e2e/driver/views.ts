// The harness host page and app views, for specs written against the cross-engine driver.
import { APP_A, HOST } from '../helpers.js';
import type { Driver, DriverFrame } from './driver.js';

/** Opens the harness host page (e2e/fixtures/host.html) on host.test. */
export async function openHost(driver: Driver, path = '/fixtures/host.html'): Promise<void> {
  await driver.goto(`${HOST}${path}`);
  await driver.waitFor(() => 'host' in window);
}

/** Registers `key` at `origin` (once) and creates a view of `path`; returns the view id and its frame. */
export async function createView(
  driver: Driver,
  options: { key?: string; origin?: string; path?: string; moduleKey?: string; context?: object },
): Promise<{ id: string; frame: DriverFrame }> {
  const { key = 'app-a', origin = APP_A, path = '/fixtures/app.html', moduleKey = 'main', context = {} } = options;
  const id = await driver.evaluate(
    ({ key, origin, path, moduleKey, context }) => {
      const w = window as unknown as { host: import('../../src/host/types.js').Host; views: Record<string, unknown> };
      if (!w.host.getApp(key)) w.host.registerApp({ key, baseUrl: origin });
      const view = w.host.create({ app: key, moduleKey, url: path, context: context as Record<string, unknown> }, document.getElementById('views')!);
      (w.views ??= {})[view.id] = view;
      return view.id;
    },
    { key, origin, path, moduleKey, context },
  );
  return { id, frame: await frameFor(driver, id) };
}

/** The frame of the iframe for view `id`, once its plugin has been welcomed. */
export async function frameFor(driver: Driver, id: string): Promise<DriverFrame> {
  const frame = await driver.frame(`iframe[name*="${id}"]`);
  await frame.waitFor(() => typeof (window as unknown as { AP?: unknown }).AP === 'object');
  await frame.evaluate(() => new Promise((resolve) => (window as unknown as { AP: { require(n: string[], cb: (...m: unknown[]) => void): void } }).AP.require([], resolve)));
  return frame;
}

/** Runs `fn` in the app frame with its AP; `fn` is sent as source, so it may use no outer names. */
export function inApp<T, A = undefined>(frame: DriverFrame, fn: (AP: any, arg: A) => Promise<T> | T, arg?: A): Promise<T> {
  return frame.evaluate(
    ({ source, arg }) => {
      const f = new Function('AP', 'arg', `return (${source})(AP, arg);`) as (AP: unknown, arg: unknown) => T;
      return f((window as unknown as { AP: unknown }).AP, arg);
    },
    { source: fn.toString(), arg },
  );
}
