import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startSim, stopSim, test } from './fixture.js';

test('installations, shared secrets and issues survive a restart of the simulator', async ({ request }, testInfo) => {
  // Two simulator start-ups (each a process boot plus an install round trip) on a loaded machine.
  test.slow();
  const dataDir = mkdtempSync(join(tmpdir(), 'apb-sim-restart-'));
  const port = Number(process.env.E2E_SIM_PORT ?? 4300) + 90 + 2 * testInfo.parallelIndex;
  try {
    let { sim, child } = await startSim(port, dataDir);
    await request.get(`${sim.productUrl}/login?user=admin`);
    const created = await request.post(`${sim.productUrl}/rest/api/3/issue`, {
      data: { fields: { project: { key: 'DEMO' }, summary: 'Survives restarts' } },
    });
    expect(created.status()).toBe(201);
    const { key } = (await created.json()) as { key: string };
    await stopSim(child);

    ({ sim, child } = await startSim(port, dataDir));
    try {
      const issue = await request.get(`${sim.productUrl}/rest/api/3/issue/${key}`);
      expect((await issue.json()).fields.summary).toBe('Survives restarts');
      // The session cookie is still valid (its signing secret is in the data dir), and the app installed.
      const admin = await request.get(`${sim.productUrl}/admin/apps`);
      expect(await admin.text()).toContain('data-app="acme-sample"');
    } finally {
      await stopSim(child);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
