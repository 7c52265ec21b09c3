import { appFrame, expect, test } from './fixture.js';

test.describe('host simulator: product', () => {
  test('a user logs in, switches user, lists issues and opens an issue with the app web panel', async ({ page, login, sim }) => {
    await login('alice', '/projects/DEMO/issues');
    await expect(page.getByTestId('issue-list')).toContainText('DEMO-1');
    await expect(page.getByTestId('issue-list')).toContainText('DEMO-3');
    await page.getByTestId('user-switcher').locator('summary').click();
    await expect(page.getByTestId('user-switcher')).toContainText('Logged in as Alice Doe');
    await page.getByTestId('user-switcher').getByRole('link', { name: /Ada Admin/ }).click();
    await expect(page.getByTestId('user-switcher').locator('summary')).toHaveAttribute('aria-label', /Ada Admin/);

    await page.goto(`${sim.productUrl}/browse/DEMO-1`);
    await expect(page.getByTestId('issue-summary')).toHaveText('Checkout page times out under load');
    const panel = page.getByTestId('web-panel');
    await expect(panel).toHaveAttribute('data-app', 'acme-sample');
    const frame = await appFrame(page, 'sample-panel');
    // The panel reads its issue from AP.context and the summary through AP.request, as the user.
    await expect(frame.getByTestId('panel-issue')).toHaveText('DEMO-1');
    await expect(frame.getByTestId('panel-summary')).toHaveText('Checkout page times out under load');
  });

  test('pages need a login, and the admin pages need the admin', async ({ page, login, sim }) => {
    await page.goto(`${sim.productUrl}/browse/DEMO-2`);
    await expect(page).toHaveURL(/\/login\?next=/);
    await expect(page.getByRole('heading', { name: 'Choose who you are' })).toBeVisible();
    await login('alice', '/admin/apps');
    await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  });

  test('the REST API answers as the session user, refuses unknown apps and bad app JWTs', async ({ request, sim }) => {
    await request.get(`${sim.productUrl}/login?user=alice`);
    const me = await request.get(`${sim.productUrl}/rest/api/3/myself`);
    expect((await me.json()).displayName).toBe('Alice Doe');
    const unknown = await request.get(`${sim.productUrl}/rest/api/3/myself`, { headers: { 'AP-Client-Key': 'not-installed' } });
    expect(unknown.status()).toBe(403);
    expect((await unknown.json()).code).toBe('APP_NOT_ENABLED');
    const forged = await request.get(`${sim.productUrl}/rest/api/3/myself`, { headers: { authorization: 'JWT abc.def.ghi' } });
    expect(forged.status()).toBe(401);
    const pem = await request.get(`${sim.productUrl}/connect-keys/nope`);
    expect(pem.status()).toBe(404);
  });

  test('the product cannot be framed by other sites; the sample app only by the product', async ({ request, sim }) => {
    const product = await request.get(`${sim.productUrl}/login`);
    expect(product.headers()['content-security-policy']).toBe("frame-ancestors 'self'");
    const app = await request.get(`${sim.appUrl}/atlassian-connect.json`);
    expect(app.headers()['content-security-policy']).toBe(`frame-ancestors ${sim.productUrl}`);
  });

  test('all.js is served at the Connect path and loadable from any origin', async ({ request, sim }) => {
    const response = await request.get(`${sim.productUrl}/atlassian-connect/all.js`);
    expect(response.status()).toBe(200);
    expect(response.headers()['access-control-allow-origin']).toBe('*');
    expect(response.headers()['content-type']).toContain('javascript');
  });
});
