// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as atlassianJwt from 'atlassian-jwt';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProductInfo } from '../../demo/server/install.js';
import { loadSigningKey } from '../../demo/server/jwt.js';
import { MODULE_TYPES, PAGE_ROUTES, moduleType, pagePath, typesOnPage } from '../../demo/server/moduleTypes.js';
import { placedModules, viewSpec } from '../../demo/server/modules.js';
import { Store, USERS, type Installation } from '../../demo/server/store.js';

const dir = mkdtempSync(join(tmpdir(), 'apb-modules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function productWith(modules: Record<string, unknown>): ProductInfo {
  const store = new Store(mkdtempSync(join(dir, 's-')));
  const installation: Installation = {
    key: 'my-app', descriptorUrl: 'https://app.example/atlassian-connect.json', sharedSecret: 'secret', enabled: true, license: 'active', installedAt: '',
    descriptor: { key: 'my-app', name: 'My app', baseUrl: 'https://app.example', modules },
  };
  store.putInstallation(installation);
  return { baseUrl: 'http://127.0.0.1:4000', store, key: loadSigningKey(store.dir), productType: 'jira', contextPath: '', description: 'Acme Tracker' };
}

const admin = USERS[0]!;

describe('the module-type table', () => {
  it('names a route for every full-page type and a known place for every other', () => {
    for (const [type, row] of Object.entries(MODULE_TYPES)) {
      expect(row.renders, type).not.toBe('');
      if ('page' in row) expect(Object.keys(PAGE_ROUTES)).toContain(row.page);
    }
    expect(typesOnPage('general')).toEqual(['generalPages', 'webItems']);
    expect(typesOnPage('admin')).toEqual(['adminPages', 'configurePage', 'postInstallPage']);
    expect(typesOnPage('project')).toEqual(['jiraProjectPages']);
    expect(typesOnPage('projectAdmin')).toEqual(['jiraProjectAdminTabPanels']);
    expect(pagePath('project', 'my app', 'p')).toBe('/projects/DEMO/apps/my%20app/p');
  });

  it('gives a URL only the context parameters its type lists; the rest become empty', () => {
    const product = productWith({
      generalPages: [{ key: 'page', name: { value: 'Page' }, url: '/page?issue={issue.key}&project={project.key}' }],
      webPanels: [{ key: 'panel', name: { value: 'Panel' }, url: '/panel?issue={issue.key}&type={issuetype.name}&project={project.id}', location: 'atl.jira.view.issue.right.context' }],
    });
    const issue = product.store.issue('DEMO-1')!;
    const [page, panel] = placedModules(product, ['generalPages', 'webPanels']);
    expect(moduleType('generalPages')?.context).not.toContain('issue.key');
    const pageUrl = new URL(viewSpec(product, page!, { issue }, admin, 'c').url);
    expect(pageUrl.searchParams.get('issue')).toBe('');
    expect(pageUrl.searchParams.get('project')).toBe('DEMO');
    const panelUrl = new URL(viewSpec(product, panel!, { issue }, admin, 'c').url);
    expect([panelUrl.searchParams.get('issue'), panelUrl.searchParams.get('type'), panelUrl.searchParams.get('project')]).toEqual(['DEMO-1', 'Bug', '10000']);
    // The JWT's qsh covers the substituted URL, relative to the app's baseUrl.
    const claims = atlassianJwt.decodeSymmetric(panelUrl.searchParams.get('jwt')!, 'secret', atlassianJwt.SymmetricAlgorithm.HS256) as { qsh: string; sub: string };
    panelUrl.searchParams.delete('jwt');
    expect(claims.qsh).toBe(atlassianJwt.createQueryStringHash(atlassianJwt.fromMethodAndUrl('GET', panelUrl.pathname + panelUrl.search)));
    expect(claims.sub).toBe(admin.accountId);
  });

  it('starts an iframe at the declared layout height, else at the type default, else at the host default', () => {
    const product = productWith({
      webPanels: [
        { key: 'tall', url: '/p', location: 'atl.jira.view.issue.right.context', layout: { height: '260px' } },
        { key: 'plain', url: '/p', location: 'atl.jira.view.issue.right.context' },
      ],
      generalPages: [{ key: 'page', url: '/g' }],
    });
    const [tall, plain, page] = placedModules(product, ['webPanels', 'generalPages']);
    expect(viewSpec(product, tall!, {}, admin, 'c').height).toBe('260px');
    expect(viewSpec(product, plain!, {}, admin, 'c').height).toBe('120px');
    expect(viewSpec(product, page!, {}, admin, 'c').height).toBeUndefined();
  });
});
