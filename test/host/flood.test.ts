// Isolation: a flooding app is cut (session closed, page unloaded, view drawn as stopped) while the
// host and other apps carry on; refusals reach onRejected coalesced, not once per message.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDropReports } from '../../src/host/dropReports.js';
import { createHostCore } from '../../src/host/createHost.js';
import { PROBE_EVERY, afterQueued } from '../../src/host/meter.js';
import type { Host, HostOptions, RejectionInfo, View, ViewState } from '../../src/host/types.js';
import { APP_ORIGIN, fakeAppWindow } from '../link.js';

let host: Host | undefined;
afterEach(() => {
  vi.useRealTimers();
  host?.destroy();
  host = undefined;
});

function setup(options: HostOptions) {
  const rejections: RejectionInfo[] = [];
  const states: ViewState[] = [];
  host = createHostCore({
    ...options,
    onRejected: (info) => rejections.push(info),
    onViewState: (_view, state) => states.push(state),
  });
  host.defineModule('acme', { ping: () => 'pong' });
  host.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
  const view = host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);
  const appWindow = fakeAppWindow(view, window, APP_ORIGIN);
  return { host, view, appWindow, rejections, states };
}

/** A raw session: the app's side of the port, after a hello the host accepts. */
function hello(view: View, appWindow: Window) {
  const channel = new MessageChannel();
  const received: { type: string; id?: number; value?: unknown }[] = [];
  channel.port1.onmessage = (event) => received.push(event.data);
  post(appWindow, { apb: 1, type: 'hello', channel: view.id, version: 1 }, [channel.port2]);
  return { port: channel.port1, received };
}

function post(source: Window, data: unknown, ports: MessagePort[] = []): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin: APP_ORIGIN, source, ports }));
}

describe('a flood on the port', () => {
  it('cuts the session: port closed, view stopped and unloaded, one RATE_LIMITED report; reload() starts over', async () => {
    const { view, appWindow, rejections, states } = setup({ limits: { maxRate: 0.01, maxBurst: 20 } });
    const { port, received } = hello(view, appWindow);
    await vi.waitFor(() => expect(view.state).toBe('connected'));
    // Far over the burst, posted at once: the outcome does not depend on the machine's speed.
    for (let id = 1; id <= 500; id++) port.postMessage({ type: 'call', id, module: 'acme', method: 'ping', args: [] });
    await vi.waitFor(() => expect(view.state).toBe('stopped'));
    await new Promise((r) => setTimeout(r, 30));
    const answered = received.filter((m) => m.type === 'result').length;
    expect(answered).toBeLessThanOrEqual(20);
    expect(rejections).toEqual([{ reason: 'RATE_LIMITED', origin: APP_ORIGIN, appKey: 'app-a', viewId: view.id, count: 1 }]);
    expect(view.iframe.getAttribute('src')).toBe('about:blank');
    expect(states.slice(-2)).toEqual(['connected', 'stopped']);
    // A late hello from the stopped page is not accepted.
    const late = hello(view, appWindow);
    await new Promise((r) => setTimeout(r, 20));
    expect(late.received).toEqual([]);
    expect(view.state).toBe('stopped');

    view.reload();
    expect(view.state).toBe('loading');
    expect(view.iframe.getAttribute('src')).toBe(`${APP_ORIGIN}/app`);
    const again = hello(view, appWindow);
    await vi.waitFor(() => expect(view.state).toBe('connected'));
    again.port.postMessage({ type: 'call', id: 1, module: 'acme', method: 'ping', args: [] });
    await vi.waitFor(() => expect(again.received.some((m) => m.type === 'result' && m.value === 'pong')).toBe(true));
  });

  it('host-to-app calls pending on a cut session reject with RATE_LIMITED', async () => {
    const { view, appWindow } = setup({ limits: { maxRate: 0.01, maxBurst: 5 } });
    const { port } = hello(view, appWindow);
    await vi.waitFor(() => expect(view.state).toBe('connected'));
    const pending = view.call('editor', 'getContent').catch((e: { code: string }) => e.code);
    for (let id = 1; id <= 50; id++) port.postMessage({ type: 'call', id, module: 'acme', method: 'ping', args: [] });
    expect(await pending).toBe('RATE_LIMITED');
  });
});

describe('a backlog on the port', () => {
  it('cuts a session with more messages queued at once than maxBacklog, with the rate not metered at all', async () => {
    const { view, appWindow, rejections } = setup({ limits: { maxRate: Infinity, maxBacklog: 100 } });
    const { port, received } = hello(view, appWindow);
    await vi.waitFor(() => expect(view.state).toBe('connected'));
    for (let id = 1; id <= 500; id++) port.postMessage({ type: 'call', id, module: 'acme', method: 'ping', args: [] });
    await vi.waitFor(() => expect(view.state).toBe('stopped'));
    await new Promise((r) => setTimeout(r, 30));
    // The probe goes out with the PROBE_EVERY-th message; 100 more may arrive ahead of it.
    expect(received.filter((m) => m.type === 'result').length).toBeLessThanOrEqual(PROBE_EVERY + 100);
    expect(rejections).toEqual([{ reason: 'RATE_LIMITED', origin: APP_ORIGIN, appKey: 'app-a', viewId: view.id, count: 1 }]);
  });

  it('serves an app that sends its next batch when its answers arrive, as the plugin does, however many in all', async () => {
    const { view, appWindow, rejections } = setup({ limits: { maxRate: Infinity, maxBacklog: 100 } });
    const { port, received } = hello(view, appWindow);
    await vi.waitFor(() => expect(view.state).toBe('connected'));
    for (let round = 0; round < 20; round++) {
      for (let i = 1; i <= 100; i++) port.postMessage({ type: 'call', id: round * 100 + i, module: 'acme', method: 'ping', args: [] });
      await vi.waitFor(() => expect(received.filter((m) => m.type === 'result').length).toBe((round + 1) * 100));
      // The host's probe went out behind this batch; the next batch is sent once it is back.
      await new Promise<void>((resolve) => afterQueued(resolve));
    }
    expect(view.state).toBe('connected');
    expect(rejections).toEqual([]);
  });
});

describe('a flood on the host window', () => {
  it("stops the view whose iframe posts over its window rate; other windows' messages are not counted", async () => {
    const { view, appWindow, rejections } = setup({ limits: { maxWindowRate: 0.01, maxWindowBurst: 10 } });
    hello(view, appWindow);
    await vi.waitFor(() => expect(view.state).toBe('connected'));
    const stranger = { name: 'stranger' } as unknown as Window;
    for (let i = 0; i < 100; i++) post(stranger, { junk: i });
    expect(view.state).toBe('connected');
    for (let i = 0; i < 100; i++) post(appWindow, { junk: i });
    expect(view.state).toBe('stopped');
    expect(view.iframe.getAttribute('src')).toBe('about:blank');
    expect(rejections.filter((r) => r.reason === 'RATE_LIMITED')).toEqual([
      { reason: 'RATE_LIMITED', origin: APP_ORIGIN, appKey: 'app-a', viewId: view.id, count: 1 },
    ]);
  });
});

describe('the window of a view', () => {
  it('is not read when the view is created (reading it then blocks the page until the frame exists)', () => {
    const read = vi.spyOn(HTMLIFrameElement.prototype, 'contentWindow', 'get');
    host = createHostCore();
    host.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
    host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);
    expect(read).not.toHaveBeenCalled();
    read.mockRestore();
  });

  it('is found when it first posts, so a page flooding the host window before any hello is stopped', () => {
    const { view, appWindow, rejections } = setup({ limits: { maxWindowRate: 0.01, maxWindowBurst: 10 } });
    for (let i = 0; i < 100; i++) post(appWindow, { junk: i });
    expect(view.state).toBe('stopped');
    expect(rejections.filter((r) => r.reason === 'RATE_LIMITED')).toEqual([
      { reason: 'RATE_LIMITED', origin: APP_ORIGIN, appKey: 'app-a', viewId: view.id, count: 1 },
    ]);
  });
});

describe('drop reports', () => {
  it('reports the first refusal at once and the rest of the window in one report with its count', () => {
    vi.useFakeTimers();
    const reports: RejectionInfo[] = [];
    const drops = createDropReports((info) => reports.push(info), 1000);
    for (let i = 0; i < 10_000; i++) drops.add({ reason: 'MALFORMED', origin: 'https://evil.example' });
    drops.add({ reason: 'WRONG_ORIGIN', origin: 'https://evil.example' });
    drops.add({ reason: 'MALFORMED', origin: 'https://other.example' });
    expect(reports.map((r) => `${r.reason} ${r.origin} ${r.count}`)).toEqual([
      'MALFORMED https://evil.example 1',
      'WRONG_ORIGIN https://evil.example 1',
      'MALFORMED https://other.example 1',
    ]);
    vi.advanceTimersByTime(1000);
    expect(reports.slice(3).map((r) => `${r.reason} ${r.origin} ${r.count}`)).toEqual(['MALFORMED https://evil.example 9999']);
    drops.add({ reason: 'MALFORMED', origin: 'https://evil.example' });
    expect(reports).toHaveLength(5);
    expect(reports[4]!.count).toBe(1);
  });

  it('reaches onRejected a handful of times for 10,000 refused hellos', async () => {
    const { rejections } = setup({});
    const stranger = { name: 'stranger' } as unknown as Window;
    for (let i = 0; i < 10_000; i++) post(stranger, { apb: 1, type: 'hello', channel: 'f'.repeat(32), version: 1 });
    expect(rejections).toEqual([{ reason: 'UNKNOWN_CHANNEL', origin: APP_ORIGIN, count: 1 }]);
    host!.destroy();
    expect(rejections.at(-1)).toEqual({ reason: 'UNKNOWN_CHANNEL', origin: APP_ORIGIN, count: 9999 });
  });
});
