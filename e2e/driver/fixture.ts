// `test` for the cross-engine specs: gives each test a `driver` for the project's `engine`. Chromium
// and Firefox are launched through Playwright with the project's launch options; WebKit is MiniBrowser
// over WebDriver (webkit.ts). The specs never touch Playwright's `page`, so the WebKit project makes
// Playwright launch nothing.
import { test as base, type Browser } from '@playwright/test';
import { PlaywrightDriver, type Driver, type Engine } from './driver.js';
import { openWebKit, startWebKitServer, type WebKitServer } from './webkit.js';

export { expect } from '@playwright/test';
export type { Driver, DriverFrame } from './driver.js';

const PORT = Number(process.env.E2E_PORT ?? 4173);

type Engines = { kind: 'playwright'; browser: Browser } | { kind: 'webkit'; server: WebKitServer };

export const test = base.extend<{ driver: Driver }, { engine: Engine; engines: Engines }>({
  engine: ['chromium', { option: true, scope: 'worker' }],
  engines: [
    async ({ engine, playwright, launchOptions }, use) => {
      if (engine === 'webkit') {
        const server = await startWebKitServer();
        await use({ kind: 'webkit', server });
        await server.stop();
      } else {
        const browser = await playwright[engine].launch(launchOptions);
        await use({ kind: 'playwright', browser });
        await browser.close();
      }
    },
    { scope: 'worker' },
  ],
  driver: async ({ engine, engines, baseURL }, use) => {
    if (engines.kind === 'webkit') {
      const driver = await openWebKit(engines.server, PORT);
      try {
        await use(driver);
      } finally {
        await driver.close();
      }
      return;
    }
    const context = await engines.browser.newContext({ baseURL });
    try {
      await use(new PlaywrightDriver(await context.newPage(), engine));
    } finally {
      await context.close();
    }
  },
});
