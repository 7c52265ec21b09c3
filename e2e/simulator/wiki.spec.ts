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
  test.describe.configure({ timeout: 120_000 });
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
});
