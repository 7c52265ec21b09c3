// @vitest-environment node
import * as atlassianJwt from 'atlassian-jwt';
import { describe, expect, it } from 'vitest';
import { DescriptorError, productTypeOf, validateDescriptor } from '../../demo/server/descriptor.js';
import { escapeHtml, html } from '../../demo/server/html.js';
import { qsh, signForApp, verifyFromApp } from '../../demo/server/jwt.js';
import { hasScope, requiredScope } from '../../demo/server/scopes.js';

describe('descriptor validation', () => {
  it('lists every problem at once, each led by its JSON path', () => {
    try {
      validateDescriptor({ scopes: ['READ', 'WRIT'], modules: { generalPages: [{ url: '/x' }], fancyThings: [] } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DescriptorError);
      expect((error as DescriptorError).problems).toEqual([
        '$.key: missing',
        '$.baseUrl: missing',
        '$.scopes[1]: unknown scope "WRIT" (expected one of READ, WRITE, DELETE, PROJECT_ADMIN, ADMIN, ACT_AS_USER, ACCESS_EMAIL_ADDRESSES)',
        '$.modules.generalPages[0].key: needs letters, digits and "-"',
        '$.modules.fancyThings: unknown module type',
      ]);
    }
  });

  it('accepts Connect i18n names and reads signed-install', () => {
    const d = validateDescriptor({
      key: 'my-app', baseUrl: 'https://app.example/', scopes: ['read'], apiMigrations: { 'signed-install': true },
      modules: { generalPages: [{ key: 'p', name: { value: 'Page' }, url: '/p' }] },
    });
    expect(d).toMatchObject({ key: 'my-app', baseUrl: 'https://app.example', scopes: ['READ'], signedInstall: true });
    expect(d.modules.generalPages?.[0]?.name).toBe('Page');
  });

  it('accepts the Jira module types real apps declare, rendered or not', () => {
    const d = validateDescriptor({
      key: 'my-app', baseUrl: 'https://app.example',
      modules: {
        jiraGlobalPermissions: [{ key: 'g', name: { value: 'G' }, description: { value: 'd' } }],
        jiraProjectPermissions: [{ key: 'p', name: { value: 'P' }, description: { value: 'd' }, category: 'other' }],
        jiraTimeTrackingProviders: [{ key: 't', name: { value: 'T' }, adminPageKey: 'a' }],
        jiraWorkflowValidators: [{ key: 'v', name: { value: 'V' }, expression: 'true' }],
        jiraBuildInfoProvider: { key: 'b', name: { value: 'B' }, homeUrl: 'https://ci.example', logoUrl: 'https://ci.example/l.png', documentationUrl: 'https://ci.example/d' },
        serviceDeskPortalHeaders: [{ key: 'sd-portal-header', url: '/sd-portal-header' }],
      },
    });
    expect(Object.keys(d.modules)).toEqual(['jiraGlobalPermissions', 'jiraProjectPermissions', 'jiraTimeTrackingProviders', 'jiraWorkflowValidators', 'jiraBuildInfoProvider', 'serviceDeskPortalHeaders']);
    expect(productTypeOf(d)).toBe('jira');
  });

  it('wants a workflow post function to name its triggered URL, and its pages as paths', () => {
    const base = { key: 'my-app', baseUrl: 'https://app.example' };
    expect(() => validateDescriptor({ ...base, modules: { jiraWorkflowPostFunctions: [{ key: 'pf', create: { url: '/c' }, triggered: { url: '/t' } }] } })).not.toThrow();
    try {
      validateDescriptor({ ...base, modules: { jiraWorkflowPostFunctions: [{ key: 'pf', create: { url: 'https://elsewhere.example/c' }, edit: '/e' }] } });
      expect.unreachable();
    } catch (error) {
      expect((error as DescriptorError).problems).toEqual([
        '$.modules.jiraWorkflowPostFunctions[0].create.url: must be a path starting with "/"',
        '$.modules.jiraWorkflowPostFunctions[0].edit.url: must be a path starting with "/"',
        '$.modules.jiraWorkflowPostFunctions[0].triggered.url: missing',
      ]);
    }
  });
});

describe('scopes', () => {
  it('maps methods and paths as Connect does, with the scope ladder', () => {
    expect(requiredScope('GET', '/rest/api/3/issue/DEMO-1')).toBe('READ');
    expect(requiredScope('POST', '/rest/api/3/search')).toBe('READ');
    expect(requiredScope('POST', '/rest/api/3/issue')).toBe('WRITE');
    expect(requiredScope('DELETE', '/rest/api/3/issue/DEMO-1')).toBe('DELETE');
    expect(requiredScope('GET', '/rest/api/3/admin/x')).toBe('ADMIN');
    expect(hasScope(['DELETE'], 'WRITE')).toBe(true);
    expect(hasScope(['READ'], 'WRITE')).toBe(false);
    expect(hasScope(['ACT_AS_USER'], 'READ')).toBe(false);
  });
});

describe('Connect JWTs', () => {
  it('computes qsh as atlassian-jwt does, relative to the app baseUrl, ignoring jwt', () => {
    const expected = atlassianJwt.createQueryStringHash(atlassianJwt.fromMethodAndUrl('GET', '/page?b=2&a=1'));
    expect(qsh('GET', 'https://app.example/sub/page?a=1&b=2&jwt=xyz', 'https://app.example/sub')).toBe(expected);
  });

  it('verifies a token from an app server and refuses a qsh for another request', () => {
    const secret = 's3cret';
    const token = atlassianJwt.encodeSymmetric(
      { iss: 'my-app', iat: 1, exp: Math.floor(Date.now() / 1000) + 60, qsh: qsh('GET', '/rest/api/3/myself') },
      secret,
    );
    expect(verifyFromApp(token, () => secret, { method: 'GET', url: '/rest/api/3/myself' }).appKey).toBe('my-app');
    expect(() => verifyFromApp(token, () => secret, { method: 'DELETE', url: '/rest/api/3/issue/1' })).toThrow('qsh');
    expect(() => verifyFromApp(token, () => 'other', { method: 'GET', url: '/rest/api/3/myself' })).toThrow('signature');
  });

  it('signs context tokens with context-qsh, iss = clientKey and sub = the user', () => {
    const token = signForApp({ sharedSecret: 'k', clientKey: 'client-1', accountId: 'u-1', request: 'context-qsh' });
    const claims = atlassianJwt.decodeSymmetric(token, 'k', atlassianJwt.SymmetricAlgorithm.HS256);
    expect(claims).toMatchObject({ iss: 'client-1', sub: 'u-1', qsh: 'context-qsh' });
  });
});

describe('html', () => {
  it('escapes every interpolation that is not itself html', () => {
    const name = '<img src=x onerror=alert(1)>';
    expect(html`<b>${name}</b>${html`<i>ok</i>`}`.value).toBe(`<b>${escapeHtml(name)}</b><i>ok</i>`);
    expect(escapeHtml(`"'&`)).toBe('&#34;&#39;&#38;');
  });
});
