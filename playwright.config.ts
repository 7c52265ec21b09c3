import { defineConfig } from '@playwright/test';
import type { Engine } from './e2e/driver/driver.js';
import { chromiumLaunchOptions } from './chromium.mjs';
import { firefoxLaunchOptions } from './e2e/driver/launch.js';

/** Specs written against e2e/driver, which WebKit runs too. */
// core/api.spec.ts drives Playwright's page directly (history across a host reload, emulated themes): Chromium and Firefox only.
const webkitSpecs = ['core/bridge.spec.ts', 'data/context-user.spec.ts', 'data/cookie.spec.ts', 'data/events.spec.ts', 'security/identity.spec.ts', 'ui/status.spec.ts'];

const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig<{ engine: Engine }>({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  // Generous limits: tests wait for conditions, and a loaded 2-core CI machine is slow to reach them.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    baseURL: `http://host.test:${port}`,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions() } },
    { name: 'firefox', testIgnore: 'simulator/**', use: { browserName: 'firefox', engine: 'firefox', launchOptions: firefoxLaunchOptions() } },
    // WebKitGTK over WebDriver: only the specs written against the driver (e2e/driver) run here.
    { name: 'webkit', testMatch: webkitSpecs, use: { engine: 'webkit' } },
  ],
  webServer: {
    command: 'node e2e/server.mjs',
    url: `http://127.0.0.1:${port}/fixtures/host.html`,
    reuseExistingServer: !process.env.CI,
    env: { E2E_PORT: String(port) },
  },
});
