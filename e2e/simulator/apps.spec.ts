import { appFrame, createIssueWithStatus, expect, test } from './fixture.js';

test.describe('host simulator: apps', () => {
  test('the sample app general page uses request, cookie, user and context through the bridge', async ({ page, login }) => {
    await login('admin', '/plugins/servlet/ac/acme-sample/sample-page');
    const frame = await appFrame(page, 'sample-page');
    // The app server verified the iframe JWT (sub = the user) before rendering.
    await expect(frame.getByTestId('jwt-sub')).toHaveText('557058:a1b2c3d4-0000-4000-8000-00000000ad01');

    await frame.getByRole('button', { name: 'Load issues' }).click();
    await expect(frame.getByTestId('out-request')).toHaveText(/^\d+ issues: DEMO-1, DEMO-2, DEMO-3/);
    await frame.getByRole('button', { name: 'Create issue' }).click();
    await expect(frame.getByTestId('out-request')).toHaveText(/^created DEMO-\d+$/);
    await frame.getByRole('button', { name: 'Upload + download attachment' }).click();
    await expect(frame.getByTestId('out-request')).toHaveText('uploaded 256 bytes, downloaded 256 bytes, identical');

    await frame.getByRole('button', { name: 'Save, read, erase' }).click();
    await expect(frame.getByTestId('out-cookie')).toHaveText('saved and read back the same value; after erase: undefined');
    await frame.getByRole('button', { name: 'Who am I?' }).click();
    await expect(frame.getByTestId('out-user')).toHaveText('accountId 557058:a1b2c3d4-0000-4000-8000-00000000ad01 · Europe/London · en-GB');
    await frame.getByRole('button', { name: 'Get context + token' }).click();
    await expect(frame.getByTestId('out-context')).toContainText('"project":{"key":"DEMO"');
    await expect(frame.getByTestId('out-context')).toContainText('token verified by the app server for 557058:a1b2c3d4-0000-4000-8000-00000000ad01');

    // The inspector lists those calls with their outcome.
    await page.locator('#inspector-toggle').click();
    const rows = page.getByTestId('inspector-row');
    await expect(rows.filter({ hasText: 'acme-sample' }).filter({ hasText: 'request' }).first()).toContainText('ok');
    await expect(rows.filter({ hasText: 'getToken' }).first()).toContainText('context');
  });

  test('1,000 parallel AP.request calls from one app are all answered (queued per app, not refused)', async ({ page, login }) => {
    // A fixed amount of work (1,000 HTTP round trips through the product): the limit catches a hang,
    // it does not time the machine (under a load of 30 this took over a minute).
    test.setTimeout(300_000);
    await login('admin', '/plugins/servlet/ac/acme-sample/sample-page');
    const frame = await appFrame(page, 'sample-page');
    const statuses = await frame.evaluate(async () => {
      const AP = (window as unknown as { AP: { request(url: string): Promise<{ xhr: { status: number } }> } }).AP;
      const all = Array.from({ length: 1000 }, () => AP.request('/rest/api/3/myself').then((r) => r.xhr.status, (f: { xhr?: { status: number }; err?: { code?: string } }) => f.err?.code ?? f.xhr?.status));
      const counts: Record<string, number> = {};
      for (const status of await Promise.all(all)) counts[String(status)] = (counts[String(status)] ?? 0) + 1;
      return counts;
    });
    expect(statuses).toEqual({ 200: 1000 });
  });

  test('the app server calls the product with its own JWT, and lifecycle callbacks verified', async ({ page, login }) => {
    await login('admin', '/plugins/servlet/ac/acme-sample/sample-page');
    const frame = await appFrame(page, 'sample-page');
    await frame.getByRole('button', { name: /Search from the app server/ }).click();
    await expect(frame.getByTestId('out-server')).toHaveText(/^app server -> product: HTTP 200, \d+ issues \(DEMO-1/);
    await frame.getByRole('button', { name: 'Lifecycle + webhooks received' }).click();
    // RS256 install callback verified with the key fetched from /connect-keys/<kid>; enabled by HS256.
    await expect(frame.getByTestId('out-server')).toContainText('installed verified');
    await expect(frame.getByTestId('out-server')).toContainText('enabled verified');
    await expect(frame.getByTestId('out-server')).not.toContainText('REFUSED');
  });

  test('issue created and updated in the product reach the app as verified webhooks', async ({ page, login, sim }) => {
    await login('alice', '/projects/DEMO/issues');
    const key = await createIssueWithStatus(page, sim.productUrl, 'Webhook probe', 'Done');

    await page.goto(`${sim.productUrl}/plugins/servlet/ac/acme-sample/sample-page`);
    const frame = await appFrame(page, 'sample-page');
    await expect(async () => {
      await frame.getByRole('button', { name: 'Lifecycle + webhooks received' }).click();
      await expect(frame.getByTestId('out-server')).toContainText(`jira:issue_created ${key} verified`, { timeout: 1000 });
      await expect(frame.getByTestId('out-server')).toContainText(`jira:issue_updated ${key} verified`, { timeout: 1000 });
    }).toPass({ timeout: 10_000 });
  });

  test('an admin installs a second app from its descriptor URL; its missing scopes are refused', async ({ page, login, sim }) => {
    await login('admin', '/admin/apps');
    await page.getByTestId('descriptor-url').fill(`${sim.appUrl}/does-not-exist.json`);
    await page.getByRole('button', { name: 'Install', exact: true }).click();
    await expect(page.getByTestId('admin-flash')).toContainText('answered HTTP 404');

    await page.getByTestId('descriptor-url').fill(`${sim.appUrl}/reader/atlassian-connect.json`);
    await page.getByRole('button', { name: 'Install', exact: true }).click();
    await expect(page.getByTestId('admin-flash')).toHaveText('Installed Reader (read-only) (acme-reader).');
    await expect(page.getByTestId('installed-apps').locator('tr[data-app="acme-reader"]')).toContainText('READ');

    await page.getByTestId('app-switcher').locator('summary').click();
    await page.getByTestId('app-switcher').getByRole('link', { name: /Reader/ }).click();
    const frame = await appFrame(page, 'reader-page');
    await frame.getByRole('button', { name: 'Read my profile' }).click();
    await expect(frame.getByTestId('out-reader')).toHaveText('read ok: Ada Admin');
    await frame.getByRole('button', { name: 'Try to create an issue' }).click();
    await expect(frame.getByTestId('out-request')).toContainText('HTTP 403');
    await expect(frame.getByTestId('out-request')).toContainText('needs the WRITE scope for POST /rest/api/3/issue');
  });

  test('a disabled app is not rendered and its bridge requests are refused', async ({ page, login, sim }) => {
    await login('admin', '/admin/apps');
    await page.getByTestId('descriptor-url').fill(`${sim.appUrl}/reader/atlassian-connect.json`);
    await page.getByRole('button', { name: 'Install', exact: true }).click();
    const row = page.getByTestId('installed-apps').locator('tr[data-app="acme-reader"]');
    await row.getByRole('button', { name: 'Disable' }).click();
    await expect(page.getByTestId('installed-apps').locator('tr[data-app="acme-reader"]')).toContainText('Disabled');
    const denied = await page.request.get(`${sim.productUrl}/rest/api/3/myself`, { headers: { 'AP-Client-Key': 'acme-reader' } });
    expect(denied.status()).toBe(403);
    await page.goto(`${sim.productUrl}/plugins/servlet/ac/acme-reader/reader-page`);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.goto(`${sim.productUrl}/admin/apps`);
    await page.getByTestId('installed-apps').locator('tr[data-app="acme-reader"]').getByRole('button', { name: 'Uninstall' }).click();
    await expect(page.getByTestId('installed-apps').locator('tr[data-app="acme-reader"]')).toHaveCount(0);
    await expect(page.getByTestId('deliveries')).toContainText('uninstalled');
  });
});
