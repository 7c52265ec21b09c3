import { describe, expect, it } from 'vitest';
import { resolveRequestUrl, type RequestTarget } from '../../../src/host/modules/requestUrl.js';
import { isBridgeError } from '../../../src/shared/errors.js';

const target: RequestTarget = { origin: 'https://product.example', contextPath: '', allowedPaths: ['/rest/'] };
const jira: RequestTarget = { ...target, contextPath: '/jira' };

function code(raw: unknown, t = target): string {
  try {
    resolveRequestUrl(raw, t);
    return 'ok';
  } catch (error) {
    return isBridgeError(error) ? error.code : 'other';
  }
}

describe('resolveRequestUrl', () => {
  it.each([
    ['/rest/api/3/myself', 'https://product.example/rest/api/3/myself'],
    ['/rest/api/3/search?jql=project%20%3D%20DEMO&fields=a,b', 'https://product.example/rest/api/3/search?jql=project%20%3D%20DEMO&fields=a,b'],
    ['/rest/api/3/issue/DEMO-1#frag', 'https://product.example/rest/api/3/issue/DEMO-1'],
    ['/rest/api/3/search?q=../../admin', 'https://product.example/rest/api/3/search?q=../../admin'],
    ['/rest/a..b/c.d', 'https://product.example/rest/a..b/c.d'],
    ['/rest/api;v=1/x', 'https://product.example/rest/api;v=1/x'],
  ])('accepts %s', (raw, href) => {
    expect(resolveRequestUrl(raw, target).href).toBe(href);
  });

  it('resolves under the context path', () => {
    expect(resolveRequestUrl('/rest/api/3/myself', jira).href).toBe('https://product.example/jira/rest/api/3/myself');
  });

  it.each([
    'https://evil.example/rest/api',
    'http://product.example/rest/api',
    '//evil.example/rest/api',
    '/\\evil.example/rest',
    '\\\\evil.example\\rest',
    'javascript:alert(1)',
    'data:text/plain,x',
    'rest/api/3/myself',
    '/rest/../admin',
    '/rest/./../admin',
    '/rest/%2e%2e/admin',
    '/rest/%2E%2E/admin',
    '/rest/.%2e/admin',
    '/rest/%2e./admin',
    '/rest/%252e%252e/admin',
    '/rest/..%2fadmin',
    '/rest/..%5cadmin',
    '/rest/..;/admin',
    '/rest/..;jsessionid=x/admin',
    '/rest/.;/..;/admin',
    '/rest/%2e%2e%3b/admin',
    '/rest/..\\admin',
    '/rest/.\t./admin',
    '/rest/.\n./admin',
    '/rest/\r/x',
    '/rest/%00/x',
    '/rest/%zz',
    '/admin/rest/',
    '/restricted/x',
    '/rest',
    '/secure/Dashboard.jspa',
    '/plugins/servlet/x?u=/rest/',
    ' /rest/api',
  ])('refuses %j with NOT_ALLOWED', (raw) => {
    expect(code(raw)).toBe('NOT_ALLOWED');
  });

  it('refuses non-strings and empty strings as INVALID_ARGUMENT', () => {
    expect(code(42)).toBe('INVALID_ARGUMENT');
    expect(code('')).toBe('INVALID_ARGUMENT');
    expect(code({ toString: () => '/rest/x' })).toBe('INVALID_ARGUMENT');
  });

  it('honours prefixes without a trailing slash on a segment boundary', () => {
    const t = { ...target, allowedPaths: ['/rest/api/3'] };
    expect(code('/rest/api/3', t)).toBe('ok');
    expect(code('/rest/api/3/issue', t)).toBe('ok');
    expect(code('/rest/api/30', t)).toBe('NOT_ALLOWED');
  });
});
