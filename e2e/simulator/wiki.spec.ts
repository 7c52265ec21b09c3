import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import * as atlassianJwt from 'atlassian-jwt';
import type { APIRequestContext, Frame, Page } from '@playwright/test';
import { appFrame, expect, test } from './fixture.js';

// Acme Wiki: the simulator as Confluence, at <product origin>/wiki. Each test proves one numbered
// point of the issue across the two origins (product and sample app) in Chromium.
const ADMIN_ID = '557058:a1b2c3d4-0000-4000-8000-00000000ad01';
const shot = (name: string) => ({ path: `e2e/artifacts/${name}.png`, fullPage: false });

function storageMacro(name: string, id: string, params: Record<string, string>, body?: { type: 'plain' | 'rich'; value: string }): string {
  const p = Object.entries(params).map(([k, v]) => `<ac:parameter ac:name="${k}">${v}</ac:parameter>`).join('');
  const b = body ? (body.type === 'plain' ? `<ac:plain-text-body><![CDATA[${body.value}]]></ac:plain-text-body>` : `<ac:rich-text-body>${body.value}</ac:rich-text-body>`) : '';
  return `<ac:structured-macro ac:name="${name}" ac:schema-version="1" ac:macro-id="${id}">${p}${b}</ac:structured-macro>`;
}

async function createPage(request: APIRequestContext, wikiUrl: string, title: string, storage: string): Promise<{ id: string; version: { number: number } }> {
  const response = await request.post(`${wikiUrl}/rest/api/content`, {
    data: { type: 'page', title, space: { key: 'DEMO' }, ancestors: [{ id: '10001' }], body: { storage: { value: storage, representation: 'storage' } } },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as { id: string; version: { number: number } };
}

async function macroFrame(page: Page, moduleKey: string, params: Record<string, string>): Promise<Frame> {
  const frame = await appFrame(page, moduleKey);
  await expect(frame.getByTestId('jwt-sub')).toHaveText(ADMIN_ID);
  for (const [name, value] of Object.entries(params)) await expect(frame.locator(`dd[data-param="${name}"]`)).toHaveText(value);
  return frame;
}

test.describe('host simulator: Acme Wiki (Confluence)', () => {
  test.describe.configure({ timeout: 180_000 });
  test.use({ viewport: { width: 1360, height: 900 } });

  test('1. a Confluence descriptor installs into Acme Wiki: baseUrl …/wiki, productType confluence, its own clientKey; mixed descriptors are refused; unrendered types are named', async ({ page, login, sim }) => {
    const received: Record<string, Record<string, unknown>> = {};
    const server: Server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
        const modules = req.url === '/wiki.json'
          ? { dynamicContentMacros: [{ key: 'probe-macro', name: { value: 'Probe' }, url: '/macro' }], blueprints: [{ key: 'probe-blueprint', name: { value: 'Probe blueprint' }, url: '/bp' }] }
          : req.url === '/mixed.json'
            ? { dynamicContentMacros: [{ key: 'probe-macro', name: { value: 'Probe' }, url: '/macro' }], jiraIssueGlances: [{ key: 'probe-glance', name: { value: 'Glance' }, url: '/g' }] }
            : { webPanels: [{ key: 'probe-panel', name: { value: 'Probe panel' }, url: '/panel', location: 'atl.jira.view.issue.right.context' }] };
        if (req.method === 'GET') {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ key: req.url === '/jira.json' ? 'probe-jira' : 'probe-wiki', name: 'Probe', baseUrl: base, lifecycle: { installed: `/installed${req.url}` }, scopes: ['READ'], modules }));
          return;
        }
        received[String(req.url)] = JSON.parse(body) as Record<string, unknown>;
        res.statusCode = 204;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      // Installed from the tracker's admin page, it still lands in the wiki.
      await login('admin', '/admin/apps');
      await page.getByTestId('descriptor-url').fill(`${base}/wiki.json`);
      await page.getByRole('button', { name: 'Install', exact: true }).click();
      await expect(page.getByTestId('admin-flash')).toContainText('Installed Probe (probe-wiki) into Acme Wiki.');
      await page.goto(`${sim.productUrl}/admin/apps`);
      await page.getByTestId('descriptor-url').fill(`${base}/jira.json`);
      await page.getByRole('button', { name: 'Install', exact: true }).click();
      await expect(page.getByTestId('admin-flash')).toHaveText('Installed Probe (probe-jira).');

      const wikiBody = received['/installed/wiki.json']!;
      const jiraBody = received['/installed/jira.json']!;
      expect(wikiBody).toMatchObject({ key: 'probe-wiki', productType: 'confluence', baseUrl: `${sim.productUrl}/wiki`, eventType: 'installed' });
      expect(jiraBody).toMatchObject({ key: 'probe-jira', productType: 'jira', baseUrl: sim.productUrl });
      expect(typeof wikiBody.clientKey).toBe('string');
      expect(wikiBody.clientKey).not.toBe(jiraBody.clientKey);

      await page.goto(`${sim.productUrl}/wiki/admin/apps`);
      const row = page.locator('tr[data-app="probe-wiki"]');
      await expect(row).toContainText('dynamicContentMacros: probe-macro');
      await expect(row).toContainText('Module types the simulator does not render yet (stored only): blueprints');
      await expect(page.locator('tr[data-app="probe-jira"]')).toHaveCount(0);

      await page.getByTestId('descriptor-url').fill(`${base}/mixed.json`);
      await page.getByRole('button', { name: 'Install', exact: true }).click();
      await expect(page.getByTestId('admin-flash')).toContainText('mixes Jira modules (jiraIssueGlances) and Confluence modules (dynamicContentMacros)');
      await page.locator('tr[data-app="probe-wiki"]').getByRole('button', { name: 'Uninstall' }).click();
      await expect(page.locator('tr[data-app="probe-wiki"]')).toHaveCount(0);
    } finally {
      server.close();
    }

    // The sample app's Confluence part: its iframes carry cp=/wiki and load all.js from {xdm_e}{cp}.
    const allJs = await page.request.get(`${sim.productUrl}/wiki/atlassian-connect/all.js`);
    expect(allJs.status()).toBe(200);
    await page.goto(`${sim.productUrl}/wiki/plugins/servlet/ac/acme-macros/sample-wiki-page`);
    const frame = await macroFrame(page, 'sample-wiki-page', {});
    const src = await page.locator('iframe[data-apb-module="sample-wiki-page"]').getAttribute('src');
    expect(new URL(src!).searchParams.get('space')).toBe('DEMO');
    expect(new URL(src!).searchParams.get('cp')).toBe('/wiki');
    expect(new URL(src!).searchParams.get('xdm_e')).toBe(sim.productUrl);
    // AP.request('/rest/api/content/10001') reaches /wiki/rest/api/content/10001.
    await frame.getByRole('button', { name: 'Read page 10001' }).click();
    await expect(frame.getByTestId('out-wiki')).toHaveText('Welcome v1 in DEMO (storage)');
  });

  test('2 and 7. Confluence REST: content with versions, attachments up and down, properties, spaces, CQL, users, v2 pages, app properties; app JWTs and scopes checked', async ({ page, login, sim }) => {
    await login('admin', '/wiki/spaces/DEMO');
    const wiki = `${sim.productUrl}/wiki`;
    const api = page.request;

    const welcome = await (await api.get(`${wiki}/rest/api/content/10001?expand=body.storage,version,space`)).json();
    expect(welcome).toMatchObject({ id: '10001', type: 'page', title: 'Welcome', version: { number: 1 }, space: { key: 'DEMO', name: 'Demo space' }, body: { storage: { representation: 'storage' } } });
    expect(welcome.body.storage.value).toContain('Demo space');
    const bare = await (await api.get(`${wiki}/rest/api/content/10001`)).json();
    expect(bare.body).toBeUndefined();

    // Create with the body real apps send (ancestors, storage), update with the version check, delete.
    const created = await createPage(api, wiki, 'REST page', '<p>first</p>');
    const withAncestors = await (await api.get(`${wiki}/rest/api/content/${created.id}?expand=ancestors`)).json();
    expect(withAncestors.ancestors.map((a: { id: string }) => a.id)).toEqual(['10001']);
    const stale = await api.put(`${wiki}/rest/api/content/${created.id}`, { data: { type: 'page', title: 'REST page', version: { number: 1 }, body: { storage: { value: '<p>stale</p>', representation: 'storage' } } } });
    expect(stale.status()).toBe(409);
    expect((await stale.json()).message).toContain('Current version is: 1');
    const updated = await api.put(`${wiki}/rest/api/content/${created.id}`, { data: { type: 'page', title: 'REST page v2', version: { number: 2 }, body: { storage: { value: '<p>second</p>', representation: 'storage' } } } });
    expect(updated.status()).toBe(200);
    expect(await updated.json()).toMatchObject({ title: 'REST page v2', version: { number: 2 } });
    expect((await api.post(`${wiki}/rest/api/content`, { data: { type: 'page', title: 'No space', space: { key: 'NOPE' } } })).status()).toBe(400);

    // Attachments: multipart upload needs the XSRF header; the list's _links.download resolves against …/wiki.
    const bytes = Buffer.from(Array.from({ length: 300 }, (_, i) => i % 256));
    const file = { name: 'data.bin', mimeType: 'application/octet-stream', buffer: bytes };
    expect((await api.post(`${wiki}/rest/api/content/${created.id}/child/attachment`, { multipart: { file } })).status()).toBe(403);
    const uploaded = await api.post(`${wiki}/rest/api/content/${created.id}/child/attachment`, { multipart: { file }, headers: { 'X-Atlassian-Token': 'no-check' } });
    expect(uploaded.status()).toBe(200);
    const list = await (await api.get(`${wiki}/rest/api/content/${created.id}/child/attachment`)).json();
    expect(list).toMatchObject({ size: 1, _links: { base: wiki, context: '/wiki' } });
    const [attachment] = list.results as { id: string; title: string; mediaType: string; _links: { download: string } }[];
    expect(attachment).toMatchObject({ title: 'data.bin', mediaType: 'application/octet-stream' });
    expect(attachment!._links.download).toMatch(new RegExp(`^/download/attachments/${created.id}/data\\.bin\\?`));
    const download = await api.get(`${wiki}${attachment!._links.download}`);
    expect(download.status()).toBe(200);
    expect(Buffer.compare(await download.body(), bytes)).toBe(0);

    // Content properties: create at version 1, update only with the next version.
    const propertyUrl = `${wiki}/rest/api/content/${created.id}/property/sample`;
    expect((await api.post(`${wiki}/rest/api/content/${created.id}/property`, { data: { key: 'sample', value: { score: 1 } } })).status()).toBe(200);
    expect((await api.put(propertyUrl, { data: { key: 'sample', value: { score: 2 }, version: { number: 1 } } })).status()).toBe(409);
    expect((await api.put(propertyUrl, { data: { key: 'sample', value: { score: 2 }, version: { number: 2 } } })).status()).toBe(200);
    expect(await (await api.get(propertyUrl)).json()).toMatchObject({ key: 'sample', value: { score: 2 }, version: { number: 2 } });
    expect((await (await api.get(`${wiki}/rest/api/content/${created.id}/property`)).json()).size).toBe(1);
    const v2props = await (await api.get(`${wiki}/api/v2/pages/${created.id}/properties`)).json();
    expect(v2props.results).toEqual([expect.objectContaining({ key: 'sample', value: { score: 2 }, version: expect.objectContaining({ number: 2 }) })]);
    expect((await api.delete(propertyUrl)).status()).toBe(204);
    expect((await api.get(propertyUrl)).status()).toBe(404);

    // Spaces, CQL, users.
    const spaces = await (await api.get(`${wiki}/rest/api/space/`)).json();
    expect(spaces.results).toEqual([expect.objectContaining({ key: 'DEMO', name: 'Demo space', id: 98305, type: 'global', _links: expect.objectContaining({ webui: '/spaces/DEMO' }) })]);
    expect((await (await api.get(`${wiki}/rest/api/space/DEMO`)).json()).key).toBe('DEMO');
    const search = async (cql: string) => (await (await api.get(`${wiki}/rest/api/content/search?cql=${encodeURIComponent(cql)}`)).json()) as { results: { title: string }[] };
    expect((await search('space = DEMO and type = page and title ~ "notes"')).results.map((r) => r.title)).toEqual(['Meeting notes']);
    expect((await search('text ~ "second"')).results.map((r) => r.title)).toEqual(['REST page v2']);
    const badCql = await api.get(`${wiki}/rest/api/content/search?cql=${encodeURIComponent('creator = me')}`);
    expect(badCql.status()).toBe(400);
    expect((await badCql.json()).code).toBe('CQL_INVALID');
    expect(await (await api.get(`${wiki}/rest/api/user/current`)).json()).toMatchObject({ accountId: ADMIN_ID, displayName: 'Ada Admin' });

    // v2 pages.
    expect(await (await api.get(`${wiki}/api/v2/pages/10002?body-format=storage`)).json()).toMatchObject({ id: '10002', title: 'Meeting notes', spaceId: '98305', parentId: '10001', version: { number: 1 }, body: { storage: { representation: 'storage' } } });
    const v2 = await api.post(`${wiki}/api/v2/pages`, { data: { spaceId: '98305', status: 'current', title: 'V2 page', parentId: '10001', body: { representation: 'storage', value: '<p>v2</p>' } } });
    expect(v2.status()).toBe(200);
    const v2Id = (await v2.json()).id as string;
    expect((await (await api.get(`${wiki}/rest/api/content/${v2Id}?expand=body.storage`)).json()).body.storage.value).toBe('<p>v2</p>');

    expect((await api.delete(`${wiki}/rest/api/content/${created.id}`)).status()).toBe(204);
    expect((await api.get(`${wiki}/rest/api/content/${created.id}`)).status()).toBe(404);

    // An app's server: a Connect JWT whose qsh covers the path under the context path, checked with
    // the wiki installation's shared secret.
    const wikiData = JSON.parse(readFileSync(join(sim.dataDir, 'wiki', 'simulator.json'), 'utf8')) as { installations: { key: string; sharedSecret: string }[] };
    const secret = wikiData.installations.find((i) => i.key === 'acme-macros')!.sharedSecret;
    const sign = (method: string, path: string) => {
      const now = Math.floor(Date.now() / 1000);
      const qsh = atlassianJwt.createQueryStringHash(atlassianJwt.fromMethodAndUrl(method, path), false, wiki);
      return atlassianJwt.encodeSymmetric({ iss: 'acme-macros', iat: now, exp: now + 60, qsh }, secret);
    };
    const fromApp = await page.request.fetch(`${wiki}/rest/api/content/10002`, { headers: { authorization: `JWT ${sign('GET', '/wiki/rest/api/content/10002')}`, cookie: '' } });
    expect(fromApp.status()).toBe(200);
    expect((await fromApp.json()).title).toBe('Meeting notes');
    const wrongQsh = await page.request.fetch(`${wiki}/rest/api/content/10002`, { headers: { authorization: `JWT ${sign('GET', '/wiki/rest/api/content/10001')}` } });
    expect(wrongQsh.status()).toBe(401);
    // acme-macros declares READ and WRITE: deleting is refused for it.
    const refused = await page.request.fetch(`${wiki}/rest/api/content/10002`, { method: 'DELETE', headers: { authorization: `JWT ${sign('DELETE', '/wiki/rest/api/content/10002')}` } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).code).toBe('SCOPE_MISSING');

    // Through the bridge: AP.request under the context path, binary download, app properties.
    await page.goto(`${wiki}/plugins/servlet/ac/acme-macros/sample-wiki-page`);
    const frame = await appFrame(page, 'sample-wiki-page');
    await frame.getByRole('button', { name: 'List spaces' }).click();
    await expect(frame.getByTestId('out-wiki')).toHaveText('spaces: DEMO Demo space');
    await frame.getByRole('button', { name: 'CQL search' }).click();
    await expect(frame.getByTestId('out-wiki')).toHaveText('found: Meeting notes');
    await frame.getByRole('button', { name: 'Upload + download' }).click();
    await expect(frame.getByTestId('out-wiki-attach')).toHaveText('uploaded 256 bytes, downloaded 256 bytes, identical');
    await frame.getByRole('button', { name: 'Set and read back' }).click();
    await expect(frame.getByTestId('out-wiki-property')).toHaveText('score 1 at version 1');
    const appProperty = await frame.evaluate(async () => {
      const AP = (window as unknown as { AP: { request(o: Record<string, unknown>): Promise<{ body: string }> } }).AP;
      await AP.request({ url: '/rest/atlassian-connect/1/addons/acme-macros/properties/colour', type: 'PUT', contentType: 'application/json', data: JSON.stringify({ hue: 'green' }) });
      return JSON.parse((await AP.request({ url: '/rest/atlassian-connect/1/addons/acme-macros/properties/colour' })).body) as unknown;
    });
    expect(appProperty).toEqual({ key: 'colour', value: { hue: 'green' } });
  });

  test('3. macros in the page view: a dynamic macro iframe with its parameters, body and Confluence context; a static macro fetched signed and sanitised', async ({ page, login, sim }) => {
    await login('admin', '/wiki/spaces/DEMO');
    const wiki = `${sim.productUrl}/wiki`;
    const storage = '<p>Before the macros.</p>'
      + storageMacro('sample-chart', 'chart-1', { color: 'red', title: 'Quarterly &amp; more' }, { type: 'plain', value: 'a < b' })
      + '<p>Between.</p>'
      + storageMacro('sample-status', 'status-1', { status: 'yellow', shout: 'true', count: '3', space: 'DEMO', owner: ADMIN_ID }, { type: 'rich', value: '<p>Rich <strong>body</strong></p>' })
      + storageMacro('no-such-macro', 'x-1', {});
    const created = await createPage(page.request, wiki, 'Macro view page', storage);
    await page.goto(`${wiki}/spaces/DEMO/pages/${created.id}`);
    await expect(page.getByTestId('page-title')).toHaveText('Macro view page');

    const frame = await macroFrame(page, 'sample-chart', {
      macroId: 'chart-1', body: 'a < b', pageId: created.id, pageVersion: '1', space: 'DEMO', output: 'display', color: 'red', title: 'Quarterly & more',
    });
    const hash = await frame.locator('dd[data-param="hash"]').textContent();
    expect(hash).toMatch(/^[0-9a-f]{32}$/);
    await expect(frame.getByTestId('macro-data')).toHaveText(JSON.stringify({ color: 'red', title: 'Quarterly & more' }));
    await expect(frame.getByTestId('macro-body')).toHaveText(JSON.stringify('a < b'));
    const context = JSON.parse((await frame.getByTestId('module-context').textContent())!) as Record<string, unknown>;
    expect(context).toEqual({ confluence: { macro: { id: 'chart-1', hash, outputType: 'display' }, content: { id: created.id, version: '1', type: 'page' }, space: { key: 'DEMO', id: '98305' } } });
    await expect(frame.getByTestId('macro-request')).toHaveText(`Macro view page v1 in DEMO`);
    // The url has no leading "/": joined to the app's baseUrl with one "/".
    const src = await page.locator('iframe[data-apb-module="sample-chart"]').getAttribute('src');
    expect(new URL(src!).pathname).toBe('/confluence/macro');

    // The static macro: the app's HTML, minus its script and handler.
    const status = page.getByTestId('static-macro');
    await expect(status.getByTestId('sample-status')).toHaveText('YELLOW');
    await expect(status).toContainText(`count 3 · space DEMO · owner ${ADMIN_ID} · page ${created.id}`);
    await expect(status.getByTestId('sample-status-body')).toContainText('<p>Rich <strong>body</strong></p>');
    expect(await status.locator('script').count()).toBe(0);
    expect(await status.locator('[onclick]').count()).toBe(0);
    await expect(page.getByRole('note')).toHaveText('no-such-macro: no enabled app provides this macro');
    await page.screenshot(shot('wiki-page-macro'));

    // A static macro is fetched by the product with a JWT the app verifies: without it the app refuses.
    const unsigned = await page.request.get(`${sim.appUrl}/confluence/static-macro?status=green`);
    expect(unsigned.status()).toBe(401);
  });

  test('4. the editor: Insert macro lists the apps\' macros; the app\'s macro editor saves params and body; a generated form for a macro without one; Edit reopens with the current data; Publish persists storage', async ({ page, login, sim }) => {
    const wiki = `${sim.productUrl}/wiki`;
    await login('admin', '/wiki/spaces/DEMO');
    const target = await createPage(page.request, wiki, 'Editor page', '<p>Text before.</p>');
    await page.goto(`${wiki}/spaces/DEMO/pages/edit-v2/${target.id}`);

    await page.getByRole('button', { name: 'Insert macro' }).click();
    const menu = page.getByRole('group', { name: 'Macros' });
    await expect(menu.getByRole('button')).toHaveText([/^Sample chart/, /^Sample status/]);
    await menu.getByRole('button', { name: 'Sample chart' }).click();

    // The app's editor, in a host dialog titled with insertTitle and sized width x height.
    const dialog = page.getByRole('dialog', { name: 'Insert sample chart' });
    await expect(dialog).toBeVisible();
    const box = await dialog.boundingBox();
    expect(Math.round(box!.width)).toBe(560);
    const editor = await appFrame(page, 'sample-chart');
    await expect(editor.getByTestId('out-editor')).toHaveText('loaded {}');
    const editorSrc = new URL((await page.locator('iframe[data-apb-module="sample-chart"]').getAttribute('src'))!);
    expect(editorSrc.pathname).toBe('/confluence/macro-editor');
    expect(editorSrc.searchParams.get('pageId')).toBe(target.id);
    await editor.getByLabel('Colour').selectOption('green');
    await editor.getByLabel('Title').fill('Made in the editor');
    await editor.getByLabel('Body').fill('line one');
    await page.screenshot(shot('wiki-macro-editor'));
    await editor.getByRole('button', { name: 'Save macro' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Edit Sample chart' })).toBeVisible();

    // A macro without an editor: the wiki's form from its parameters (enum, boolean, int, spacekey, username) and body.
    await page.getByRole('button', { name: 'Insert macro' }).click();
    await menu.getByRole('button', { name: 'Sample status' }).click();
    const form = page.getByRole('dialog', { name: 'Insert Sample status' });
    await form.getByLabel('Status (required)').selectOption('red');
    await form.getByLabel('Shout').check();
    await form.getByLabel('Count').fill('7');
    await form.getByLabel('Space').selectOption('DEMO');
    await form.getByLabel('Owner').selectOption({ label: 'Alice Doe' });
    await form.getByLabel('Body (rich text)').fill('<p>From the form</p>');
    await form.getByRole('button', { name: 'Insert' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByRole('button', { name: 'Edit Sample status' })).toBeVisible();

    // Edit reopens the app's editor with the macro's current data.
    await page.getByRole('button', { name: 'Edit Sample chart' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Edit sample chart' });
    await expect(editDialog).toBeVisible();
    const again = await appFrame(page, 'sample-chart');
    await expect(again.getByTestId('out-editor')).toHaveText('loaded {"color":"green","title":"Made in the editor"}');
    await expect(again.getByLabel('Body')).toHaveValue('line one');
    await again.getByLabel('Title').fill('Edited title');
    await again.getByRole('button', { name: 'Save macro' }).click();
    await expect(editDialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Edit Sample chart' })).toHaveCount(1);

    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page).toHaveURL(`${wiki}/spaces/DEMO/pages/${target.id}`);
    await macroFrame(page, 'sample-chart', { color: 'green', title: 'Edited title', body: 'line one', pageVersion: '2' });
    await expect(page.getByTestId('static-macro').getByTestId('sample-status')).toHaveText('RED');
    await expect(page.getByTestId('static-macro')).toContainText('count 7 · space DEMO · owner 557058:a1b2c3d4-0000-4000-8000-0000000a11ce');

    const stored = (await (await page.request.get(`${wiki}/rest/api/content/${target.id}?expand=body.storage`)).json()).body.storage.value as string;
    expect(stored).toContain('<p>Text before.</p>');
    expect(stored).toMatch(/<ac:structured-macro ac:name="sample-chart" ac:schema-version="1" ac:macro-id="[\w-]+"><ac:parameter ac:name="color">green<\/ac:parameter><ac:parameter ac:name="title">Edited title<\/ac:parameter><ac:plain-text-body><!\[CDATA\[line one\]\]><\/ac:plain-text-body><\/ac:structured-macro>/);
    expect(stored).toContain('<ac:parameter ac:name="shout">true</ac:parameter>');
    expect(stored).toContain('<ac:rich-text-body><p>From the form</p></ac:rich-text-body>');

    // A stale editor (someone published meanwhile) does not overwrite the newer version.
    await page.goto(`${wiki}/spaces/DEMO/pages/edit-v2/${target.id}`);
    await page.request.put(`${wiki}/rest/api/content/${target.id}`, { data: { version: { number: 3 }, title: 'Editor page', body: { storage: { value: stored, representation: 'storage' } } } });
    await page.getByRole('button', { name: 'Publish' }).click();
    await expect(page.getByRole('alert')).toContainText('Someone published version 3 while you edited version 2');
  });

  test('5. byline items: an inline dialog anchored to the item, closed by AP.inlineDialog.hide() and by a click outside; content properties declared and used', async ({ page, login, sim }) => {
    await login('admin', '/wiki/spaces/DEMO/pages/10002');
    const item = page.getByTestId('byline').getByRole('button', { name: 'Sample byline' });
    await item.click();
    const inline = page.getByRole('dialog', { name: 'Sample byline' });
    await expect(inline).toBeVisible();
    await expect(item).toHaveAttribute('aria-expanded', 'true');
    // Anchored: just under the byline item.
    const [itemBox, inlineBox] = [await item.boundingBox(), await inline.boundingBox()];
    expect(Math.abs(inlineBox!.y - (itemBox!.y + itemBox!.height)) <= 8).toBe(true);
    expect(Math.abs(inlineBox!.x - itemBox!.x) <= 8).toBe(true);
    const frame = await macroFrame(page, 'sample-byline', { pageId: '10002', space: 'DEMO' });
    const context = JSON.parse((await frame.getByTestId('module-context').textContent())!) as Record<string, unknown>;
    expect(context).toEqual({ confluence: { content: { id: '10002', version: '1', type: 'page' }, space: { key: 'DEMO', id: '98305' } } });
    await page.screenshot(shot('wiki-byline-inline-dialog'));
    await frame.getByRole('button', { name: 'Close' }).click();
    await expect(inline).toBeHidden();
    await expect(item).toHaveAttribute('aria-expanded', 'false');

    await item.click();
    await expect(inline).toBeVisible();
    await page.getByTestId('page-title').click();
    await expect(inline).toBeHidden();

    // AP.inlineDialog.hide() from a view that is not in an inline dialog is refused.
    await page.goto(`${sim.productUrl}/wiki/plugins/servlet/ac/acme-macros/sample-wiki-page`);
    const general = await appFrame(page, 'sample-wiki-page');
    const refused = await general.evaluate(() =>
      Promise.resolve((window as unknown as { AP: { inlineDialog: { hide(): unknown } } }).AP.inlineDialog.hide()).then(() => 'resolved', (e: { code?: string }) => String(e.code)));
    expect(refused).toBe('NOT_ALLOWED');

    // confluenceContentProperties: accepted and stored with the installation; the app reads and writes
    // content properties through AP.confluence.
    await page.goto(`${sim.productUrl}/wiki/admin/apps`);
    await expect(page.locator('tr[data-app="acme-macros"]')).toContainText('confluenceContentProperties: sample-content-properties');
    await page.goto(`${sim.productUrl}/wiki/spaces/DEMO/pages/10002`);
    await item.click();
    const byline = await appFrame(page, 'sample-byline');
    const roundTrip = await byline.evaluate(async () => {
      const { confluence } = (window as unknown as { AP: { confluence: {
        setContentProperty(p: unknown, cb: (r: unknown) => void): Promise<unknown>;
        getContentProperty(k: string, cb: (r: unknown) => void): Promise<unknown>;
      } } }).AP;
      // The callback form answers success only: a failed call rejects the returned Promise, which
      // makes this fail with its code at once instead of waiting for the test's timeout.
      const viaCallback = (call: (cb: (r: unknown) => void) => Promise<unknown>) =>
        new Promise((resolve, reject) => { call(resolve).catch((e: { code?: string; message?: string }) => reject(new Error(`${e.code}: ${e.message}`))); });
      const set = await viaCallback((cb) => confluence.setContentProperty({ key: 'byline-seen', value: { seen: 1 }, version: { number: 1 } }, cb));
      const stale = await viaCallback((cb) => confluence.setContentProperty({ key: 'byline-seen', value: { seen: 2 }, version: { number: 1 } }, cb));
      const got = await viaCallback((cb) => confluence.getContentProperty('byline-seen', cb));
      return { set, stale, got };
    });
    expect(roundTrip.set).toMatchObject({ property: { key: 'byline-seen', value: { seen: 1 }, version: { number: 1 } } });
    expect(roundTrip.stale).toMatchObject({ error: expect.stringContaining('Current version is: 1') });
    expect(roundTrip.got).toMatchObject({ key: 'byline-seen', value: { seen: 1 }, version: { number: 1 } });
  });

  test('6. navigation and webhooks: AP.navigator in Acme Wiki, a byline item with target dialog, and page and attachment webhooks JWT-signed to the app', async ({ page, login, sim }) => {
    const wiki = `${sim.productUrl}/wiki`;
    await login('admin', '/wiki/spaces/DEMO/pages/10003');

    // A byline item with target dialog opens a dialog.
    await page.getByTestId('byline').getByRole('button', { name: 'Sample history' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sample history' });
    await expect(dialog).toBeVisible();
    await macroFrame(page, 'sample-byline-dialog', { pageId: '10003', version: '1' });
    // Modal: focus that lands behind it (a link of the page) goes back into it.
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.locator('aside.sidebar a').first().focus();
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // getLocation on a page, in the editor, on a general page.
    const locate = (frame: Frame) => frame.evaluate(() => (window as unknown as { AP: { navigator: { getLocation(): Promise<unknown> } } }).AP.navigator.getLocation());
    await page.getByTestId('byline').getByRole('button', { name: 'Sample byline' }).click();
    expect(await locate(await appFrame(page, 'sample-byline'))).toEqual({ target: 'contentview', context: { contentId: '10003', contentType: 'page', spaceKey: 'DEMO' } });

    await page.goto(`${wiki}/plugins/servlet/ac/acme-macros/sample-wiki-page`);
    let frame = await appFrame(page, 'sample-wiki-page');
    await frame.getByRole('button', { name: 'Where am I?' }).click();
    await expect(frame.getByTestId('out-wiki-nav')).toHaveText(JSON.stringify({ target: 'addonModule', context: { addonKey: 'acme-macros', moduleKey: 'sample-wiki-page' } }));

    const go = async (target: string, context: Record<string, unknown>) => {
      frame = await appFrame(page, 'sample-wiki-page');
      await frame.evaluate(([t, c]) => { void (window as unknown as { AP: { navigator: { go(t: string, c: unknown): unknown } } }).AP.navigator.go(t as string, c); }, [target, context] as const);
    };
    await frame.getByRole('button', { name: 'Go to Meeting notes' }).click();
    await expect(page).toHaveURL(`${wiki}/spaces/DEMO/pages/10002`);
    await page.goto(`${wiki}/plugins/servlet/ac/acme-macros/sample-wiki-page`);
    await go('contentedit', { contentId: '10001' });
    await expect(page).toHaveURL(`${wiki}/spaces/DEMO/pages/edit-v2/10001`);
    await page.goto(`${wiki}/plugins/servlet/ac/acme-macros/sample-wiki-page`);
    await go('spaceview', { spaceKey: 'DEMO' });
    await expect(page).toHaveURL(`${wiki}/spaces/DEMO`);
    await page.goto(`${wiki}/spaces/DEMO/pages/10001`);
    await page.goto(`${wiki}/plugins/servlet/ac/acme-macros/sample-wiki-page`);
    await go('dashboard', {});
    await expect(page).toHaveURL(`${wiki}/`);
    await page.goto(`${wiki}/spaces/DEMO`);
    await page.goto(`${wiki}/plugins/servlet/ac/acme-macros/sample-wiki-page`);
    await go('addonModule', { moduleKey: 'sample-wiki-page' });
    await expect(page).toHaveURL(`${wiki}/plugins/servlet/ac/acme-macros/sample-wiki-page`);
    frame = await appFrame(page, 'sample-wiki-page');
    const unsupported = await frame.evaluate(() =>
      Promise.resolve((window as unknown as { AP: { navigator: { go(t: string, c: unknown): unknown } } }).AP.navigator.go('issue', { issueKey: 'DEMO-1' })).then(() => 'resolved', (e: { code?: string }) => String(e.code)));
    expect(unsupported).toBe('NOT_SUPPORTED');

    // Webhooks: page created, updated, removed and an attachment, each JWT-verified by the app.
    const created = await createPage(page.request, wiki, 'Webhook page', '<p>hook</p>');
    await page.request.put(`${wiki}/rest/api/content/${created.id}`, { data: { version: { number: 2 }, title: 'Webhook page', body: { storage: { value: '<p>hook 2</p>', representation: 'storage' } } } });
    await page.request.post(`${wiki}/rest/api/content/${created.id}/child/attachment`, { multipart: { file: { name: 'hook.txt', mimeType: 'text/plain', buffer: Buffer.from('hook') } }, headers: { 'X-Atlassian-Token': 'no-check' } });
    await page.request.delete(`${wiki}/rest/api/content/${created.id}`);
    await page.goto(`${wiki}/plugins/servlet/ac/acme-macros/sample-wiki-page`);
    frame = await appFrame(page, 'sample-wiki-page');
    const expected = [`page_created ${created.id} verified`, `page_updated ${created.id} verified`, 'attachment_created hook.txt verified', `page_removed ${created.id} verified`];
    await expect(async () => {
      await frame.getByRole('button', { name: 'Lifecycle + webhooks received' }).click();
      const text = (await frame.getByTestId('out-server').textContent()) ?? '';
      for (const line of expected) expect(text).toContain(line);
    }).toPass({ timeout: 30_000 });
    // The deliveries are logged on the wiki's Manage apps page.
    await page.goto(`${wiki}/admin/apps`);
    await expect(page.getByTestId('deliveries')).toContainText('page_removed');
  });
});