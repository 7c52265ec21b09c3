import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHostCore } from '../../src/host/createHost.js';
import type { Host } from '../../src/host/types.js';
import { connect } from '../../src/plugin/connect.js';
import { APP_ORIGIN, fakeAppWindow } from '../link.js';

let host: Host | undefined;
afterEach(() => host?.destroy());

describe('session lifecycle', () => {
  it("a reply from an old session never reaches the new one, even with the same call id", async () => {
    let releaseOld: (value: string) => void = () => {};
    const aborted: string[] = [];
    host = createHostCore();
    host.defineModule('work', {
      slow: (ctx, tag: string) =>
        new Promise((resolve) => {
          ctx.signal.addEventListener('abort', () => aborted.push(tag));
          if (tag === 'old') releaseOld = resolve;
          else setTimeout(() => resolve(`new:${tag}`), 30);
        }),
    });
    host.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
    const view = host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);

    const first = connect(fakeAppWindow(view, window, APP_ORIGIN), {});
    await first.ready;
    const oldCall = first.call('work', 'slow', ['old']).catch((e: { code: string }) => e.code);
    await vi.waitFor(() => expect(releaseOld).not.toBe(undefined));
    await new Promise((r) => setTimeout(r, 10));

    // The page reloads: a new plugin says hello on the same iframe; its first call also has id 1.
    const second = connect(fakeAppWindow(view, window, APP_ORIGIN), {});
    await second.ready;
    const newCall = second.call('work', 'slow', ['fresh']);
    releaseOld('old result');
    await expect(newCall).resolves.toBe('new:fresh');
    expect(aborted).toEqual(['old']);
    first.destroy();
    expect(await oldCall).toBe('CONNECTION_DESTROYED');
  });

  it('1,000 create/destroy cycles leave no views, sessions, or window listeners behind', { timeout: 60_000 }, async () => {
    const add = vi.spyOn(window, 'addEventListener');
    const remove = vi.spyOn(window, 'removeEventListener');
    host = createHostCore();
    host.defineModule('acme', { ping: () => 'pong' });
    host.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
    const states: string[] = [];
    host.onViewState((_v, state) => states.push(state));
    for (let i = 0; i < 1000; i++) {
      const view = host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);
      if (i % 100 === 0) {
        const connection = connect(fakeAppWindow(view, window, APP_ORIGIN), {});
        await connection.ready;
        await expect(connection.call('acme', 'ping', [])).resolves.toBe('pong');
      }
      view.destroy();
    }
    expect(host.views()).toEqual([]);
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
    expect(states.filter((s) => s === 'destroyed')).toHaveLength(1000);
    host.destroy();
    host = undefined;
    const count = (spy: typeof add) => spy.mock.calls.filter(([type]) => type === 'message').length;
    expect(count(add)).toBe(1);
    expect(count(remove)).toBe(1);
    add.mockRestore();
    remove.mockRestore();
  });

  it('a host call to a view that never connects rejects with CONNECTION_TIMEOUT instead of hanging', async () => {
    host = createHostCore({ timeouts: { call: 50 } });
    host.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
    const view = host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);
    const code = await view.call('provided', 'anything').catch((e: { code: string }) => e.code);
    expect(code).toBe('CONNECTION_TIMEOUT');
    expect(view.state).toBe('loading');
  });

  it('events for an unconnected view are bounded and expire', { timeout: 30_000 }, async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    host = createHostCore();
    host.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
    const view = host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);
    view.emit('stale', 0);
    vi.setSystemTime(Date.now() + 31_000);
    for (let i = 1; i <= 70; i++) view.emit('fresh', i);
    const connection = connect(fakeAppWindow(view, window, APP_ORIGIN), {});
    const seen: unknown[] = [];
    connection.onEvent((name, args) => seen.push(`${name}:${String(args[0])}`));
    await connection.ready;
    await vi.waitFor(() => expect(seen).toHaveLength(64));
    vi.useRealTimers();
    expect(seen[0]).toBe('fresh:7');
    expect(seen).not.toContain('stale:0');
  });
});
