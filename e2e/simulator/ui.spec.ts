import { appFrame, expect, test } from './fixture.js';

// Screenshots go to e2e/artifacts/ (git-ignored) so a person can look at what users see.
const shot = (name: string) => ({ path: `e2e/artifacts/simulator-${name}.png`, fullPage: false });

test.describe('host simulator: product UI', () => {
  test.use({ viewport: { width: 1360, height: 860 } });

  test('issue page with the app panel and the inspector open', async ({ page, login }) => {
    await login('admin', '/browse/DEMO-1');
    const frame = await appFrame(page, 'sample-panel');
    await expect(frame.getByTestId('panel-summary')).toHaveText('Checkout page times out under load');
    await page.locator('#inspector-toggle').click();
    await expect(page.locator('#inspector')).toBeVisible();
    await expect(page.getByTestId('inspector-row').first()).toBeVisible();
    // A forged hello for the panel's channel from a window that is not its iframe is refused and listed.
    await page.evaluate(() => {
      const view = (window as unknown as { apHost: { views(): { id: string }[] } }).apHost.views()[0]!;
      const { port2 } = new MessageChannel();
      window.postMessage({ apb: 1, type: 'hello', channel: view.id, version: 1 }, location.origin, [port2]);
    });
    await expect(page.locator('tr.refused').first()).toContainText('WRONG_SOURCE');
    await expect(page.locator('tr.refused').first()).toContainText('acme-sample');
    await page.screenshot(shot('issue-panel-inspector'));
  });

  test('dialog opened by the app, with custom data, closing back to the opener', async ({ page, login }) => {
    await login('admin', '/plugins/servlet/ac/acme-sample/sample-page');
    const frame = await appFrame(page, 'sample-page');
    await frame.getByRole('button', { name: 'Open dialog' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    const dialogFrame = await appFrame(page, 'sample-dialog');
    await expect(dialogFrame.getByTestId('dialog-custom')).toHaveText('{"issueKey":"DEMO-1","from":"page"}');
    await page.screenshot(shot('dialog'));
    // AP.events: the dialog's emit reaches the page of the same app.
    await dialogFrame.getByRole('button', { name: 'Emit sample.ping' }).click();
    await expect(frame.getByTestId('out-events')).toHaveText('received sample.ping from dialog');
    await dialogFrame.getByLabel('Priority').selectOption('High');
    await dialogFrame.getByRole('button', { name: 'Choose and close' }).click();
    await expect(dialog).toBeHidden();
    await expect(frame.getByTestId('out-dialog')).toHaveText('dialog closed with {"priority":"High"}');
  });

  test('flags and messages from the app, rendered as text', async ({ page, login }) => {
    await login('admin', '/plugins/servlet/ac/acme-sample/sample-page');
    const frame = await appFrame(page, 'sample-page');
    await frame.getByRole('button', { name: 'Show a flag' }).click();
    await expect(frame.getByTestId('out-flag')).toContainText('flag shown');
    await expect(page.getByText('Saved <b>not bold</b>: app text stays text.')).toBeVisible();
    await frame.getByRole('button', { name: 'Show a message' }).click();
    await expect(page.getByText('A message from the app.')).toBeVisible();
    await page.locator('#inspector-toggle').click();
    await page.screenshot(shot('flags-inspector'));
  });
});
