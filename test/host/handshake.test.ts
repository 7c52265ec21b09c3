import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostCore } from '../../src/host/createHost.js';
import type { Host, RejectionInfo, View } from '../../src/host/types.js';
import { APP_ORIGIN, fakeAppWindow } from '../link.js';

let host: Host;
let rejections: RejectionInfo[];
let view: View;
let appWindow: Window;

beforeEach(() => {
  rejections = [];
  host = createHostCore({ onRejected: (info) => rejections.push(info) });
  host.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
  view = host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);
  appWindow = fakeAppWindow(view, window, APP_ORIGIN);
});
afterEach(() => host.destroy());

function hello(overrides: Record<string, unknown> = {}) {
  return { apb: 1, type: 'hello', channel: view.id, version: 1, ...overrides };
}

/** Posts like a browser would: a MessageEvent on the host window with the given origin and source. */
function post(data: unknown, init: { origin?: string; source?: unknown; ports?: MessagePort[] } = {}) {
  const channel = new MessageChannel();
  const welcomes: unknown[] = [];
  channel.port1.onmessage = (event) => welcomes.push(event.data);
  const ports = init.ports ?? [channel.port2];
  window.dispatchEvent(
    new MessageEvent('message', { data, origin: init.origin ?? APP_ORIGIN, source: (init.source ?? appWindow) as Window, ports }),
  );
  return { welcomes, port: channel.port1 };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('host handshake checks', () => {
  it('accepts a hello from the view iframe at the app origin and answers with a welcome on the port', async () => {
    host.defineModule('acme', { ping: () => 'pong' });
    const { welcomes } = post(hello());
    await vi.waitFor(() => expect(welcomes).toHaveLength(1));
    expect(welcomes[0]).toMatchObject({ type: 'welcome', version: 1, modules: { acme: ['ping'] } });
    expect(view.state).toBe('connected');
    expect(rejections).toEqual([]);
  });

  it.each([
    ['http instead of https', 'http://app.example'],
    ['another port', 'https://app.example:8443'],
    ['a suffix look-alike', 'https://app.example.evil.test'],
    ['a subdomain', 'https://sub.app.example'],
    ['the opaque origin', 'null'],
  ])('refuses %s as WRONG_ORIGIN without a welcome', async (_label, origin) => {
    const { welcomes } = post(hello(), { origin });
    await settle();
    expect(welcomes).toEqual([]);
    expect(rejections).toEqual([{ reason: 'WRONG_ORIGIN', origin, appKey: 'app-a', viewId: view.id, count: 1 }]);
    expect(view.state).toBe('loading');
  });

  it('refuses a hello from another window (sibling, nested frame, popup) as WRONG_SOURCE', async () => {
    const { welcomes } = post(hello(), { source: {} });
    await settle();
    expect(welcomes).toEqual([]);
    expect(rejections.map((r) => r.reason)).toEqual(['WRONG_SOURCE']);
  });

  it('refuses an unknown channel from a window that is none of its views as UNKNOWN_CHANNEL', async () => {
    const { welcomes } = post(hello({ channel: 'channel-app-a__main' }), { source: {} });
    await settle();
    expect(welcomes).toEqual([]);
    expect(rejections.map((r) => r.reason)).toEqual(['UNKNOWN_CHANNEL']);
    expect(view.state).toBe('loading');
  });

  it("takes a channel it does not know (Connect's xdm_c) as the view whose iframe posted the hello", async () => {
    host.defineModule('acme', { ping: () => 'pong' });
    const { welcomes } = post(hello({ channel: 'channel-app-a__main' }));
    await vi.waitFor(() => expect(welcomes).toHaveLength(1));
    expect(welcomes[0]).toMatchObject({ type: 'welcome', modules: { acme: ['ping'] } });
    expect(view.state).toBe('connected');
    expect(rejections).toEqual([]);
  });

  it('still refuses such a hello from the view iframe at another origin as WRONG_ORIGIN', async () => {
    const { welcomes } = post(hello({ channel: 'channel-app-a__main' }), { origin: 'https://evil.example' });
    await settle();
    expect(welcomes).toEqual([]);
    expect(rejections.map((r) => r.reason)).toEqual(['WRONG_ORIGIN']);
    expect(view.state).toBe('loading');
  });

  it('refuses malformed bridge data as MALFORMED and ignores messages that are not ours', async () => {
    post({ apb: 1, type: 'hello', channel: 42 });
    post({ type: 'something-else' });
    post('a string');
    await settle();
    expect(rejections.map((r) => r.reason)).toEqual(['MALFORMED']);
  });

  it('refuses a hello without a port as NO_PORT', async () => {
    post(hello(), { ports: [] });
    await settle();
    expect(rejections.map((r) => r.reason)).toEqual(['NO_PORT']);
  });

  it('answers an unsupported version with PROTOCOL_MISMATCH on the port, then closes it', async () => {
    const { welcomes } = post(hello({ version: 99 }));
    await vi.waitFor(() => expect(welcomes).toHaveLength(1));
    expect(welcomes[0]).toMatchObject({ type: 'refusal', code: 'PROTOCOL_MISMATCH' });
    expect(rejections.map((r) => r.reason)).toEqual(['PROTOCOL_MISMATCH']);
    expect(view.state).toBe('loading');
  });

  it('a second hello from the same iframe replaces the session', async () => {
    const first = post(hello());
    await vi.waitFor(() => expect(first.welcomes).toHaveLength(1));
    const second = post(hello());
    await vi.waitFor(() => expect(second.welcomes).toHaveLength(1));
    const [a, b] = [first.welcomes[0], second.welcomes[0]] as { session: string }[];
    expect(a!.session).not.toBe(b!.session);
  });

  it('marks a view that never says hello as unresponsive after the handshake timeout', async () => {
    const states: string[] = [];
    const quick = createHostCore({ timeouts: { handshake: 20 }, onViewState: (_v, state) => states.push(state) });
    quick.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
    quick.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);
    await vi.waitFor(() => expect(states).toEqual(['loading', 'unresponsive']));
    quick.destroy();
    expect(states).toEqual(['loading', 'unresponsive', 'destroyed']);
  });
});

describe('host registration', () => {
  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,hi'],
    ['blob:', 'blob:https://app.example/1'],
    ['the host origin', window.location.origin],
    ['garbage', 'not a url'],
  ])('refuses an app whose baseUrl is %s', (_label, baseUrl) => {
    expect(() => host.registerApp({ key: 'x', baseUrl })).toThrow(expect.objectContaining({ code: expect.stringMatching(/NOT_ALLOWED|INVALID_ARGUMENT/) }));
  });

  it('refuses view URLs off the app origin and unregistered apps', () => {
    expect(() => host.create({ app: 'app-a', moduleKey: 'm', url: 'https://evil.example/x' }, document.body)).toThrow(
      expect.objectContaining({ code: 'NOT_ALLOWED' }),
    );
    expect(() => host.create({ app: 'app-a', moduleKey: 'm', url: '//evil.example/x' }, document.body)).toThrow(
      expect.objectContaining({ code: 'NOT_ALLOWED' }),
    );
    expect(() => host.create({ app: 'nope', moduleKey: 'm', url: '/x' }, document.body)).toThrow(
      expect.objectContaining({ code: 'NOT_ALLOWED' }),
    );
  });

  it('creates least-privilege iframes that send no referrer', () => {
    const { iframe } = view;
    expect(iframe.getAttribute('sandbox')).not.toMatch(/allow-top-navigation|allow-modals/);
    expect(iframe.getAttribute('sandbox')).toMatch(/allow-scripts/);
    expect(iframe.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(iframe.src).toBe(`${APP_ORIGIN}/app`);
  });

  it('destroy() removes the message listener and every iframe', async () => {
    const spy = vi.spyOn(window, 'removeEventListener');
    host.destroy();
    expect(spy).toHaveBeenCalledWith('message', expect.any(Function));
    expect(document.querySelectorAll('iframe[data-apb-app]')).toHaveLength(0);
    spy.mockRestore();
    const { welcomes } = post(hello());
    await settle();
    expect(welcomes).toEqual([]);
  });
});
