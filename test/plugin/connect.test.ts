import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHostCore } from '../../src/host/createHost.js';
import type { Host } from '../../src/host/types.js';
import { connect } from '../../src/plugin/connect.js';
import { APP_ORIGIN, fakeAppWindow, link } from '../link.js';

let host: Host | undefined;
afterEach(() => host?.destroy());

const code = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: { code: string }) => e.code);

function hostWithAcme(): Host {
  host = createHostCore();
  host.defineModule('acme', { ping: (_ctx, n: number) => n * 2, echo: (_ctx, ...args: unknown[]) => args });
  return host;
}

describe('plugin connection', () => {
  it('refuses to run outside a host iframe with NOT_SUPPORTED', async () => {
    const win = { name: '', parent: null, location: new URL('https://app.example/'), document } as unknown as Window;
    (win as unknown as { parent: Window }).parent = win;
    const connection = connect(win, {});
    expect(await code(connection.ready)).toBe('NOT_SUPPORTED');
    expect(await code(connection.call('acme', 'ping', [1]))).toBe('NOT_SUPPORTED');
  });

  it("connects through Connect's xdm_e/xdm_c when the page took window.name for itself", async () => {
    hostWithAcme();
    host!.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
    const view = host!.create({ app: 'app-a', moduleKey: 'm', url: '/' }, document.body);
    const query = new URLSearchParams({ xdm_e: window.location.origin, xdm_c: 'channel-app-a__m' });
    const win = fakeAppWindow(view, window, APP_ORIGIN, `${APP_ORIGIN}/app?${query}`);
    win.name = 'the app keeps its own state here';
    const posted = vi.spyOn(win.parent, 'postMessage');
    const connection = connect(win, {});
    expect(await connection.call('acme', 'ping', [4])).toBe(8);
    await connection.ready;
    expect(view.state).toBe('connected');
    expect(posted.mock.calls[0]?.slice(0, 2)).toEqual([{ apb: 1, type: 'hello', channel: 'channel-app-a__m', version: 1 }, window.location.origin]);
    connection.destroy();
  });

  it('refuses a host outside the allowed hosts before posting anything', async () => {
    hostWithAcme();
    host!.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
    const view = host!.create({ app: 'app-a', moduleKey: 'm', url: '/' }, document.body);
    const win = fakeAppWindow(view, window, APP_ORIGIN);
    const posted = vi.spyOn(win.parent, 'postMessage');
    const connection = connect(win, { hosts: ['https://jira.example.com'] });
    expect(await code(connection.ready)).toBe('NOT_ALLOWED');
    expect(posted).not.toHaveBeenCalled();
    expect(view.state).toBe('loading');
  });

  it('times out with CONNECTION_TIMEOUT when the host never welcomes, settling queued calls', async () => {
    hostWithAcme();
    host!.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
    const view = host!.create({ app: 'app-a', moduleKey: 'm', url: '/' }, document.body);
    // Messages claim another origin, so the host drops the hello and never answers.
    const win = fakeAppWindow(view, window, 'https://other.example');
    const connection = connect(win, { timeout: 30 });
    const pending = code(connection.call('acme', 'ping', [1]));
    expect(await code(connection.ready)).toBe('CONNECTION_TIMEOUT');
    expect(await pending).toBe('CONNECTION_TIMEOUT');
  });

  it('sends calls made before the welcome at once and gets their answers (0-RTT)', async () => {
    hostWithAcme();
    host!.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
    const view = host!.create({ app: 'app-a', moduleKey: 'm', url: '/' }, document.body);
    const connection = connect(fakeAppWindow(view, window, APP_ORIGIN), {});
    let welcomed = false;
    void connection.ready.then(() => (welcomed = true));
    const early = connection.call('acme', 'ping', [21]);
    expect(welcomed).toBe(false);
    await expect(early).resolves.toBe(42);
    expect(welcomed).toBe(true);
  });

  it('supports the Connect callback form on stubbed modules', async () => {
    hostWithAcme();
    const { ap, connected } = link({ host });
    await connected;
    const acme = ap.acme as { ping(n: number, cb?: (v: number) => void): Promise<number> };
    await expect(new Promise((resolve) => acme.ping(21, resolve))).resolves.toBe(42);
  });

  it('answers 1,000 calls made before the welcome, each with its own result', async () => {
    hostWithAcme();
    host!.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
    const view = host!.create({ app: 'app-a', moduleKey: 'm', url: '/' }, document.body);
    const connection = connect(fakeAppWindow(view, window, APP_ORIGIN), {});
    let welcomed = false;
    void connection.ready.then(() => (welcomed = true));
    const calls = Array.from({ length: 1000 }, (_, n) => connection.call('acme', 'ping', [n]));
    expect(welcomed).toBe(false);
    expect(await Promise.all(calls)).toEqual(Array.from({ length: 1000 }, (_, n) => n * 2));
  });

  it('builds AP.<module> stubs from the welcome and supports AP.require with one or many names', async () => {
    hostWithAcme();
    host!.defineModule('other', { hi: () => 'hi' });
    const { ap } = link({ host });
    const [acme, other] = await new Promise<unknown[]>((resolve) => ap.require(['acme', 'other'], (...m) => resolve(m)));
    expect(await (acme as { echo(...a: unknown[]): Promise<unknown> }).echo(1, 'two', { three: 3 })).toEqual([1, 'two', { three: 3 }]);
    const single = await new Promise((resolve) => ap.require('other', resolve));
    expect(single).toBe(other);
    expect(await (other as { hi(): Promise<string> }).hi()).toBe('hi');
  });

  it('answers host-to-app calls with AP.provide and reports a missing method', async () => {
    hostWithAcme();
    const { ap, view, connected } = link({ host });
    ap.provide('editor', { content: (prefix: string) => `${prefix}: hello` });
    await connected;
    await expect(view.call('editor', 'content', 'doc')).resolves.toBe('doc: hello');
    expect(await code(view.call('editor', 'missing'))).toBe('METHOD_NOT_FOUND');
  });

  it('holds a host-to-app call for a module the page provides a little later', async () => {
    hostWithAcme();
    const { ap, view, connected } = link({ host });
    await connected;
    const early = view.call('late', 'answer', 41);
    await new Promise((r) => setTimeout(r, 30));
    ap.provide('late', { answer: (n: number) => n + 1 });
    await expect(early).resolves.toBe(42);
  });

  it('delivers host events, including ones emitted before the app connected', async () => {
    hostWithAcme();
    host!.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
    const view = host!.create({ app: 'app-a', moduleKey: 'm', url: '/' }, document.body);
    view.emit('early', 1);
    const win = fakeAppWindow(view, window, APP_ORIGIN);
    const connection = connect(win, {});
    const seen: unknown[] = [];
    connection.onEvent((name, args) => seen.push([name, ...args]));
    await connection.ready;
    view.emit('late', 2);
    await vi.waitFor(() => expect(seen).toEqual([['early', 1], ['late', 2]]));
  });

  it('destroy() rejects pending calls with CONNECTION_DESTROYED', async () => {
    host = createHostCore();
    host.defineModule('slow', { wait: () => new Promise(() => {}) });
    host.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
    const view = host.create({ app: 'app-a', moduleKey: 'm', url: '/' }, document.body);
    const connection = connect(fakeAppWindow(view, window, APP_ORIGIN), {});
    await connection.ready;
    const pending = code(connection.call('slow', 'wait', []));
    connection.destroy();
    expect(await pending).toBe('CONNECTION_DESTROYED');
  });
});
