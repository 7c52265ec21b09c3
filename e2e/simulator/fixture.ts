import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as base, type Page } from '@playwright/test';

export interface Sim {
  productUrl: string;
  appUrl: string;
  dataDir: string;
}

/** Starts `demo/start.ts` as `npm start` would (minus the build), and resolves once it prints its URLs. */
export async function startSim(port: number, dataDir: string): Promise<{ sim: Sim; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/start.ts', '--port', String(port), '--app-port', String(port + 1), '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, APB_APPS: '' },
  });
  let output = '';
  const started = new Promise<void>((resolve, reject) => {
    // Generous: on a loaded CI machine tsx compiling the simulator can take tens of seconds.
    const timer = setTimeout(() => reject(new Error(`simulator did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Log in:')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`simulator exited with ${code}:\n${output}`));
    });
  });
  try {
    await started;
    if (output.includes('Could not install')) throw new Error(output);
  } catch (error) {
    // A simulator left running would hold its ports, failing the retry with EADDRINUSE.
    await stopSim(child);
    throw error;
  }
  return { sim: { productUrl: `http://127.0.0.1:${port}`, appUrl: `http://localhost:${port + 1}`, dataDir }, child };
}

export function stopSim(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * One simulator per worker, on ports 4300+ (two per worker; `E2E_SIM_PORT` moves the base), with a fresh data directory, so
 * parallel workers never share installs or issues.
 */
export const test = base.extend<{ login: (user: 'admin' | 'alice', next?: string) => Promise<void> }, { sim: Sim }>({
  sim: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
    async ({}, use, workerInfo) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'apb-sim-'));
      const base = Number(process.env.E2E_SIM_PORT ?? 4300) + 10 * workerInfo.parallelIndex;
      // A simulator of a worker that was torn down abruptly may still hold this worker's ports for a
      // moment: move to another block rather than fail every test of the new worker.
      let started: Awaited<ReturnType<typeof startSim>> | undefined;
      for (let attempt = 0; !started; attempt++) {
        try {
          started = await startSim(base + 1000 * attempt, dataDir);
        } catch (error) {
          if (attempt >= 4 || !String(error).includes('EADDRINUSE')) throw error;
        }
      }
      const { sim, child } = started;
      await use(sim);
      await stopSim(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  login: async ({ page, sim }, use) => {
    await use(async (user, next = '/') => {
      await page.goto(`${sim.productUrl}/login?user=${user}&next=${encodeURIComponent(next)}`);
    });
  },
});

export { expect } from '@playwright/test';

/** The app iframe of `moduleKey` on the page, once its plugin has loaded. */
export async function appFrame(page: Page, moduleKey: string, state: 'visible' | 'attached' = 'visible') {
  const handle = await page.waitForSelector(`iframe[data-apb-module="${moduleKey}"]`, { state });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`no frame for ${moduleKey}`);
  await frame.waitForFunction(() => typeof (window as unknown as { AP?: unknown }).AP === 'object');
  return frame;
}

/** Creates an issue with the product's form on the issues page, moves it to `status`, and answers its key. */
export async function createIssueWithStatus(page: Page, productUrl: string, summary: string, status: 'To Do' | 'In Progress' | 'Done'): Promise<string> {
  await page.goto(`${productUrl}/projects/DEMO/issues`);
  await page.getByLabel('Summary').fill(summary);
  await page.getByRole('button', { name: 'Create', exact: true }).last().click();
  await expect(page).toHaveURL(/\/browse\/DEMO-\d+$/);
  const key = page.url().split('/').pop()!;
  await page.getByLabel('Status').selectOption(status);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.status-row')).toContainText(status);
  return key;
}
