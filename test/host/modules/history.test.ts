import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Host } from '../../../src/host/types.js';
import type { HistoryState } from '../../../src/shared/contracts/history.js';
import { code, open, uiHost } from '../../ui.js';

let host: Host | undefined;
const start = window.location.href;
beforeEach(() => window.history.replaceState(null, '', start));
afterEach(() => {
  host?.destroy();
  host = undefined;
  window.history.replaceState(null, '', start);
});

const state = <T>(ask: (cb: (value: T) => void) => void) => new Promise<T>((resolve) => ask(resolve));

describe('history', () => {
  it('keeps a full page\'s state in the product URL fragment, read back sync and by callback', async () => {
    host = uiHost({ history: { in: 'hash' } });
    const { ap } = await open(host, 'app-a', 'page');
    expect(ap.history.getState()).toBe('');
    await ap.history.pushState('list/2');
    expect(window.location.hash).toBe('#!list/2');
    expect(ap.history.getState()).toBe('list/2');
    await ap.history.pushState({ tab: 3 }, 'Tab 3', 'tab-3');
    expect(window.location.hash).toBe('#!tab-3');
    const all = await state<HistoryState>((cb) => ap.history.getState('all', cb));
    expect(all).toMatchObject({ hash: 'tab-3', href: window.location.href, state: { tab: 3 } });
    expect(typeof all.key).toBe('string');
    await ap.history.replaceState('tab-4');
    expect(window.location.hash).toBe('#!tab-4');
    expect(await state<string>((cb) => ap.history.getState('hash', cb))).toBe('tab-4');
  });

  it('keeps it in a query parameter when the product says so', async () => {
    host = uiHost({ history: { in: 'query', param: 'app.state' } });
    const { ap } = await open(host, 'app-a', 'page');
    await ap.history.pushState('a b');
    expect(new URL(window.location.href).searchParams.get('app.state')).toBe('a b');
  });

  it('a page that starts on a stored state (a reload) reads it at once', async () => {
    window.history.replaceState(null, '', '#!saved/1');
    host = uiHost({ history: { in: 'hash' } });
    const { ap } = await open(host, 'app-a', 'page');
    await vi.waitFor(() => expect(ap.history.getState()).toBe('saved/1'));
  });

  it('a product pop (back button) reaches the app as popState, with old and new URLs', async () => {
    host = uiHost({ history: { in: 'hash' } });
    const { ap } = await open(host, 'app-a', 'page');
    const pops: Record<string, unknown>[] = [];
    ap.history.popState((event) => pops.push(event as unknown as Record<string, unknown>));
    await ap.history.pushState('one');
    const before = window.location.href;
    window.history.replaceState(null, '', '#!zero');
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    await vi.waitFor(() => expect(pops).toHaveLength(1));
    expect(pops[0]).toMatchObject({ hash: 'zero', oldURL: before, newURL: window.location.href });
    expect(ap.history.getState()).toBe('zero');
  });

  it('is NOT_SUPPORTED without the product option and outside full pages; checks its arguments', async () => {
    host = uiHost();
    const page = await open(host, 'app-a', 'page');
    expect(await code(page.ap.history.pushState('x'))).toBe('NOT_SUPPORTED');
    host.destroy();
    host = uiHost({ history: { in: 'hash' } });
    const panel = await open(host);
    expect(await code(panel.ap.history.pushState('x'))).toBe('NOT_SUPPORTED');
    const full = await open(host, 'app-a', 'page');
    expect(await code(full.ap.history.go(1.5))).toBe('INVALID_ARGUMENT');
    expect(await code(full.ap.history.pushState('x'.repeat(3000)))).toBe('PAYLOAD_TOO_LARGE');
    expect(await code(full.ap.history.pushState(() => {}, '', 'y'))).toBe('INVALID_ARGUMENT');
    expect(window.location.hash).toBe('');
  });
});
