// `apbridge/testing`: Playwright fixtures for a Connect app's own end-to-end tests. The simulator runs
// inside the Playwright worker, with the app installed from its descriptor URL; each test gets a `host`
// that logs in, opens modules where the product renders them, and hands back the app's frame.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, type Frame, type Locator, type Page } from '@playwright/test';
import { readConfig } from './server/config.js';
import { startSimulator, type Simulator } from './simulator.js';

/** The `AP` an app page has; typed loosely so that tests need no Connect type package. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the app's AP is whatever its all.js defines
export type AP = any;

/** How the simulator is started for a test run (set with `test.use({ apbridge: {...} })` or in the config's `use`). */
export interface ApbridgeOptions {
  /** The app's descriptor URL, e.g. `http://localhost:3000/atlassian-connect.json`; several are allowed. */
  app: string | string[];
  /**
   * The product's port. Each Playwright worker adds its index, so parallel workers never share a
   * product. Default 4000. Give the app `CONNECT_KEYS_CDN_URL=http://127.0.0.1:<port>/connect-keys`.
   */
  port?: number;
  /** Where installs and issues are kept; default a fresh temporary folder per worker, removed after. */
  dataDir?: string;
  /** Who `host.open` logs in as when no `host.login` came first; default `admin`. */
  user?: string;
}

/** One app iframe: the Playwright `Frame`, and `ap()` to run code with the page's `AP`. */
export interface AppFrame {
  frame: Frame;
  /** The `<iframe>` element in the product page. */
  element: Locator;
  /**
   * Runs `fn(AP, arg)` inside the app's page and resolves with its (awaited) result, which must be
   * serialisable, as with `frame.evaluate`. `fn` is sent as source: it cannot use the test's variables.
   */
  ap<R, A = undefined>(fn: (AP: AP, arg: A) => R | Promise<R>, arg?: A): Promise<R>;
}

/** One bridge call as the simulator's inspector recorded it (secrets redacted). */
export interface InspectedCall {
  app: string;
  module: string;
  method: string;
  outcome: string;
  args?: unknown;
  result?: unknown;
  message?: string;
}

/** The product page around the app. */
export interface Host {
  /** The product's origin, e.g. `http://127.0.0.1:4000`. */
  url: string;
  page: Page;
  /** Logs in as a seeded user (`admin`, `alice`) and optionally goes to `next` (a product path). */
  login(user: string, next?: string): Promise<void>;
  /**
   * Goes where `moduleKey` renders without a click (a full page, an issue web panel, a dashboard item)
   * and resolves once the app's `AP` is defined. `appKey` picks between apps with the same module key.
   */
  open(moduleKey: string, options?: { app?: string }): Promise<AppFrame>;
  /** The frame of `moduleKey` on the current page (after a click opened a glance, tab or dialog). */
  frame(moduleKey: string): Promise<AppFrame>;
  /** Every flag on screen; `expect(host.flags()).toContainText('Saved')`. */
  flags(): Locator;
  /** Waits for a dialog: the app's frame in it, and `locator`, the product's dialog (header, buttons). */
  dialog(): Promise<AppFrame & { locator: Locator }>;
  inspector: {
    /** The bridge calls recorded on this page so far, optionally only those of one module/method/app. */
    calls(filter?: { app?: string; module?: string; method?: string }): Promise<InspectedCall[]>;
  };
}

async function appFrame(page: Page, selector: string, label: string): Promise<AppFrame> {
  const element = page.locator(selector).first();
  const handle = await element.elementHandle();
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error(`${label} has no frame`);
  await frame.waitForFunction(() => typeof (window as { AP?: unknown }).AP === 'object');
  return {
    frame,
    element,
    // A string expression rather than a function: Playwright then evaluates it as the debugger does,
    // which an app page's Content-Security-Policy (no 'unsafe-eval') does not block.
    ap: (fn, arg) => frame.evaluate(`(${fn.toString()})(window.AP, ${JSON.stringify(arg) ?? 'undefined'})`),
  };
}

/**
 * Playwright's `test`, extended with a worker-scoped simulator (the app installed once per worker)
 * and a `host` per test.
 *
 * @example
 * ```ts
 * import { test, expect } from 'apbridge/testing';
 *
 * test.use({ apbridge: { app: 'http://localhost:3000/atlassian-connect.json' } });
 *
 * test('the page says hello to the user', async ({ host }) => {
 *   await host.login('alice');
 *   const app = await host.open('hello-world');
 *   await expect(app.frame.getByText('Hello World')).toBeVisible();
 *   const user = await app.ap((AP) => AP.user.getCurrentUser());
 *   expect(user.atlassianAccountId).toBeTruthy();
 * });
 * ```
 */
export const test = base.extend<{ host: Host }, { apbridge: ApbridgeOptions; simulator: Simulator }>({
  apbridge: [{ app: [] }, { scope: 'worker', option: true }],
  simulator: [
    async ({ apbridge }, use, workerInfo) => {
      const apps = typeof apbridge.app === 'string' ? [apbridge.app] : apbridge.app;
      if (apps.length === 0) throw new Error("apbridge/testing: set the app's descriptor URL with test.use({ apbridge: { app: '…/atlassian-connect.json' } })");
      const dataDir = apbridge.dataDir ?? mkdtempSync(join(tmpdir(), 'apbridge-test-'));
      const port = (apbridge.port ?? 4000) + workerInfo.parallelIndex;
      const config = readConfig(['--port', String(port), '--data-dir', dataDir, '--no-sample-app', '--no-watch', ...apps.flatMap((a) => ['--app', a])], {});
      if (!config) throw new Error('unreachable: no --help given');
      const simulator = await startSimulator(config);
      try {
        if (simulator.installErrors.length > 0) throw new Error(`apbridge/testing could not install the app:\n${simulator.installErrors.join('\n')}`);
        await use(simulator);
      } finally {
        await simulator.close();
        if (!apbridge.dataDir) rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  host: async ({ page, simulator, apbridge }, use) => {
    let loggedIn = false;
    const host: Host = {
      url: simulator.productUrl,
      page,
      async login(user, next = '/') {
        await page.goto(`${simulator.productUrl}/login?user=${encodeURIComponent(user)}&next=${encodeURIComponent(next)}`);
        if (new URL(page.url()).pathname === '/login') throw new Error(`apbridge/testing: no user "${user}" (try admin or alice)`);
        loggedIn = true;
      },
      async open(moduleKey, options = {}) {
        const where = simulator.locate(moduleKey, options.app);
        if (!where) throw new Error(`apbridge/testing: no installed module "${moduleKey}" renders without a click; go to its page, click, then use host.frame("${moduleKey}")`);
        if (loggedIn) await page.goto(simulator.productUrl + where.path);
        else await host.login(apbridge.user ?? 'admin', where.path);
        return appFrame(page, `iframe[data-apb-app="${where.app}"][data-apb-module="${moduleKey}"]`, `module ${moduleKey}`);
      },
      frame: (moduleKey) => appFrame(page, `iframe[data-apb-module="${moduleKey}"]`, `module ${moduleKey}`),
      flags: () => page.locator('.apb-notice[data-kind="flag"]'),
      async dialog() {
        const locator = page.locator('dialog.apb-dialog[open]').last();
        await locator.waitFor();
        return { ...(await appFrame(page, 'dialog.apb-dialog[open] iframe', 'the dialog')), locator };
      },
      inspector: {
        calls: async (filter = {}) => {
          const entries = await page.evaluate(() => (window as { apInspector?: { entries(): InspectedCall[] } }).apInspector?.entries() ?? []);
          return entries.filter((e) => (!filter.app || e.app === filter.app) && (!filter.module || e.module === filter.module) && (!filter.method || e.method === filter.method));
        },
      },
    };
    await use(host);
  },
});

export { expect } from '@playwright/test';
