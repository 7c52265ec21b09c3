import type { Frame, Page } from '@playwright/test';
import { HOST } from '../helpers.js';

export type AppWin = Window & { AP: any };

/** Opens the data host page and records every request the page (any frame) sends. */
export async function openDataHost(page: Page): Promise<string[]> {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${HOST}/fixtures/data-host.html`);
  await page.waitForFunction(() => 'host' in window);
  return requests;
}

/** Runs `fn` in the app frame with its AP. */
export function inApp<T, A>(frame: Frame, fn: (AP: any, arg: A) => Promise<T> | T, arg?: A): Promise<T> {
  return frame.evaluate(
    ({ source, arg }) => {
      const f = new Function('AP', 'arg', `return (${source})(AP, arg);`) as (AP: unknown, arg: unknown) => T;
      return f((window as unknown as AppWin).AP, arg);
    },
    { source: fn.toString(), arg },
  );
}
