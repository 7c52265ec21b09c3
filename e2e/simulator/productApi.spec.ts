import type { Frame, Page } from '@playwright/test';
import { appFrame, expect, test } from './fixture.js';

// The product's answers to the Connect JS API (the host options the simulator passes): AP.jira's
// dialogs and issue refresh, dashboard items, history, page titles, scroll position, theming, host
// focus, and AP.dialog / AP.inlineDialog inside web items' dialogs. Every call is made by app code
// in the app's iframe and answered by the product page.
type Win = { AP: Record<string, Record<string, (...args: unknown[]) => unknown>> };
const shot = (name: string) => ({ path: `e2e/artifacts/simulator-${name}.png`, fullPage: false });

/** Runs `AP.<module>.<method>(...args)` in the app's iframe and answers its result or error code. */
function call(frame: Frame, module: string, method: string, ...args: unknown[]): Promise<unknown> {
  return frame.evaluate(
    ([m, f, a]) =>
      Promise.resolve((window as unknown as Win).AP[m as string]![f as string]!(...(a as unknown[]))).then(
        (value) => ({ value }),
        (error: { code?: string; message?: string }) => ({ code: error.code, message: error.message }),
      ),
    [module, method, args] as const,
  );
}

async function samplePage(page: Page, login: (user: 'admin' | 'alice', next?: string) => Promise<void>): Promise<Frame> {
  await login('admin', '/plugins/servlet/ac/acme-sample/sample-page');
  return appFrame(page, 'sample-page');
}

test.describe('host simulator: the product answers the Connect JS API', () => {
  test.describe.configure({ timeout: 120_000 });
  test.use({ viewport: { width: 1360, height: 900 } });

  test('AP.jira.openCreateIssueDialog: the product form (Summary, Create) creates the issue; the callback gets it', async ({ page, login, sim }) => {
    const frame = await samplePage(page, login);
    await frame.getByRole('button', { name: 'Open the create-issue dialog' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create issue' });
    await expect(dialog.getByLabel('Summary')).toHaveValue('From the sample app');
    await expect(dialog.getByLabel('Summary')).toBeFocused();
    // A modal keeps focus: focus moved into the app's iframe behind it comes back (as when the click
    // that opened the dialog has its focus applied late by the app's process).
    await page.evaluate(() => document.querySelector<HTMLIFrameElement>('iframe[data-apb-app]')!.focus());
    await expect(dialog.getByLabel('Summary')).toBeFocused();
    await dialog.getByLabel('Summary').fill('From the sample app, edited');
    await page.screenshot(shot('create-issue'));
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();
    await expect(frame.getByTestId('out-jira')).toHaveText(/^created DEMO-\d+ From the sample app, edited$/);
    const key = (await frame.getByTestId('out-jira').textContent())!.split(' ')[1]!;
    // Created through the product's REST API: the issue exists.
    const issue = await page.request.get(`${sim.productUrl}/rest/api/3/issue/${key}`);
    expect(((await issue.json()) as { fields: { summary: string } }).fields.summary).toBe('From the sample app, edited');

    // Cancelled with Escape: the callback gets no issues.
    await frame.getByRole('button', { name: 'Open the create-issue dialog' }).click();
    await expect(page.getByRole('dialog', { name: 'Create issue' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(frame.getByTestId('out-jira')).toHaveText('cancelled');
  });

  test('AP.jira.openIssueDialog shows the issue; the callback runs when it closes; an unknown key is refused', async ({ page, login }) => {
    const frame = await samplePage(page, login);
    await frame.getByRole('button', { name: 'Show DEMO-1' }).click();
    const dialog = page.getByRole('dialog', { name: 'DEMO-1' });
    await expect(dialog).toContainText('Checkout page times out under load');
    await expect(frame.getByTestId('out-jira')).toHaveText('…');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toBeHidden();
    await expect(frame.getByTestId('out-jira')).toHaveText('issue dialog closed');
    expect(await call(frame, 'jira', 'openIssueDialog', 'NOPE-404')).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  test('AP.jira.refreshIssuePage reloads the issue page with the new data; elsewhere it is NOT_SUPPORTED', async ({ page, login, sim }) => {
    await login('admin', '/browse/DEMO-3');
    const panel = await appFrame(page, 'sample-panel');
    const summary = `Renamed by an app ${Date.now()}`;
    await panel.evaluate((s) => (window as unknown as { AP: { request(o: object): Promise<unknown> } }).AP.request({ url: '/rest/api/3/issue/DEMO-3', type: 'PUT', contentType: 'application/json', data: JSON.stringify({ fields: { summary: s } }) }), summary);
    // Not yet on the page: the product shows what it rendered until it is refreshed.
    await expect(page.getByTestId('issue-summary')).not.toHaveText(summary);
    await Promise.all([page.waitForEvent('load'), panel.evaluate(() => { void (window as unknown as Win).AP.jira!.refreshIssuePage!(); })]);
    await expect(page.getByTestId('issue-summary')).toHaveText(summary);

    await page.goto(`${sim.productUrl}/plugins/servlet/ac/acme-sample/sample-page`);
    const frame = await appFrame(page, 'sample-page');
    expect(await call(frame, 'jira', 'refreshIssuePage')).toEqual({ code: 'NOT_SUPPORTED', message: 'jira.refreshIssuePage is only available on an issue page' });
  });

  test('AP.jira.openDatePicker: a product picker below the app\'s element; onSelect gets the date; Escape dismisses it', async ({ page, login }) => {
    const frame = await samplePage(page, login);
    const open = (showTime: boolean) =>
      frame.evaluate((time) => {
        const w = window as unknown as { AP: { jira: { openDatePicker(o: unknown): Promise<string> } }; picked?: string[] };
        const input = document.createElement('input');
        input.id = 'due';
        input.style.cssText = 'position: absolute; top: 120px; left: 30px';
        document.getElementById('due')?.remove();
        document.body.append(input);
        w.picked = [];
        void w.AP.jira.openDatePicker({ element: input, date: '2026-12-02T09:30:00', showTime: time, onSelect: (iso: string) => w.picked!.push(iso) });
      }, showTime);
    const picked = () => frame.evaluate(() => (window as unknown as { picked: string[] }).picked);

    await open(false);
    const picker = page.getByRole('dialog', { name: 'Pick a date' });
    await expect(picker.getByLabel('Date')).toBeFocused();
    await expect(picker.getByLabel('Date')).toHaveValue('2026-12-02');
    // Drawn below the app's element: the element's bottom in the iframe, plus the iframe's top.
    const frameTop = await page.locator('iframe[data-apb-module="sample-page"]').evaluate((el) => el.getBoundingClientRect().top);
    const pickerTop = await picker.evaluate((el) => el.getBoundingClientRect().top);
    expect(pickerTop).toBeGreaterThan(frameTop + 120);
    await picker.getByLabel('Date').fill('2026-12-24');
    await page.screenshot(shot('date-picker'));
    await picker.getByRole('button', { name: 'Select' }).click();
    await expect(picker).toBeHidden();
    await expect.poll(picked).toEqual(['2026-12-24']);

    await open(true);
    const withTime = page.getByRole('dialog', { name: 'Pick a date and time' });
    await expect(withTime.getByLabel('Date and time')).toHaveValue('2026-12-02T09:30');
    await withTime.getByRole('button', { name: 'Select' }).click();
    await expect.poll(picked).toEqual([expect.stringMatching(/^2026-12-02T09:30[+-]\d\d:\d\d$/)]);

    await open(false);
    await expect(picker).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(picker).toBeHidden();
    expect(await picked()).toEqual([]);
  });

  test('AP.jira.showJQLEditor: a product dialog with the app\'s texts; the callback gets the JQL on submit, not on cancel', async ({ page, login }) => {
    const frame = await samplePage(page, login);
    const open = () =>
      frame.evaluate(() => {
        const w = window as unknown as { AP: { jira: { initJQLEditor(): void; showJQLEditor(cb: (r: { jql: string }) => void, o: unknown): void } }; jql?: string[] };
        w.jql = [];
        w.AP.jira.initJQLEditor();
        w.AP.jira.showJQLEditor((r) => w.jql!.push(r.jql), { jql: 'project = DEMO', header: 'Filter issues', descriptionText: 'Issues shown on the board', submitText: 'Use filter', cancelText: 'Back' });
      });
    const submitted = () => frame.evaluate(() => (window as unknown as { jql: string[] }).jql);
    await open();
    const dialog = page.getByRole('dialog', { name: 'Filter issues' });
    await expect(dialog).toContainText('Issues shown on the board');
    await expect(dialog.getByLabel('JQL')).toBeFocused();
    await expect(dialog.getByLabel('JQL')).toHaveValue('project = DEMO');
    await dialog.getByLabel('JQL').fill('project = DEMO AND status = Done');
    await page.screenshot(shot('jql-editor'));
    await dialog.getByRole('button', { name: 'Use filter' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(submitted).toEqual(['project = DEMO AND status = Done']);

    await open();
    await dialog.getByRole('button', { name: 'Back' }).click();
    await expect(dialog).toBeHidden();
    expect(await submitted()).toEqual([]);
  });

  test('AP.history on a general page: state in the product URL, kept across a reload, back reaches the app as a pop', async ({ page, login }) => {
    let frame = await samplePage(page, login);
    await frame.getByRole('button', { name: 'Push state' }).click();
    await expect(frame.getByTestId('out-history')).toHaveText('state 1');
    await expect(page).toHaveURL(/#!1$/);
    await page.reload();
    frame = await appFrame(page, 'sample-page');
    expect(await call(frame, 'history', 'getState')).toEqual({ value: '1' });
    await frame.getByRole('button', { name: 'Push state' }).click();
    await expect(page).toHaveURL(/#!2$/);
    await page.goBack();
    await expect(page).toHaveURL(/#!1$/);
    await expect(frame.getByTestId('out-history')).toHaveText('popped to "1"');
  });

  test('AP.history, AP.host and AP.page on a project page', async ({ page, login }) => {
    await login('admin', '/projects/DEMO/apps/acme-sample/sample-project-page');
    const frame = await appFrame(page, 'sample-project-page');
    await call(frame, 'history', 'pushState', 'board/7');
    await expect(page).toHaveURL(/\/projects\/DEMO\/apps\/acme-sample\/sample-project-page#!board\/7$/);
    expect(await call(frame, 'history', 'getState')).toEqual({ value: 'board/7' });
    await call(frame, 'page', 'setTitle', 'Board 7');
    await expect(page).toHaveTitle('Board 7 - Acme Tracker');
    await frame.locator('body').click();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
    expect(await call(frame, 'host', 'focus')).toEqual({ value: undefined });
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('IFRAME');
    expect(await call(frame, 'host', 'getSelectedText')).toEqual({ value: '' });
  });

  test('AP.page.setTitle, AP.host and AP.scrollPosition on a general page; not in an issue panel', async ({ page, login, sim }) => {
    const frame = await samplePage(page, login);
    await frame.getByRole('button', { name: 'Set page title' }).click();
    await expect(page).toHaveTitle('Sample title - Acme Tracker');

    await frame.getByRole('button', { name: 'Set page title' }).focus();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
    await call(frame, 'host', 'focus');
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('IFRAME');
    expect(await call(frame, 'host', 'getSelectedText')).toEqual({ value: '' });

    expect(await call(frame, 'scrollPosition', 'getPosition')).toEqual({ value: { scrollX: 0, scrollY: 0, width: 1360, height: 900 } });
    await frame.evaluate(() => (window as unknown as { AP: { resize(w: string, h: string): Promise<void> } }).AP.resize('100%', '3000px'));
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(3000);
    await call(frame, 'scrollPosition', 'setVerticalPosition', 400);
    const iframeTop = await page.locator('iframe[data-apb-module="sample-page"]').evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(Math.round(iframeTop + 400));
    expect(await call(frame, 'scrollPosition', 'getPosition')).toMatchObject({ value: { scrollY: Math.round(iframeTop + 400) } });

    await page.goto(`${sim.productUrl}/browse/DEMO-1`);
    const panel = await appFrame(page, 'sample-panel');
    expect(await call(panel, 'scrollPosition', 'getPosition')).toMatchObject({ code: 'NOT_SUPPORTED' });
    expect(await call(panel, 'page', 'setTitle', 'x')).toMatchObject({ code: 'NOT_SUPPORTED' });
    // Dashboard item methods (answered on the dashboard: modules.spec) have no item to act on here.
    expect(await call(panel, 'jira', 'isDashboardItemEditable')).toMatchObject({ code: 'NOT_SUPPORTED' });
    expect(await call(panel, 'jira', 'setDashboardItemTitle', 'x')).toMatchObject({ code: 'NOT_SUPPORTED' });
  });

  test('theming: the header switch sends the theme to apps that initialised theming, and it stays after a reload', async ({ page, login }) => {
    let frame = await samplePage(page, login);
    const html = (f: Frame) => f.locator('html');
    await expect(html(frame)).toHaveAttribute('data-color-mode', 'light');
    await expect(html(frame)).toHaveAttribute('data-theme', /dark:dark/);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-color-mode', 'dark');
    await expect(html(frame)).toHaveAttribute('data-color-mode', 'dark');
    await page.screenshot(shot('dark-theme'));
    await page.reload();
    frame = await appFrame(page, 'sample-page');
    await expect(html(frame)).toHaveAttribute('data-color-mode', 'dark');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect(html(frame)).toHaveAttribute('data-color-mode', 'light');
  });

  test("product dialogs are modal: the topmost keeps focus and takes Escape, one opened from an app's dialog included", async ({ page, login }) => {
    await login('admin', '/browse/DEMO-1');
    const opener = page.getByTestId('issue-ops').getByRole('button', { name: 'Sample action' });
    await opener.click();
    const outer = page.getByRole('dialog', { name: 'Sample action' });
    const frame = await appFrame(page, 'sample-action');
    await expect(outer.getByRole('button', { name: 'Close' })).toBeFocused();
    // Focus that lands behind the dialog (a link of the page) goes back into it.
    await page.locator('aside.sidebar a').first().focus();
    await expect(outer.getByRole('button', { name: 'Close' })).toBeFocused();

    // The app in it opens the product's create-issue dialog on top: that one keeps focus now, also
    // against focus moved into the dialog below it, and Escape closes only it.
    await frame.evaluate(() => { void (window as unknown as Win).AP.jira!.openCreateIssueDialog!(() => {}, { fields: { summary: 'Nested' } }); });
    const inner = page.getByRole('dialog', { name: 'Create issue' });
    await expect(inner.getByLabel('Summary')).toBeFocused();
    await outer.getByRole('button', { name: 'Close' }).focus();
    await expect(inner.getByLabel('Summary')).toBeFocused();
    await page.screenshot(shot('nested-dialogs'));
    await page.keyboard.press('Escape');
    await expect(inner).toBeHidden();
    await expect(outer).toBeVisible();
    await page.locator('aside.sidebar a').first().focus();
    await expect(outer.locator(':focus')).toHaveCount(1);

    // A dialog the host draws for the app (AP.dialog.create) is above the product's: it keeps its own
    // focus and Escape, and the product dialog below stays open.
    await frame.evaluate(() => { void (window as unknown as Win).AP.dialog!.create!({ key: 'sample-dialog' }); });
    const hostDialog = page.getByRole('dialog', { name: 'Set a priority' });
    await expect(hostDialog).toBeVisible();
    await hostDialog.getByRole('button', { name: 'Cancel' }).focus();
    await expect(hostDialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(hostDialog).toBeHidden();
    await expect(outer).toBeVisible();

    await page.keyboard.press('Escape');
    await expect(outer).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test("a web item's dialog answers AP.dialog.getCustomData and AP.dialog.close; an inline dialog AP.inlineDialog.hide", async ({ page, login }) => {
    await login('admin', '/browse/DEMO-1');
    await page.getByTestId('issue-ops').getByRole('button', { name: 'Sample action' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sample action' });
    const frame = await appFrame(page, 'sample-action');
    await expect(frame.getByTestId('out-dialog-data')).toHaveText('custom data: null');
    // dispatchEvent: a Playwright click waits on a frame that its own click removes.
    await frame.getByRole('button', { name: 'Done' }).dispatchEvent('click');
    await expect(dialog).toBeHidden();
    await expect(page.locator('iframe[data-apb-module="sample-action"]')).toHaveCount(0);
    // Focus goes back to the web item that opened it.
    await expect(page.getByTestId('issue-ops').getByRole('button', { name: 'Sample action' })).toBeFocused();

    await page.getByTestId('issue-actions').getByText('•••').click();
    await page.getByRole('group', { name: 'Issue actions' }).getByRole('button', { name: 'Sample inline' }).click();
    const inline = await appFrame(page, 'sample-inline');
    await expect(page.getByRole('dialog', { name: 'Sample inline' })).toBeVisible();
    expect(await call(inline, 'inlineDialog', 'hide')).toEqual({ value: undefined });
    await expect(page.getByRole('dialog', { name: 'Sample inline' })).toHaveCount(0);
  });
});
