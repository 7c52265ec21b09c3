import type { Frame, Page } from '@playwright/test';
import { appFrame, expect, test } from './fixture.js';

// Acme Code (Bitbucket Cloud) under /bitbucket, with the Bitbucket sample app (the shape of
// atlassian-connect-express's Bitbucket template) installed at start: each place it renders is
// opened, and its iframe, context parameters and JWT (verified by the app's server) checked.
const shot = (name: string) => ({ path: `e2e/artifacts/simulator-${name}.png`, fullPage: false });
const UUID = /^\{[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}\}$/;
const CLIENT_KEY = /^ari:cloud:bitbucket::app\/\{[0-9a-f-]+\}\/acme-code-sample$/;

async function codeFrame(page: Page, moduleKey: string, params: Record<string, string | RegExp>): Promise<Frame> {
  const frame = await appFrame(page, moduleKey);
  // The app renders only after verifying the iframe URL's JWT: iss = the clientKey, sub = the user's uuid, qsh.
  await expect(frame.getByTestId('jwt-iss')).toHaveText(CLIENT_KEY);
  await expect(frame.getByTestId('jwt-sub')).toHaveText(UUID);
  for (const [name, value] of Object.entries(params)) await expect(frame.locator(`dd[data-param="${name}"]`)).toHaveText(value);
  return frame;
}

test.describe('host simulator: Acme Code (Bitbucket Cloud)', () => {
  test.describe.configure({ timeout: 120_000 });
  test.use({ viewport: { width: 1360, height: 900 } });

  test('repository overview with the web panel; the repo page calls the user API and keeps a cookie', async ({ page, login }) => {
    await login('admin', '/bitbucket/demo/hello');
    await expect(page.getByRole('heading', { name: 'demo/hello', level: 1 })).toBeVisible();
    await expect(page.getByTestId('file-list')).toContainText('README.md');
    const panel = await codeFrame(page, 'example-web-panel', { repoPath: 'demo/hello', repoUuid: UUID, userUuid: UUID });
    const sub = await panel.getByTestId('jwt-sub').textContent();
    expect(await panel.locator('dd[data-param="userUuid"]').textContent()).toBe(sub);
    await page.screenshot(shot('bitbucket-overview'));

    await page.getByRole('complementary', { name: 'Repository' }).getByRole('link', { name: 'Example Page' }).click();
    await expect(page).toHaveURL(/\/bitbucket\/demo\/hello\/addon\/acme-code-sample\/example-repo-page$/);
    let frame = await codeFrame(page, 'example-repo-page', { repoPath: 'demo/hello', repoUuid: UUID, userUuid: sub! });
    await expect(frame.getByTestId('user-greeting')).toHaveText('Hello, Ada Admin (admin)');
    // One counter per app (AP.cookie is per app): the web panel counted the overview visit.
    await expect(frame.getByTestId('visits')).toHaveText('Visits (AP.cookie): 2');
    await expect(frame.getByTestId('lifecycle')).toContainText(/installed workspace \{[0-9a-f-]+\} by \{[0-9a-f-]+\}/);
    await page.screenshot(shot('bitbucket-repo-page'));
    await page.reload();
    frame = await codeFrame(page, 'example-repo-page', {});
    await expect(frame.getByTestId('visits')).toHaveText('Visits (AP.cookie): 3');

    // Another user: their own uuid in the JWT and the URL.
    await login('alice', '/bitbucket/demo/hello/addon/acme-code-sample/example-repo-page');
    frame = await codeFrame(page, 'example-repo-page', { repoPath: 'demo/hello' });
    await expect(frame.getByTestId('user-greeting')).toHaveText('Hello, Alice Doe (alice)');
    expect(await frame.getByTestId('jwt-sub').textContent()).not.toBe(sub);
  });

  test('web item and file view with their context; a changed URL fails the JWT check', async ({ page, login, sim }) => {
    await login('admin', '/bitbucket/demo/hello');
    await page.getByRole('complementary', { name: 'Repository' }).getByRole('link', { name: 'Example Web Item' }).click();
    const item = await codeFrame(page, 'example-web-item', { repoPath: 'demo/hello' });
    const src = await page.locator('iframe[data-apb-module="example-web-item"]').getAttribute('src');
    expect(src).toContain(`xdm_e=${encodeURIComponent(sim.productUrl)}`);
    // The JWT's qsh covers the query: the same URL with another repoPath is refused by the app.
    const tampered = await page.request.get(src!.replace('repoPath=demo%2Fhello', 'repoPath=other%2Frepo'));
    expect(tampered.status()).toBe(401);
    expect(item).toBeTruthy();

    await page.goto(`${sim.productUrl}/bitbucket/demo/hello`);
    await page.getByTestId('file-list').getByRole('link', { name: 'README.md' }).click();
    await expect(page.getByTestId('file-content')).toContainText('# hello');
    const commit = /\/src\/([0-9a-f]{7})\/README\.md$/.exec(page.url())![1]!;
    await page.getByRole('navigation', { name: 'View with' }).getByRole('link', { name: 'Line counter' }).click();
    const view = await codeFrame(page, 'example-file-view', { path: 'README.md', repoPath: 'demo/hello' });
    await expect(view.locator('dd[data-param="commit"]')).toHaveText(new RegExp(`^${commit}[0-9a-f]{33}$`));
    // The app reads the file through AP.request and Bitbucket's /2.0 src API.
    await expect(view.getByTestId('file-summary')).toHaveText(/^README\.md: \d+ non-empty lines$/);
  });

  test('REST: 2.0 user, repository and src through AP.request with scopes; the app server calls with its JWT', async ({ page, login, sim }) => {
    await login('admin', '/bitbucket/demo/hello/addon/acme-code-sample/example-repo-page');
    const frame = await codeFrame(page, 'example-repo-page', {});
    const result = await frame.evaluate(async () => {
      const AP = (window as unknown as { AP: { request(url: string): Promise<{ body: string }>; context: { getToken(): Promise<string> } } }).AP;
      const user = JSON.parse((await AP.request('/2.0/user')).body) as { uuid: string; username: string };
      const repo = JSON.parse((await AP.request('/2.0/repositories/demo/hello')).body) as { full_name: string; uuid: string };
      const file = (await AP.request('/2.0/repositories/demo/hello/src/main/src/hello.js')).body;
      const token = await AP.context.getToken();
      const base = document.body.dataset.base!;
      const fromServer = (await (await fetch(`${base}/api/repository`, { headers: { authorization: `JWT ${token}` } })).json()) as { full_name: string };
      return { user, repo, file, fromServer };
    });
    expect(result.user.username).toBe('admin');
    expect(result.user.uuid).toMatch(UUID);
    expect(result.repo.full_name).toBe('demo/hello');
    expect(result.file).toContain('export function hello');
    expect(result.fromServer.full_name).toBe('demo/hello');
    // Without the bridge's app identity and outside an app's scopes.
    expect((await page.request.get(`${sim.productUrl}/bitbucket/2.0/user`, { headers: { 'AP-Client-Key': 'nobody' } })).status()).toBe(403);
    expect((await page.request.get(`${sim.productUrl}/bitbucket/2.0/repositories/demo/hello/src/main/nope.txt`)).status()).toBe(404);
  });

  test('a push fires repo:push, signed; the app logs it and shows it; install and re-install are recorded', async ({ page, login, sim }) => {
    await login('admin', '/bitbucket/demo/hello');
    const message = `Push ${Date.now()}`;
    const form = page.getByRole('form', { name: 'Commit a change' });
    await form.getByLabel('Message').fill(message);
    await form.getByRole('button', { name: 'Commit and push' }).click();
    await expect(page.getByTestId('commit-list')).toContainText(message);

    await page.goto(`${sim.productUrl}/bitbucket/demo/hello/addon/acme-code-sample/example-repo-page`);
    const frame = await codeFrame(page, 'example-repo-page', {});
    await expect(frame.getByTestId('webhooks')).toContainText(new RegExp(`repo:push [0-9a-f]{7} ${message} \\(verified\\)`));

    await page.goto(`${sim.productUrl}/bitbucket/admin/apps`);
    await expect(page.getByTestId('code-deliveries')).toContainText('repo:push');
    await expect(page.locator('tr[data-app="acme-code-sample"]')).toContainText('repoPages, webPanels, webItems, fileViews, webhooks');
    await page.getByRole('form', { name: 'Install an app' }).getByRole('button', { name: 'Install' }).click();
    await expect(page.getByTestId('code-flash')).toHaveText('Installed acme-code-sample.');
    await page.goto(`${sim.productUrl}/bitbucket/demo/hello/addon/acme-code-sample/example-repo-page`);
    const again = await codeFrame(page, 'example-repo-page', {});
    await expect(again.getByTestId('lifecycle')).toContainText('(signed re-install verified)');
  });
});
