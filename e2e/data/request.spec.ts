import { expect, test } from '@playwright/test';
import { APP_A, HOST, createView } from '../helpers.js';
import { inApp, openDataHost } from './setup.js';

test('GET as the user: host adds AP-Client-Key and CSRF header; promise, callback and require forms', async ({ page }) => {
  await openDataHost(page);
  const { frame } = await createView(page, {});
  expect(new URL(frame.url()).origin).toBe(APP_A);
  const out = await inApp(frame, async (AP) => {
    const { body, xhr } = await AP.request('/rest/e2e/echo?x=1', { headers: { Accept: 'application/json', 'AP-Client-Key': 'forged', 'X-Evil': '1' } });
    const viaCallback = await new Promise((resolve) =>
      AP.request({ url: '/rest/e2e/echo', success: (b: string, statusText: string, x: any) => resolve([JSON.parse(b).method, statusText, x.status]) }),
    );
    const viaRequire = await new Promise((resolve) => AP.require('request', (request: any) => request('/rest/e2e/echo').then((r: any) => resolve(r.xhr.status))));
    return { echo: JSON.parse(body), headers: xhr.getAllResponseHeaders(), viaCallback, viaRequire };
  });
  expect(out.echo.method).toBe('GET');
  expect(out.echo.query).toBe('?x=1');
  expect(out.echo.headers['ap-client-key']).toBe('app-a');
  expect(out.echo.headers['x-atlassian-token']).toBe('no-check');
  expect(out.echo.headers['x-evil']).toBeUndefined();
  expect(out.echo.headers.accept).toBe('application/json');
  expect(new URL(out.echo.headers.referer ?? HOST).origin).toBe(HOST);
  expect(out.headers).toBe('content-type: application/json\r\netag: "e2e"\r\n');
  expect(out.viaCallback).toEqual(['GET', 'success', 200]);
  expect(out.viaRequire).toBe(200);
});

test('POST JSON, form and multipart with a File; status codes pass through to error callbacks', async ({ page }) => {
  await openDataHost(page);
  const { frame } = await createView(page, {});
  const out = await inApp(frame, async (AP) => {
    const json = JSON.parse((await AP.request('/rest/e2e/echo', { type: 'POST', contentType: 'application/json', data: { a: [1, 2] } })).body);
    const form = JSON.parse((await AP.request('/rest/e2e/echo', { type: 'PUT', data: { a: 'x y', b: 2 } })).body);
    const file = new File(['hello file'], 'notes.txt', { type: 'text/plain' });
    const multi = JSON.parse((await AP.request({ url: '/rest/e2e/echo', type: 'POST', contentType: 'multipart/form-data', data: { file, note: 'n1' } })).body);
    const errors: unknown[] = [];
    for (const code of [404, 500, 403]) {
      const failure = await AP.request(`/rest/e2e/status/${code}`, {
        error: (xhr: any, statusText: string, thrown: unknown) => errors.push([xhr.status, statusText, thrown, JSON.parse(xhr.responseText).errorMessages[0]]),
      }).catch((f: any) => f);
      errors.push([failure.err, failure.xhr.status]);
    }
    return { json, form, multi, errors };
  });
  expect(out.json).toMatchObject({ method: 'POST', body: '{"a":[1,2]}' });
  expect(out.json.headers['content-type']).toBe('application/json');
  expect(out.form).toMatchObject({ method: 'PUT', body: 'a=x+y&b=2' });
  expect(out.multi.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
  expect(out.multi.body).toContain('filename="notes.txt"');
  expect(out.multi.body).toContain('hello file');
  expect(out.multi.body).toContain('n1');
  expect(out.errors).toEqual([
    [404, 'error', 'Not Found', 'status 404'],
    ['Not Found', 404],
    [500, 'error', 'Internal Server Error', 'status 500'],
    ['Internal Server Error', 500],
    [403, 'error', 'Forbidden', 'status 403'],
    ['Forbidden', 403],
  ]);
});

test('a binary download arrives as an ArrayBuffer whose bytes match', async ({ page }) => {
  await openDataHost(page);
  const { frame } = await createView(page, {});
  const bytes = await inApp(frame, async (AP) => {
    const { body } = await AP.request('/rest/e2e/binary', { binaryAttachment: true });
    return body instanceof ArrayBuffer ? [...new Uint8Array(body)] : null;
  });
  expect(bytes).toEqual(Array.from({ length: 256 }, (_, i) => i));
});

test('refused URLs reject NOT_ALLOWED and no request leaves the page', async ({ page }) => {
  const requests = await openDataHost(page);
  const { frame } = await createView(page, {});
  const before = requests.length;
  const urls = [
    `${HOST}/rest/e2e/echo`,
    'http://evil.test:4173/rest/e2e/echo',
    '//evil.test:4173/rest/e2e/echo',
    '/\\evil.test/rest/e2e/echo',
    '/rest/e2e/%2e%2e/%2e%2e/fixtures/host.html',
    '/rest/e2e/%2E%2E/echo',
    '/rest/e2e/..\\..\\fixtures/host.html',
    '/rest/e2e/.\t./.\n./fixtures/host.html',
    '/rest/../fixtures/host.html',
    '/fixtures/host.html',
    'javascript:alert(1)',
  ];
  const codes = await inApp(
    frame,
    async (AP, list: string[]) => {
      const out: string[] = [];
      for (const url of list) out.push(await AP.request(url).then(() => 'resolved', (f: any) => f.err?.code ?? String(f.err)));
      return out;
    },
    urls,
  );
  expect(codes).toEqual(urls.map(() => 'NOT_ALLOWED'));
  expect(requests.slice(before)).toEqual([]);
});

test('a redirect out of the allowed prefix is not followed (no hit on the server); size cap applies', async ({ page }) => {
  const requests = await openDataHost(page);
  const { frame } = await createView(page, {});
  const id = `r${Date.now()}${Math.random().toString(16).slice(2)}`;
  const out = await inApp(
    frame,
    async (AP, mark: string) => {
      const redirect = await AP.request(`/rest/e2e/redirect?to=/e2e-mark/${mark}`).then(() => 'resolved', (f: any) => f.err.code);
      // The echo of a 5000-byte body is over the page's maxResponseBytes (4096).
      const big = await AP.request('/rest/e2e/echo', { type: 'POST', data: 'x'.repeat(5000) }).then(() => 'resolved', (f: any) => f.err.code);
      const hits = JSON.parse((await AP.request(`/rest/e2e/hits/${mark}`)).body).hits;
      return { redirect, big, hits };
    },
    id,
  );
  expect(out).toEqual({ redirect: 'NOT_ALLOWED', big: 'PAYLOAD_TOO_LARGE', hits: 0 });
  expect(requests.map((url) => new URL(url).pathname)).toContain('/rest/e2e/redirect');
});
