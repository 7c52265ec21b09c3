import { readFile } from 'node:fs/promises';
import { appFrame, expect, test } from './fixture.js';

test('the inspector shows arguments and results with secrets redacted; filters, pause, clear and export', async ({ page, login }) => {
  await login('admin', '/plugins/servlet/ac/acme-sample/sample-page');
  const frame = await appFrame(page, 'sample-page');
  await frame.getByRole('button', { name: 'Save, read, erase' }).click();
  await expect(frame.getByTestId('out-cookie')).toContainText('saved and read back');
  await frame.getByRole('button', { name: 'Get context + token' }).click();
  await expect(frame.getByTestId('out-context')).toContainText('token verified');

  await page.locator('#inspector-toggle').click();
  const inspector = page.getByRole('region', { name: 'Bridge inspector' });
  await inspector.getByLabel('Module').selectOption('cookie');
  const rows = inspector.getByTestId('inspector-row');
  await expect(rows.first()).toContainText('cookie');
  for (const text of await rows.allTextContents()) expect(text).toContain('cookie');
  const save = rows.filter({ hasText: 'save' }).first();
  await save.getByText('details').click();
  await expect(save).toContainText('«redacted»');
  // The sample app saves 'v' + Date.now(): that value must not be shown.
  await expect(save).not.toContainText(/v\d{13}/);

  await inspector.getByLabel('Module').selectOption('context');
  const token = rows.filter({ hasText: 'getToken' }).first();
  await token.getByText('details').click();
  await expect(token).toContainText('result: "«redacted»"');
  await page.screenshot({ path: 'e2e/artifacts/simulator-inspector.png' });

  await inspector.getByLabel('Module').selectOption('');
  const before = await rows.count();
  await inspector.getByRole('button', { name: 'Pause' }).click();
  await expect(inspector.getByRole('button', { name: 'Resume' })).toHaveAttribute('aria-pressed', 'true');
  await frame.getByRole('button', { name: 'Who am I?' }).click();
  await expect(frame.getByTestId('out-user')).toContainText('accountId');
  expect(await rows.count()).toBe(before);
  await inspector.getByRole('button', { name: 'Resume' }).click();

  const download = page.waitForEvent('download');
  await inspector.getByRole('button', { name: 'Export JSON' }).click();
  const exported = JSON.parse(await readFile(await (await download).path(), 'utf8')) as { module: string; args?: unknown; result?: unknown }[];
  expect(exported.length).toBe(before);
  expect(exported.some((entry) => entry.module === 'context')).toBe(true);
  expect(JSON.stringify(exported)).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);

  await inspector.getByRole('button', { name: 'Clear' }).click();
  await expect(rows).toHaveCount(0);
  await expect(page.locator('#inspector-count')).toHaveText('0');
});
