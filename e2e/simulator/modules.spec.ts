import type { Frame, Page } from '@playwright/test';
import { appFrame, createIssueWithStatus, expect, test } from './fixture.js';

// One of every module type the sample app declares, opened where the product renders it: each
// iframe is checked for its context parameters, AP.context, and a JWT the app's server verified.
const ADMIN_ID = '557058:a1b2c3d4-0000-4000-8000-00000000ad01';
const ALICE_ID = '557058:a1b2c3d4-0000-4000-8000-0000000a11ce';
const shot = (name: string) => ({ path: `e2e/artifacts/simulator-${name}.png`, fullPage: false });

async function moduleFrame(page: Page, moduleKey: string, params: Record<string, string>, sub = ADMIN_ID, state: 'visible' | 'attached' = 'visible'): Promise<Frame> {
  const frame = await appFrame(page, moduleKey, state);
  // The app answers 401 without rendering when the iframe URL's JWT does not verify (qsh included).
  await expect(frame.getByTestId('jwt-sub')).toHaveText(sub);
  for (const [name, value] of Object.entries(params)) await expect(frame.locator(`dd[data-param="${name}"]`)).toHaveText(value);
  return frame;
}

test.describe('host simulator: Jira module types', () => {
  test.describe.configure({ timeout: 120_000 });
  test.use({ viewport: { width: 1360, height: 900 } });

  test('issue page: web items, actions menu with a web section, dialog and inline dialog targets, glance, content and tab', async ({ page, login }) => {
    await login('admin', '/browse/DEMO-1');
    const ops = page.getByTestId('issue-ops');
    // Conditions: user_is_admin holds for the admin; its inverted twin does not.
    await expect(ops.getByRole('button', { name: 'Admins only action' }).or(ops.getByRole('link', { name: 'Admins only action' }))).toBeVisible();
    await expect(ops.getByText('Non-admins action')).toHaveCount(0);

    await ops.getByRole('button', { name: 'Sample action' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sample action' });
    await expect(dialog).toBeVisible();
    await moduleFrame(page, 'sample-action', { issue: 'DEMO-1' });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.getByTestId('issue-actions').getByText('•••').click();
    const menu = page.getByRole('group', { name: 'Issue actions' });
    await expect(menu).toContainText('Sample App');
    await page.screenshot(shot('issue-actions-menu'));
    await menu.getByRole('button', { name: 'Sample inline' }).click();
    await expect(page.getByRole('dialog', { name: 'Sample inline' })).toBeVisible();
    await moduleFrame(page, 'sample-inline', { issue: 'DEMO-1' });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Sample inline' })).toBeHidden();

    // A web item whose target names a dialog module opens that module.
    await page.getByTestId('issue-actions').getByText('•••').click();
    await menu.getByRole('button', { name: 'Set priority (dialog module)' }).click();
    await expect(page.getByRole('dialog', { name: 'Set a priority' })).toBeVisible();
    await appFrame(page, 'sample-dialog');
    await page.getByRole('dialog', { name: 'Set a priority' }).getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: /Sample glance/ }).click();
    const glance = await moduleFrame(page, 'sample-glance', { issue: 'DEMO-1', issueId: '10001' });
    await expect(glance.getByTestId('module-context')).toContainText('"issue":{"key":"DEMO-1"');
    await page.getByTestId('issue-ops').getByRole('button', { name: 'Sample content' }).click();
    await moduleFrame(page, 'sample-content', { issue: 'DEMO-1', type: 'Bug' });
    await page.getByRole('tab', { name: 'Sample tab' }).click();
    await expect(page.getByRole('tab', { name: 'Sample tab' })).toHaveAttribute('aria-selected', 'true');
    await moduleFrame(page, 'sample-tab', { issue: 'DEMO-1', project: 'DEMO' });
    await page.screenshot(shot('issue-modules'));
  });

  test('conditions with invert, for a user who is not an admin', async ({ page, login }) => {
    await login('alice', '/browse/DEMO-2');
    const ops = page.getByTestId('issue-ops');
    await expect(ops.getByRole('link', { name: 'Non-admins action' })).toBeVisible();
    await expect(ops.getByText('Admins only action')).toHaveCount(0);
    await ops.getByRole('link', { name: 'Non-admins action' }).click();
    // A target-page web item shows its URL full-page, with the issue it was clicked on.
    await expect(page).toHaveURL(/\/plugins\/servlet\/ac\/acme-sample\/sample-user-action\?issue.key=DEMO-2/);
    await moduleFrame(page, 'sample-user-action', { issue: 'DEMO-2' }, ALICE_ID);
  });

  test('top navigation and project sidebar web items, a hidden general page with {ac.*}, project pages', async ({ page, login }) => {
    await login('admin', '/projects/DEMO');
    await page.getByRole('navigation', { name: 'Product' }).getByRole('link', { name: 'Sample top link' }).click();
    await expect(page).toHaveURL(/\/plugins\/servlet\/ac\/acme-sample\/sample-hidden\?ac.from=top$/);
    await moduleFrame(page, 'sample-hidden', { from: 'top', project: 'DEMO' });
    // Hidden (location none): not in the Apps menu.
    await expect(page.getByTestId('app-switcher')).not.toContainText('Sample hidden page');

    const sidebar = page.getByRole('complementary', { name: 'Project' });
    await sidebar.getByRole('link', { name: 'Sample sidebar link' }).click();
    await moduleFrame(page, 'sample-sidebar', { project: 'DEMO' });
    await sidebar.getByRole('link', { name: 'Sample project page' }).click();
    await expect(page).toHaveURL(/\/projects\/DEMO\/apps\/acme-sample\/sample-project-page$/);
    await moduleFrame(page, 'sample-project-page', { project: 'DEMO', projectId: '10000' });
    await sidebar.getByRole('link', { name: 'Sample settings' }).click();
    await expect(page).toHaveURL(/\/projects\/DEMO\/settings\/apps\/acme-sample\/sample-project-settings$/);
    await moduleFrame(page, 'sample-project-settings', { project: 'DEMO' });
  });

  test('admin area: admin page, Configure, and Get started after install; refused to non-admins', async ({ page, login, sim }) => {
    await login('admin', '/admin/apps');
    await page.getByRole('complementary', { name: 'Project' }).getByRole('link', { name: 'Sample admin' }).click();
    await expect(page).toHaveURL(/\/admin\/apps\/acme-sample\/sample-admin$/);
    await moduleFrame(page, 'sample-admin', {});
    await page.goto(`${sim.productUrl}/admin/apps`);
    await page.locator('tr[data-app="acme-sample"]').getByRole('link', { name: 'Configure' }).click();
    await moduleFrame(page, 'sample-configure', {});
    await page.goto(`${sim.productUrl}/admin/apps`);
    await page.locator('tr[data-app="acme-sample"]').getByRole('button', { name: 'Re-install' }).click();
    await page.getByTestId('admin-flash').getByRole('link', { name: 'Get started with Sample App' }).click();
    await moduleFrame(page, 'sample-get-started', {});

    await login('alice', '/admin/apps/acme-sample/sample-admin');
    await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
    await expect(page.locator('iframe')).toHaveCount(0);
    await page.goto(`${sim.productUrl}/projects/DEMO/settings/apps/acme-sample/sample-project-settings`);
    await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  });

  test('dashboard: an item with its dashboard context, edit mode, and a title that stays', async ({ page, login, sim }) => {
    await login('admin', '/jira/dashboards/10000');
    await expect(page.getByRole('heading', { name: 'Demo dashboard', level: 1 })).toBeVisible();
    const item = page.getByTestId('dashboard-item');
    const itemId = (await item.getAttribute('data-item-id'))!;
    expect(itemId).toMatch(/^\d+$/);
    const frame = await moduleFrame(page, 'sample-gadget', { dashboard: '10000', item: itemId, itemKey: 'sample-gadget' });
    await expect(frame.getByTestId('module-context')).toContainText(`"dashboardItem":{"id":"${itemId}","key":"sample-gadget"`);
    // Edit mode: entered by the product's button; the item's app hears it (DashboardItem.onDashboardItemEdit).
    await expect(frame.getByTestId('out-item-mode')).toHaveText('editable');
    await page.getByRole('button', { name: 'Edit Sample gadget' }).click();
    await expect(item).toHaveAttribute('data-mode', 'edit');
    await expect(page.getByRole('button', { name: 'Edit Sample gadget' })).toHaveAttribute('aria-pressed', 'true');
    await expect(frame.getByTestId('out-item-mode')).toHaveText('edit mode');
    await page.screenshot(shot('dashboard'));

    await frame.getByRole('button', { name: 'Rename this item' }).click();
    await expect(page.getByTestId('dashboard-item-title')).toHaveText('Renamed gadget');
    await page.goto(`${sim.productUrl}/jira/dashboards/10000`);
    await expect(page.getByTestId('dashboard-item-title')).toHaveText('Renamed gadget');
    await expect(page.getByRole('button', { name: 'Edit Renamed gadget' })).toBeVisible();
  });

  test("a report in the project sidebar's Reports, and a background script loaded hidden on the issue page", async ({ page, login, sim }) => {
    await login('admin', '/projects/DEMO/issues');
    await page.locator('aside.sidebar').getByRole('link', { name: 'Sample report' }).click();
    await expect(page).toHaveURL(`${sim.productUrl}/projects/DEMO/apps/acme-sample/sample-report`);
    await moduleFrame(page, 'sample-report', { project: 'DEMO', projectId: '10000' });

    await page.goto(`${sim.productUrl}/browse/DEMO-1`);
    const background = page.locator('iframe[data-apb-module="sample-background"]');
    await expect(background).toHaveCount(1);
    await expect(background).toBeHidden();
    const frame = await moduleFrame(page, 'sample-background', { issue: 'DEMO-1' }, ADMIN_ID, 'attached');
    await expect(frame.getByTestId('module-context')).toContainText('"key":"DEMO-1"');
  });

  test('issue field: the app sets its value through the app field API; the issue page, the issue JSON and /field show it; people edit it as a field', async ({ page, login, sim }) => {
    await login('admin', '/browse/DEMO-3');
    await expect(page.getByTestId('app-field')).toHaveText('None');
    const panel = await appFrame(page, 'sample-panel');
    await panel.getByRole('button', { name: 'Score 42' }).click();
    // The app then calls AP.jira.refreshIssuePage: the reloaded page shows the value.
    await expect(page.getByTestId('app-field')).toHaveText('42');
    await expect(page.locator('.details dt').filter({ hasText: 'Sample score' })).toHaveCount(1);

    const fields = (await (await page.request.get(`${sim.productUrl}/rest/api/3/field`)).json()) as { id: string; key: string; custom: boolean; schema: { type: string } }[];
    const field = fields.find((f) => f.key === 'acme-sample__sample-score')!;
    expect(field).toMatchObject({ custom: true, schema: { type: 'number' } });
    expect(field.id).toMatch(/^customfield_\d+$/);
    const value = async () => ((await (await page.request.get(`${sim.productUrl}/rest/api/3/issue/DEMO-3`)).json()) as { fields: Record<string, unknown> }).fields[field.id];
    expect(await value()).toBe(42);

    // The app field API is the declaring app's; a person sets the value as any field, checked by type.
    const headers = { origin: sim.productUrl };
    const byUser = await page.request.put(`${sim.productUrl}/rest/api/3/app/field/${field.id}/value`, { headers, data: { updates: [{ issueIds: [10003], value: 1 }] } });
    expect(byUser.status()).toBe(403);
    expect((await page.request.put(`${sim.productUrl}/rest/api/3/issue/DEMO-3`, { headers, data: { fields: { [field.id]: 'many' } } })).status()).toBe(400);
    expect((await page.request.put(`${sim.productUrl}/rest/api/3/issue/DEMO-3`, { headers, data: { fields: { [field.id]: 7 } } })).status()).toBe(204);
    expect(await value()).toBe(7);
    expect((await page.request.put(`${sim.productUrl}/rest/api/3/issue/DEMO-3`, { headers, data: { fields: { [field.key]: null } } })).status()).toBe(204);
    expect(await value()).toBeNull();
  });

  test('workflow post function: added with its create page (validation, then the configuration), shown, edited, triggered on a status change, removed', async ({ page, login, sim }) => {
    await login('admin', '/admin/workflows');
    await expect(page.getByRole('heading', { name: 'Demo workflow', level: 1 })).toBeVisible();
    const inProgress = page.getByRole('region', { name: 'Transition: Any status → In Progress' });
    await inProgress.getByLabel('Post function').selectOption('acme-sample/sample-post-function');
    await inProgress.getByRole('button', { name: 'Add post function to In Progress' }).click();

    // The create page: a new id, no configuration yet; Add is refused while the app says the form is invalid.
    await expect(page.getByRole('heading', { name: 'Add Sample post function' })).toBeVisible();
    let frame = await moduleFrame(page, 'sample-post-function', {});
    await expect(frame.getByTestId('out-post-function')).toHaveText(/^configuration: \{"id":"[\w-]+","value":""\}$/);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('The app did not accept this configuration: check its form.');
    await frame.getByLabel('Label to look for').fill('urgent');
    await page.getByRole('button', { name: 'Add', exact: true }).click();

    // Back on the workflow: the function shows its view page with the stored configuration.
    await expect(page).toHaveURL(`${sim.productUrl}/admin/workflows`);
    await expect(inProgress.getByTestId('post-function')).toHaveCount(1);
    frame = await moduleFrame(page, 'sample-post-function', { config: '{"label":"urgent"}' });
    await page.screenshot(shot('workflow'));

    // Edit: the edit page gets the id and configuration (URL and AP.jira.getWorkflowConfiguration).
    await inProgress.getByRole('link', { name: 'Edit Sample post function on In Progress' }).click();
    frame = await appFrame(page, 'sample-post-function');
    await expect(frame.getByLabel('Label to look for')).toHaveValue('urgent');
    const id = (await frame.locator('dd[data-param="id"]').textContent())!;
    expect(id).toMatch(/^[\w-]+$/);
    await frame.getByLabel('Label to look for').fill('blocker');
    await page.getByRole('button', { name: 'Update' }).click();
    await expect(page).toHaveURL(`${sim.productUrl}/admin/workflows`);
    await moduleFrame(page, 'sample-post-function', { config: '{"label":"blocker"}' });

    // An issue moving to In Progress takes the transition: the app's triggered URL gets a signed POST.
    const key = await createIssueWithStatus(page, sim.productUrl, 'Post function probe', 'In Progress');
    await page.goto(`${sim.productUrl}/plugins/servlet/ac/acme-sample/sample-page`);
    const app = await appFrame(page, 'sample-page');
    await expect(async () => {
      await app.getByRole('button', { name: 'Lifecycle + webhooks received' }).click();
      await expect(app.getByTestId('out-server')).toContainText(`post function to In Progress with {"label":"blocker"} ${key} verified via post-function/triggered`, { timeout: 1000 });
    }).toPass({ timeout: 10_000 });
    // Outside a post function's pages there is no configuration to answer.
    expect(await app.evaluate(() => (window as unknown as { AP: { jira: { getWorkflowConfiguration(): Promise<unknown> } } }).AP.jira.getWorkflowConfiguration().then(
      () => 'answered',
      (error: { code?: string }) => error.code,
    ))).toBe('NOT_SUPPORTED');

    await page.goto(`${sim.productUrl}/admin/workflows`);
    await inProgress.getByRole('button', { name: 'Remove Sample post function from In Progress' }).click();
    await expect(inProgress.getByTestId('post-function')).toHaveCount(0);
    await expect(page.getByTestId('post-function')).toHaveCount(0);

    // Workflows are the site admin's.
    await login('alice', '/admin/workflows');
    await expect(page.getByRole('heading', { name: 'Admins only' })).toBeVisible();
  });
});
