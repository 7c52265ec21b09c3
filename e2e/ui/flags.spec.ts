import { expect, test } from '@playwright/test';
import { ARTIFACTS, log, openUiHost, panel, type AppWin, type Win } from './ui.js';

test.beforeEach(async ({ page }) => openUiHost(page));

const flags = (page: import('@playwright/test').Page) => page.locator('.apb-notice[data-kind="flag"]');

test('a stack of flags from two apps: literal text, app named, live region, events to the creator only; screenshot', async ({ page }) => {
  const a = await panel(page);
  const sibling = await panel(page);
  const b = await panel(page, 'app-b');
  await a.frame.evaluate(() => {
    const AP = (window as unknown as AppWin).AP;
    AP.flag.create({ title: 'Release 2.4 planned', body: 'Seven issues were moved into the release.', type: 'success', actions: { undo: 'Undo', open: 'Open release' } });
    AP.flag.create({ title: 'Capacity is tight', body: 'The team is at 96% for this sprint.', type: 'warning' });
    AP.flag.create({ title: 'Sync finished', body: 'Planner is up to date with Jira.', type: 'info', close: 'manual' });
  });
  await b.frame.evaluate(() => {
    (window as unknown as AppWin).AP.flag.create({ title: '<img src=x onerror="top.pwned=1">Export failed', body: '<script>top.pwned=2</script>Try again later.', type: 'error' });
  });
  await expect(flags(page)).toHaveCount(4);
  await expect(page.locator('.apb-notices')).toHaveAttribute('aria-live', 'polite');
  const error = flags(page).filter({ hasText: 'Export failed' });
  await expect(error).toHaveAttribute('role', 'alert');
  await expect(error.locator('.apb-notice-title')).toHaveText('<img src=x onerror="top.pwned=1">Export failed');
  await expect(error.locator('.apb-notice-app')).toHaveText('From Other App');
  expect(await error.locator('img, script').count()).toBe(0);
  await expect(flags(page).first().locator('.apb-notice-app')).toHaveText('From Acme Planner');
  await page.screenshot({ path: `${ARTIFACTS}/flags-stack.png` });
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

  await flags(page).first().getByRole('button', { name: 'Undo' }).click();
  await flags(page).first().getByRole('button', { name: /Dismiss/ }).click();
  await expect(flags(page)).toHaveCount(3);
  await expect.poll(() => log(a.frame)).toEqual([
    ['flag.action', { flagIdentifier: expect.any(String), actionIdentifier: 'undo' }],
    ['flag.close', { flagIdentifier: expect.any(String) }],
  ]);
  expect(await log(sibling.frame)).toEqual([]);
  expect(await log(b.frame)).toEqual([]);
});

test('flag.close() from the app, auto close, and the per-app cap (the oldest closes)', async ({ page }) => {
  const a = await panel(page);
  await page.clock.install();
  const closed = await a.frame.evaluate(async () => {
    const AP = (window as unknown as AppWin).AP;
    const flag = AP.flag.create({ title: 'Closing' });
    await new Promise((r) => setTimeout(r, 50));
    return flag.close();
  });
  expect(closed).toBe(true);
  await expect(flags(page)).toHaveCount(0);
  await a.frame.evaluate(() => (window as unknown as AppWin).AP.flag.create({ title: 'Auto', close: 'auto' }));
  await expect(flags(page)).toHaveCount(1);
  await page.clock.runFor(8100);
  await expect(flags(page)).toHaveCount(0);
  await a.frame.evaluate(() => {
    for (let i = 0; i < 7; i++) (window as unknown as AppWin).AP.flag.create({ title: `Flag ${i}` });
  });
  // Over the cap the newest flag is shown and the app's oldest closed: every create succeeds.
  await expect.poll(() => page.evaluate(() => (window as unknown as Win).calls.filter((c) => c.module === 'flag' && c.method === 'create').map((c) => c.outcome))).toEqual(
    Array(9).fill('ok'),
  );
  await expect(flags(page)).toHaveCount(5);
  await expect(flags(page).filter({ hasText: 'Flag 6' })).toHaveCount(1);
  await expect(flags(page).filter({ hasText: 'Flag 1' })).toHaveCount(0);
});

test('messages: every type, clear, onClose, closeable and fadeout', async ({ page }) => {
  const a = await panel(page);
  await page.clock.install();
  await a.frame.evaluate(() => {
    const AP = (window as unknown as AppWin).AP;
    const w = window as unknown as AppWin & { handles: unknown[] };
    w.handles = [AP.messages.info('Info', 'i'), AP.messages.success('Success', 's'), AP.messages.warning('Warning', 'w', { closeable: false })];
    AP.messages.onClose(w.handles[0], (m: { _id: string }) => w.log.push(['onClose', typeof m._id]));
    AP.messages.hint('Fading hint', 'goes away', { fadeout: true, delay: 2000 });
  });
  const messages = page.locator('.apb-notice[data-kind="message"]');
  await expect(messages).toHaveCount(4);
  await expect(messages.filter({ hasText: 'Warning' }).getByRole('button')).toHaveCount(0);
  await page.clock.runFor(2100);
  await expect(messages).toHaveCount(3);
  await a.frame.evaluate(() => {
    const w = window as unknown as AppWin & { handles: unknown[] };
    return w.AP.messages.clear(w.handles[0]);
  });
  await expect(messages).toHaveCount(2);
  await expect.poll(() => log(a.frame)).toContainEqual(['onClose', 'string']);
  await a.frame.evaluate(() => {
    const AP = (window as unknown as AppWin).AP;
    AP.messages.error('Error <b>x</b>', 'e');
    AP.messages.generic('Generic', 'g');
  });
  await expect(messages).toHaveCount(4);
  await expect(messages.filter({ hasText: 'Error <b>x</b>' })).toHaveAttribute('role', 'alert');
});

test('dark theme: flags and messages; screenshot', async ({ page }) => {
  await openUiHost(page, '?theme=dark');
  const a = await panel(page);
  await a.frame.evaluate(() => {
    const AP = (window as unknown as AppWin).AP;
    AP.flag.create({ title: 'Release 2.4 planned', body: 'Seven issues were moved into the release.', type: 'success', actions: { undo: 'Undo' } });
    AP.messages.error('Sync failed', 'Jira did not answer in time.');
    AP.messages.hint('Tip', 'Drag issues between releases to re-plan.');
  });
  await expect(page.locator('.apb-notice')).toHaveCount(3);
  expect(await page.locator('.apb-notice').first().evaluate((n) => getComputedStyle(n).backgroundColor)).toBe('rgb(40, 46, 51)');
  await page.screenshot({ path: `${ARTIFACTS}/flags-dark.png` });
});
