import { afterEach, describe, expect, it } from 'vitest';
import { requestModule } from '../../../src/host/modules/request.js';
import type { CallContext, Host } from '../../../src/host/types.js';
import { createRequest } from '../../../src/plugin/modules/request.js';
import type { PluginBridge } from '../../../src/plugin/bridge.js';
import type { BridgeError } from '../../../src/shared/errors.js';
import { fakeFetch, json, linked } from '../../data.js';

let host: Host | undefined;
afterEach(() => host?.destroy());

async function setup(respond?: Parameters<typeof fakeFetch>[0], request: object = {}) {
  const f = fakeFetch(respond);
  const l = await linked({ request: { fetch: f.fetch, headers: { 'X-Atlassian-Token': 'no-check' }, ...request } });
  host = l.host;
  return { ...l, calls: f.calls };
}

describe('AP.request over the link', () => {
  it('resolves { body, xhr } and sends AP-Client-Key and the CSRF header from the host', async () => {
    const { ap, calls } = await setup();
    const { body, xhr } = await ap.request('/rest/api/3/myself', { headers: { Accept: 'application/json', 'AP-Client-Key': 'forged', Cookie: 'x' } });
    expect(JSON.parse(body)).toEqual({ ok: true });
    expect(xhr.status).toBe(200);
    expect(xhr.responseText).toBe(body);
    expect(xhr.getResponseHeader('Content-Type')).toBe('application/json');
    expect(xhr.getResponseHeader('etag')).toBe('"v1"');
    expect(xhr.getResponseHeader('x-secret')).toBeNull();
    expect(xhr.getAllResponseHeaders()).toBe('content-type: application/json\r\netag: "v1"\r\n');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe('https://product.example/rest/api/3/myself');
    expect(calls[0]!.init.redirect).toBe('manual');
    expect(calls[0]!.headers).toEqual({ accept: 'application/json', 'ap-client-key': 'app-a', 'x-atlassian-token': 'no-check' });
  });

  it('supports AP.request(options), callbacks with jQuery arguments, and AP.require', async () => {
    const { ap } = await setup();
    const seen = await new Promise<unknown[]>((resolve) =>
      ap.request({ url: '/rest/x', success: (body, statusText, xhr) => resolve([body, statusText, xhr.status]) }),
    );
    expect(seen).toEqual(['{"ok":true}', 'success', 200]);
    const viaRequire = await new Promise((resolve) =>
      ap.require('request', (request) => (request as typeof ap.request)('/rest/y').then(({ xhr }) => resolve(xhr.status))),
    );
    expect(viaRequire).toBe(200);
  });

  it('passes HTTP errors through: error(xhr, "error", reason) and a { err, xhr } rejection', async () => {
    const { ap } = await setup(() => json({ errorMessages: ['nope'] }, { status: 404, statusText: 'Not Found' }));
    let callback: unknown[] = [];
    const failure = await ap
      .request('/rest/api/3/issue/NOPE-1', { error: (xhr, statusText, errorThrown) => (callback = [xhr.status, statusText, errorThrown]) })
      .then(() => null, (e: unknown) => e as { err: unknown; xhr: { status: number; responseText: string } });
    expect(callback).toEqual([404, 'error', 'Not Found']);
    expect(failure?.err).toBe('Not Found');
    expect(failure?.xhr.status).toBe(404);
    expect(JSON.parse(failure!.xhr.responseText)).toEqual({ errorMessages: ['nope'] });
  });

  it('encodes data: GET query, form, JSON, string', async () => {
    const { ap, calls } = await setup();
    await ap.request('/rest/search', { data: { jql: 'project = DEMO', fields: ['a', 'b'] } });
    await ap.request('/rest/form', { type: 'post', data: { a: 1, b: 'x y' } });
    await ap.request('/rest/json', { type: 'PUT', contentType: 'application/json', data: { fields: { summary: 'Hi' } } });
    await ap.request('/rest/raw', { type: 'POST', contentType: 'text/plain', data: 'hello' });
    expect(calls.map((c) => [c.url, c.init.method, c.headers['content-type'], c.init.body])).toEqual([
      ['https://product.example/rest/search?jql=project+%3D+DEMO&fields%5B%5D=a&fields%5B%5D=b', 'GET', undefined, undefined],
      ['https://product.example/rest/form', 'POST', 'application/x-www-form-urlencoded', 'a=1&b=x+y'],
      ['https://product.example/rest/json', 'PUT', 'application/json', '{"fields":{"summary":"Hi"}}'],
      ['https://product.example/rest/raw', 'POST', 'text/plain', 'hello'],
    ]);
  });

  // Node's MessageChannel clones a happy-dom File into a Node Blob, so the two halves are checked
  // separately here; e2e/data/request.spec.ts sends a real File across origins in Chromium.
  it('sends multipart data to the host as given, holding the File itself', async () => {
    const sent: unknown[][] = [];
    const bridge = { call: async (_m: string, _k: string, args: unknown[]) => (sent.push(args), { status: 200, statusText: 'OK', headers: {}, body: '' }) };
    const file = new File(['file bytes'], 'notes.txt', { type: 'text/plain' });
    await createRequest(bridge as unknown as PluginBridge)({ url: '/rest/a', type: 'POST', contentType: 'multipart/form-data', data: { file, comment: 'attached' } });
    const form = new FormData();
    form.append('file', file);
    form.append('comment', 'attached');
    await createRequest(bridge as unknown as PluginBridge)('/rest/b', { type: 'POST', data: form });
    expect(sent).toEqual([
      [{ url: '/rest/a', type: 'POST', contentType: 'multipart/form-data', data: [{ file, comment: 'attached' }] }],
      [{ url: '/rest/b', type: 'POST', form: [['file', expect.any(File)], ['comment', 'attached']] }],
    ]);
    expect((sent[0]![0] as { data: [{ file: File }] }).data[0].file).toBe(file);
  });

  it('builds multipart parts into FormData on the host, with the filename and no content-type of its own', async () => {
    const f = fakeFetch();
    const module = requestModule({ request: { fetch: f.fetch } });
    const file = new File(['file bytes'], 'notes.txt', { type: 'text/plain' });
    const ctx = { app: { key: 'app-a' }, host: { origin: 'https://product.example' }, signal: new AbortController().signal } as unknown as CallContext;
    await module.methods.request!(ctx, { url: '/rest/a', type: 'POST', contentType: 'multipart/form-data', data: [{ file, comment: 'attached', tags: ['x', 'y'] }] });
    await module.methods.request!(ctx, { url: '/rest/b', type: 'POST', form: [['file', file], ['comment', 'attached']] });
    for (const call of f.calls) {
      const body = call.init.body as FormData;
      expect(body).toBeInstanceOf(FormData);
      const sent = body.get('file') as File;
      expect(sent.name).toBe('notes.txt');
      expect(await sent.text()).toBe('file bytes');
      expect(body.get('comment')).toBe('attached');
      expect(call.headers['content-type']).toBeUndefined();
    }
    expect((f.calls[0]!.init.body as FormData).getAll('tags')).toEqual(['x', 'y']);
  });

  it('refuses data the host cannot encode with INVALID_ARGUMENT, before any fetch', async () => {
    const f = fakeFetch();
    const module = requestModule({ request: { fetch: f.fetch } });
    const ctx = { app: { key: 'app-a' }, host: { origin: 'https://product.example' }, signal: new AbortController().signal } as unknown as CallContext;
    const deep: Record<string, unknown> = {};
    let at = deep;
    for (let n = 0; n < 40; n++) at = (at.a = {}) as Record<string, unknown>;
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const refused = async (wire: object) => {
      try {
        await module.methods.request!(ctx, { url: '/rest/x', type: 'POST', ...wire });
        return 'ok';
      } catch (error) {
        return `${(error as BridgeError).code}: ${(error as BridgeError).message}`;
      }
    };
    expect(await refused({ data: 'not boxed' })).toBe('INVALID_ARGUMENT: request.data must be [data]');
    expect(await refused({ data: [deep] })).toBe('INVALID_ARGUMENT: request.data is nested too deeply to form-encode');
    expect(await refused({ data: [cyclic] })).toBe('INVALID_ARGUMENT: request.data is nested too deeply to form-encode');
    expect(await refused({ data: [cyclic], contentType: 'application/json' })).toBe('INVALID_ARGUMENT: request.data cannot be encoded as JSON');
    expect(await refused({ form: [['a', 1]] })).toBe('INVALID_ARGUMENT: A form entry is a [name, string or Blob] pair');
    expect(await refused({ form: 'a=1' })).toBe('INVALID_ARGUMENT: request.form must be at most 100 entries');
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, n) => [`p${n}`, 'v']));
    expect(await refused({ data: [many], contentType: 'multipart/form-data' })).toBe('INVALID_ARGUMENT: A multipart body has at most 100 parts');
    expect(await refused({ data: [{ ['n'.repeat(257)]: 'v' }], contentType: 'multipart/form-data' })).toBe(
      'INVALID_ARGUMENT: A multipart part name is over 256 characters',
    );
    expect(f.calls).toHaveLength(0);
  });

  it('leaves an ArrayBuffer the app passes as data usable (copied to the host, not transferred)', async () => {
    const { ap, calls } = await setup();
    const bytes = new Uint8Array([1, 2]);
    await ap.request('/rest/x', { type: 'POST', data: bytes });
    expect(bytes.byteLength).toBe(2);
    expect(calls[0]!.init.body).toBe('0=1&1=2');
  });

  it('returns binary bodies as an ArrayBuffer', async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const { ap } = await setup(() => new Response(bytes, { headers: { 'content-type': 'application/octet-stream' } }));
    const { body, xhr } = await ap.request('/rest/api/3/attachment/content/1', { binaryAttachment: true });
    expect(body).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(body)]).toEqual([...bytes]);
    expect(xhr.responseText).toBe('');
  });

  it('refuses paths outside the prefix before any fetch, to the error callback and the promise', async () => {
    const { ap, calls } = await setup();
    const codes: string[] = [];
    for (const url of ['https://evil.example/rest/x', '//evil.example/rest/x', '/rest/%2e%2e/secure', '/rest/..\\secure', '/secure/admin']) {
      let viaCallback = '';
      const err = await ap
        .request(url, { error: (xhr, _s, e) => (viaCallback = `${xhr.status}:${(e as { code: string }).code}`) })
        .then(() => 'resolved', (f: { err: { code: string } }) => f.err.code);
      codes.push(err, viaCallback);
    }
    expect(codes).toEqual(Array(5).fill(['NOT_ALLOWED', '0:NOT_ALLOWED']).flat());
    expect(calls).toHaveLength(0);
  });

  it('refuses disallowed methods; drops headers not on the allowlist', async () => {
    const { ap, calls } = await setup();
    const refused = await ap.request('/rest/x', { type: 'TRACE' }).catch((f: { err: { code: string } }) => f.err.code);
    expect(refused).toBe('NOT_ALLOWED');
    await ap.request('/rest/x', { headers: { 'If-Match': '"1"', 'X-Forwarded-For': '1.2.3.4', Authorization: 'Basic x' } });
    expect(calls[0]!.headers).toEqual({ 'if-match': '"1"', 'ap-client-key': 'app-a', 'x-atlassian-token': 'no-check' });
  });

  it('sends experimental and cache options as headers and fetch cache mode', async () => {
    const { ap, calls } = await setup();
    await ap.request('/rest/x', { experimental: true, cache: false });
    expect(calls[0]!.headers['x-experimentalapi']).toBe('opt-in');
    expect(calls[0]!.init.cache).toBe('no-store');
  });

  it('caps request and response bodies with PAYLOAD_TOO_LARGE', async () => {
    const { ap } = await setup((url) => (url.endsWith('/big') ? new Response('x'.repeat(2000)) : json({})), {
      maxBodyBytes: 100,
      maxResponseBytes: 1000,
    });
    const code = (p: Promise<unknown>) => p.then(() => 'ok', (f: { err: { code: string } }) => f.err.code);
    expect(await code(ap.request('/rest/x', { type: 'POST', data: 'y'.repeat(101) }))).toBe('PAYLOAD_TOO_LARGE');
    const form = { contentType: 'multipart/form-data', type: 'POST' };
    expect(await code(ap.request('/rest/x', { ...form, data: { a: 'y'.repeat(60) } }))).toBe('ok');
    expect(await code(ap.request('/rest/x', { ...form, data: { a: 'y'.repeat(60), b: 'z'.repeat(41) } }))).toBe('PAYLOAD_TOO_LARGE');
    expect(await code(ap.request('/rest/big'))).toBe('PAYLOAD_TOO_LARGE');
  });

  it('queues requests over maxConcurrentPerApp and sends them in order as earlier ones finish', async () => {
    const gates: (() => void)[] = [];
    const { ap, calls } = await setup(
      (url) => new Promise<Response>((resolve) => gates.push(() => resolve(json({ url })))),
      { maxConcurrentPerApp: 2 },
    );
    const results = [1, 2, 3, 4, 5].map((n) => ap.request(`/rest/n/${n}`));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.map((c) => c.url.split('/').pop())).toEqual(['1', '2']);
    while (calls.length < 5 || gates.length > 0) {
      gates.shift()?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    const bodies = await Promise.all(results);
    expect(bodies.map((r) => JSON.parse(r.body).url.split('/').pop())).toEqual(['1', '2', '3', '4', '5']);
    expect(calls.map((c) => c.url.split('/').pop())).toEqual(['1', '2', '3', '4', '5']);
  });

  it('serves 1,000 concurrent requests of one app, 16 at a time', async () => {
    let active = 0;
    let most = 0;
    const { ap } = await setup(async () => {
      most = Math.max(most, ++active);
      await new Promise((r) => setTimeout(r, 0));
      active--;
      return json({ ok: true });
    });
    const results = await Promise.all(Array.from({ length: 1000 }, (_, n) => ap.request(`/rest/x?n=${n}`).then((r) => r.xhr.status)));
    expect(results).toEqual(Array(1000).fill(200));
    expect(most).toBe(16);
  });

  it("does not queue a second app's request behind the first app's backlog", async () => {
    const f = fakeFetch((url) => (url.includes('/slow') ? new Promise<Response>(() => {}) : json({ ok: true })));
    const a = await linked({ request: { fetch: f.fetch, maxConcurrentPerApp: 2 } });
    host = a.host;
    const b = await linked({}, { host: a.host, app: { key: 'app-b' } });
    for (let n = 0; n < 50; n++) void a.ap.request(`/rest/slow/${n}`).catch(() => {});
    await new Promise((r) => setTimeout(r, 20));
    const answer = await b.ap.request('/rest/fast');
    expect(answer.xhr.status).toBe(200);
    expect(f.calls.filter((c) => c.url.includes('/slow'))).toHaveLength(2);
    expect(f.calls.find((c) => c.url.endsWith('/fast'))!.headers['ap-client-key']).toBe('app-b');
  });

  it('refuses opaque redirects; re-checks readable ones and follows them only inside the prefix', async () => {
    const { ap, calls } = await setup((url) => {
      if (url.endsWith('/opaque')) return { type: 'opaqueredirect', status: 0, statusText: '', headers: new Headers() } as Response;
      if (url.endsWith('/inside')) return new Response(null, { status: 302, headers: { location: '/rest/target' } });
      if (url.endsWith('/outside')) return new Response(null, { status: 302, headers: { location: '/secure/admin' } });
      if (url.endsWith('/away')) return new Response(null, { status: 302, headers: { location: 'https://evil.example/rest/x' } });
      return json({ at: url });
    });
    const code = (p: Promise<unknown>) => p.then(() => 'ok', (f: { err: { code: string } }) => f.err.code);
    expect(await code(ap.request('/rest/opaque'))).toBe('NOT_ALLOWED');
    expect(await code(ap.request('/rest/outside'))).toBe('NOT_ALLOWED');
    expect(await code(ap.request('/rest/away'))).toBe('NOT_ALLOWED');
    const followed = await ap.request('/rest/inside');
    expect(JSON.parse(followed.body)).toEqual({ at: 'https://product.example/rest/target' });
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual(['/rest/opaque', '/rest/outside', '/rest/away', '/rest/inside', '/rest/target']);
  });

  it('uses productBaseUrl and contextPath, and reports network failures as REQUEST_FAILED', async () => {
    const f = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const l = await linked({ productBaseUrl: 'https://product.example/jira', request: { fetch: f.fetch } });
    host = l.host;
    const err = await l.ap.request('/rest/api/3/myself').catch((x: { err: { code: string } }) => x.err.code);
    expect(err).toBe('REQUEST_FAILED');
    expect(f.calls[0]!.url).toBe('https://product.example/jira/rest/api/3/myself');
  });
});
