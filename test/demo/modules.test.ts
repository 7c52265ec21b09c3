// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as atlassianJwt from 'atlassian-jwt';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { ProductInfo } from '../../demo/server/install.js';
import { loadSigningKey } from '../../demo/server/jwt.js';
import { MODULE_TYPES, PAGE_ROUTES, moduleType, pagePath, typesOnPage, unrenderedJiraTypes } from '../../demo/server/moduleTypes.js';
import { placedModules, viewSpec } from '../../demo/server/modules.js';
import { Store, USERS, type Installation } from '../../demo/server/store.js';
import { triggerPostFunctions } from '../../demo/server/workflow.js';
import { appFields, checkValue, displayValue, fieldValuesJson, findField } from '../../demo/server/fields.js';

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
    expect(typesOnPage('project')).toEqual(['jiraProjectPages', 'jiraReports']);
    expect(typesOnPage('projectAdmin')).toEqual(['jiraProjectAdminTabPanels']);
    expect(pagePath('project', 'my app', 'p')).toBe('/projects/DEMO/apps/my%20app/p');
  });

  it('names the declared types the tracker only stores (neither rendered nor handled)', () => {
    const modules = { webPanels: [], webhooks: [], jiraEntityProperties: [], jiraWorkflowPostFunctions: [], jiraGlobalPermissions: [], jiraBuildInfoProvider: [] };
    expect(unrenderedJiraTypes(modules)).toEqual(['jiraGlobalPermissions', 'jiraBuildInfoProvider']);
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

describe('workflow post functions', () => {
  afterEach(() => vi.restoreAllMocks());

  it("POST the configuration, the issue and the transition, JWT-signed, to the triggered URL of each function on the transition taken", async () => {
    const product = productWith({ jiraWorkflowPostFunctions: [{ key: 'pf', create: { url: '/c' }, triggered: { url: '/hooks/pf?x=1' } }] });
    product.store.savePostFunction({ id: 'f-1', appKey: 'my-app', moduleKey: 'pf', transitionId: 21, config: '{"label":"a"}' });
    product.store.savePostFunction({ id: 'f-2', appKey: 'my-app', moduleKey: 'pf', transitionId: 31, config: '' });
    // Saving an existing id changes only its configuration.
    product.store.savePostFunction({ id: 'f-1', appKey: 'other', moduleKey: 'x', transitionId: 11, config: '{"label":"b"}' });
    expect(product.store.postFunctions()[0]).toEqual({ id: 'f-1', appKey: 'my-app', moduleKey: 'pf', transitionId: 21, config: '{"label":"b"}' });
    const posts: { url: string; init: RequestInit }[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (url, init) => {
      posts.push({ url: String(url), init: init! });
      return new Response(null, { status: 204 });
    });

    const issue = product.store.issue('DEMO-2')!;
    expect(issue.status).toBe('To Do');
    triggerPostFunctions(product, issue, { key: issue.key }, 'To Do');
    expect(posts).toHaveLength(0);
    product.store.updateIssue(issue, { status: 'In Progress' });
    triggerPostFunctions(product, issue, { key: issue.key }, 'To Do');
    expect(posts).toHaveLength(1);
    const [post] = posts;
    expect(post!.url).toBe('https://app.example/hooks/pf?x=1');
    expect(JSON.parse(String(post!.init.body))).toEqual({
      configuration: { id: 'f-1', value: '{"label":"b"}' },
      issue: { key: 'DEMO-2' },
      transition: { workflowId: 10000, workflowName: 'Demo workflow', transitionId: 21, transitionName: 'In Progress', from_status: 'To Do', to_status: 'In Progress' },
    });
    const token = String((post!.init.headers as Record<string, string>).authorization).replace(/^JWT /, '');
    const claims = atlassianJwt.decodeSymmetric(token, 'secret', atlassianJwt.SymmetricAlgorithm.HS256) as { qsh: string };
    expect(claims.qsh).toBe(atlassianJwt.createQueryStringHash(atlassianJwt.fromMethodAndUrl('POST', '/hooks/pf?x=1')));
    await vi.waitFor(() => expect(product.store.deliveries()[0]).toMatchObject({ appKey: 'my-app', kind: 'post function pf', status: 204 }));

    // A disabled app's functions are not run; a removed function is gone.
    product.store.updateInstallation(product.store.installation('my-app')!, { enabled: false });
    product.store.updateIssue(issue, { status: 'Done' });
    triggerPostFunctions(product, issue, { key: issue.key }, 'In Progress');
    expect(posts).toHaveLength(1);
    expect(product.store.removePostFunction('f-2')).toBe(true);
    expect(product.store.removePostFunction('f-2')).toBe(false);
    expect(product.store.postFunctions().map((f) => f.id)).toEqual(['f-1']);
  });
});

describe('app issue fields', () => {
  it('give each declared field a stable custom field id and key, and check values by type', () => {
    const product = productWith({ jiraIssueFields: [
      { key: 'score', name: { value: 'Score' }, type: 'number' },
      { key: 'team', name: { value: 'Team' }, type: 'single_select' },
      { key: 'tags', name: { value: 'Tags' }, type: 'multi_select' },
      { key: 'note', name: { value: 'Note' }, type: 'read_only' },
      { key: 'blob', name: { value: 'Blob' }, type: 'user' },
    ] });
    const [score, team, tags, note, blob] = appFields(product);
    expect(score).toMatchObject({ key: 'my-app__score', name: 'Score', appKey: 'my-app', type: 'number' });
    expect(score!.id).toMatch(/^customfield_\d{5}$/);
    expect(appFields(product)[0]!.id).toBe(score!.id);
    expect(findField(product, score!.id)).toEqual(score);
    expect(findField(product, 'my-app__score')).toEqual(score);

    expect(checkValue(score!, 3.5)).toEqual({ value: 3.5 });
    expect(checkValue(score!, '3')).toHaveProperty('error');
    expect(checkValue(score!, null)).toEqual({ value: null });
    expect(checkValue(team!, 'Red')).toEqual({ value: { value: 'Red' } });
    expect(checkValue(team!, { value: 'Blue' })).toEqual({ value: { value: 'Blue' } });
    expect(checkValue(tags!, ['a', { value: 'b' }])).toEqual({ value: [{ value: 'a' }, { value: 'b' }] });
    expect(checkValue(tags!, 'a')).toHaveProperty('error');
    expect(checkValue(note!, 'x'.repeat(256))).toHaveProperty('error');
    expect(checkValue(blob!, { accountId: 'x' })).toEqual({ value: { accountId: 'x' } });

    const issue = product.store.issue('DEMO-1')!;
    product.store.updateIssue(issue, { fieldValues: { 'my-app__score': 42, 'my-app__tags': [{ value: 'a' }, { value: 'b' }] } });
    expect(fieldValuesJson(product, issue)).toEqual({ [score!.id]: 42, [team!.id]: null, [tags!.id]: [{ value: 'a' }, { value: 'b' }], [note!.id]: null, [blob!.id]: null });
    expect([displayValue(42), displayValue(null), displayValue([{ value: 'a' }, { value: 'b' }]), displayValue({ value: 'Red' })]).toEqual(['42', 'None', 'a, b', 'Red']);
  });
});
