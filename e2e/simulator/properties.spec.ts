import { appFrame, expect, test } from './fixture.js';

test.describe('host simulator: properties, comments and their webhooks', () => {
  test.describe.configure({ timeout: 90_000 });

  test('issue, project and app properties: stored as JSON, scope-checked, app properties only for that app', async ({ request, sim }) => {
    await request.get(`${sim.productUrl}/login?user=admin`);
    const api = `${sim.productUrl}/rest/api/3`;
    const asSample = { 'AP-Client-Key': 'acme-sample' };
    const put = await request.put(`${api}/issue/DEMO-1/properties/sample`, { headers: asSample, data: { score: 7, tags: ['a'] } });
    expect(put.status()).toBe(201);
    expect((await request.put(`${api}/issue/DEMO-1/properties/sample`, { headers: asSample, data: { score: 8 } })).status()).toBe(200);
    expect(await (await request.get(`${api}/issue/DEMO-1/properties/sample`, { headers: asSample })).json()).toEqual({ key: 'sample', value: { score: 8 } });
    const list = (await (await request.get(`${api}/issue/DEMO-1/properties`)).json()) as { keys: { key: string; self: string }[] };
    expect(list.keys.map((k) => k.key)).toEqual(['sample']);
    expect(list.keys[0]!.self).toBe(`${api}/issue/DEMO-1/properties/sample`);
    expect((await request.put(`${api}/project/DEMO/properties/config`, { headers: asSample, data: true })).status()).toBe(201);
    expect(await (await request.get(`${api}/project/DEMO/properties/config`)).json()).toEqual({ key: 'config', value: true });
    expect((await request.get(`${api}/issue/DEMO-1/properties/missing`)).status()).toBe(404);
    const badKey = await request.put(`${api}/issue/DEMO-1/properties/__proto__`, { headers: asSample, data: { polluted: true } });
    expect(badKey.status()).toBe(400);
    expect(await badKey.json()).toMatchObject({ code: 'PROPERTY_KEY_INVALID' });
    expect((await request.put(`${api}/issue/DEMO-1/properties/big`, { headers: asSample, data: { blob: 'x'.repeat(33_000) } })).status()).toBe(400);
    expect((await request.delete(`${api}/issue/DEMO-1/properties/sample`, { headers: asSample })).status()).toBe(204);
    expect((await request.get(`${api}/issue/DEMO-1/properties/sample`)).status()).toBe(404);

    // A READ-only app may read properties but not write them.
    await request.post(`${sim.productUrl}/admin/apps/install`, { form: { url: `${sim.appUrl}/reader/atlassian-connect.json` } });
    const refused = await request.put(`${api}/issue/DEMO-1/properties/reader`, { headers: { 'AP-Client-Key': 'acme-reader' }, data: 1 });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'SCOPE_MISSING', requiredScope: 'WRITE' });

    const app = `${sim.productUrl}/rest/atlassian-connect/1/addons`;
    expect((await request.put(`${app}/acme-sample/properties/settings`, { headers: asSample, data: { theme: 'dark' } })).status()).toBe(201);
    expect(await (await request.get(`${app}/acme-sample/properties/settings`, { headers: asSample })).json()).toEqual({ key: 'settings', value: { theme: 'dark' } });
    // Another app, and the user without an app, are refused; the reader may keep its own with READ only.
    const other = await request.get(`${app}/acme-sample/properties/settings`, { headers: { 'AP-Client-Key': 'acme-reader' } });
    expect(other.status()).toBe(403);
    expect(await other.json()).toMatchObject({ code: 'NOT_THIS_APP' });
    expect((await request.get(`${app}/acme-sample/properties/settings`)).status()).toBe(403);
    expect((await request.put(`${app}/acme-reader/properties/mine`, { headers: { 'AP-Client-Key': 'acme-reader' }, data: 1 })).status()).toBe(201);
  });

  test('comment_created, comment_updated without a body, a JQL-filtered issue_updated and issue_deleted reach the app', async ({ page, request, login, sim }) => {
    await request.get(`${sim.productUrl}/login?user=alice`);
    const api = `${sim.productUrl}/rest/api/3`;
    const created = await request.post(`${api}/issue/DEMO-2/comment`, { data: { body: 'First!' } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await request.put(`${api}/issue/DEMO-2/comment/${id}`, { data: { body: 'Edited' } })).status()).toBe(200);
    const comments = (await (await request.get(`${api}/issue/DEMO-2/comment`)).json()) as { comments: { body: string }[] };
    expect(comments.comments.map((c) => c.body)).toEqual(['Edited']);
    // The filter "issuetype = Bug": DEMO-1 (a Bug) is delivered to /webhook/updated-bug, DEMO-2 (a Story) is not.
    // Each issue keeps its status: the simulator is shared by this worker's tests, which read summaries.
    expect((await request.put(`${api}/issue/DEMO-2`, { data: { fields: { status: { name: 'To Do' } } } })).status()).toBe(204);
    expect((await request.put(`${api}/issue/DEMO-1`, { data: { fields: { status: { name: 'In Progress' } } } })).status()).toBe(204);
    const doomed = (await (await request.post(`${api}/issue`, { data: { fields: { project: { key: 'DEMO' }, summary: 'To delete' } } })).json()) as { key: string };
    expect((await request.delete(`${api}/issue/${doomed.key}`)).status()).toBe(204);

    await login('admin', '/plugins/servlet/ac/acme-sample/sample-page');
    const frame = await appFrame(page, 'sample-page');
    const out = frame.getByTestId('out-server');
    await expect(async () => {
      await frame.getByRole('button', { name: 'Lifecycle + webhooks received' }).click();
      await expect(out).toContainText('comment_created comment DEMO-2 verified', { timeout: 1000 });
      await expect(out).toContainText('(no body) comment-updated - verified', { timeout: 1000 });
      await expect(out).toContainText(`jira:issue_deleted ${doomed.key} verified`, { timeout: 1000 });
      await expect(out).toContainText('jira:issue_updated DEMO-1 verified via updated-bug', { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
    // DEMO-2 was updated before DEMO-1: had the filter let it through, it would have arrived by now.
    await expect(out).toContainText(/jira:issue_updated DEMO-2 verified via updated(;|$)/m);
    await expect(out).not.toContainText('DEMO-2 verified via updated-bug');
  });
});
