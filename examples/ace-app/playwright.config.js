import { defineConfig } from '@playwright/test';

// The app on APP_PORT, the simulator's product on SIM_PORT. The app fetches the simulator's
// install-signing key and all.js from the product, as it would from Atlassian's CDN.
const appPort = Number(process.env.APP_PORT ?? 3000);
const simPort = Number(process.env.SIM_PORT ?? 4000);
const product = `http://127.0.0.1:${simPort}`;

export default defineConfig({
  testDir: 'tests',
  // One simulator, so the app's CONNECT_KEYS_CDN_URL names the only product that installs it.
  workers: 1,
  timeout: 60_000,
  reporter: 'list',
  use: {
    apbridge: { app: `http://localhost:${appPort}/atlassian-connect.json`, port: simPort },
    // Debian's Chromium where there is one (CI), Playwright's own browser elsewhere.
    ...(process.env.CHROMIUM_PATH ? { launchOptions: { executablePath: process.env.CHROMIUM_PATH } } : {}),
  },
  webServer: {
    command: 'node app.js',
    url: `http://localhost:${appPort}/atlassian-connect.json`,
    reuseExistingServer: !process.env.CI,
    env: {
      PORT: String(appPort),
      AC_LOCAL_BASE_URL: `http://localhost:${appPort}`,
      CONNECT_KEYS_CDN_URL: `${product}/connect-keys`,
      AC_HOST_SCRIPT_URL: `${product}/atlassian-connect/all.js`,
    },
  },
});
