// Runs examples/ace-app's own Playwright test (npm test there), on ports beside the e2e suite's:
// the simulator's product on E2E_SIM_PORT + 80, the app on E2E_SIM_PORT + 90 (defaults 4380, 4390).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const base = Number(process.env.E2E_SIM_PORT ?? 4300);
// Debian's Chromium where there is one (as the e2e suite uses), else Playwright's own browser.
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
execFileSync(npm, ['test', '--workspace', 'examples/ace-app'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    SIM_PORT: String(base + 80),
    APP_PORT: String(base + 90),
    ...(chromium ? { CHROMIUM_PATH: chromium } : {}),
  },
});
