import { afterEach, describe, expect, it } from 'vitest';
import { createHost } from '../../../src/host/connectHost.js';
import type { Host } from '../../../src/host/types.js';
import { linked } from '../../data.js';

let host: Host | undefined;
afterEach(() => host?.destroy());

function memoryStorage(): Storage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, String(v)),
    removeItem: (k: string) => void data.delete(k),
    clear: () => data.clear(),
  };
}

describe('AP.cookie over the link', () => {
  it('saves, reads (callback and Promise) and erases', async () => {
    const storage = memoryStorage();
    const { ap, host: h } = await linked({ cookie: { storage } });
    host = h;
    await ap.cookie.save('theme', 'dark', 30);
    expect(await ap.cookie.read('theme')).toBe('dark');
    expect(await new Promise((resolve) => ap.cookie.read('theme', resolve))).toBe('dark');
    expect([...storage.data.keys()]).toEqual(['apbridge.cookies.app-a']);
    await ap.cookie.erase('theme');
    expect(await ap.cookie.read('theme')).toBeUndefined();
    expect(storage.data.size).toBe(0);
  });

  it('isolates apps, whatever the name (delimiters, __proto__, very long)', async () => {
    const storage = memoryStorage();
    host = createHost({ cookie: { storage } });
    const a = await linked({}, { host, app: { key: 'app-a' } });
    const b = await linked({}, { host, app: { key: 'app-b', baseUrl: 'https://b.example' } });
    const names = ['x', 'app-b', 'app-b.x', '"app-b","x"', '__proto__', 'constructor', 'a'.repeat(1024), '../app-b', 'apbridge.cookies.app-b'];
    for (const name of names) await a.ap.cookie.save(name, `a:${name.length}`);
    for (const name of names) expect(await b.ap.cookie.read(name)).toBeUndefined();
    await b.ap.cookie.save('x', 'b');
    expect(await a.ap.cookie.read('x')).toBe('a:1');
    expect(await a.ap.cookie.read('__proto__')).toBe('a:9');
    expect(({} as Record<string, unknown>).a).toBeUndefined();
    const code = await a.ap.cookie.save('a'.repeat(1025), 'v').catch((e: { code: string }) => e.code);
    expect(code).toBe('INVALID_ARGUMENT');
  });

  it('expires entries and deletes them from storage; a non-positive expiry erases', async () => {
    const storage = memoryStorage();
    const now = Date.now();
    storage.setItem('apbridge.cookies.app-a', JSON.stringify([['short', 'v', now - 1], ['long', 'v', now + 60_000]]));
    const { ap, host: h } = await linked({ cookie: { storage } });
    host = h;
    expect(await ap.cookie.read('short')).toBeUndefined();
    expect(storage.data.get('apbridge.cookies.app-a')).not.toContain('short');
    expect(await ap.cookie.read('long')).toBe('v');
    await ap.cookie.save('long', 'v', 0);
    expect(await ap.cookie.read('long')).toBeUndefined();
    await ap.cookie.save('days', 'v', 2);
    const entries = JSON.parse(storage.data.get('apbridge.cookies.app-a')!) as [string, string, number][];
    expect(Math.round((entries[0]![2] - Date.now()) / 86_400_000)).toBe(2);
  });

  it('enforces the per-app quota (QUOTA_EXCEEDED) and the value cap', async () => {
    const { ap, host: h } = await linked({ cookie: { storage: null, maxPerApp: 2 } });
    host = h;
    await ap.cookie.save('a', '1');
    await ap.cookie.save('b', '2');
    expect(await ap.cookie.save('c', '3').catch((e: { code: string }) => e.code)).toBe('QUOTA_EXCEEDED');
    await ap.cookie.save('a', 'replaced');
    expect(await ap.cookie.read('a')).toBe('replaced');
    expect(await ap.cookie.save('b', 'x'.repeat(5000)).catch((e: { code: string }) => e.code)).toBe('PAYLOAD_TOO_LARGE');
  });

  it('keeps a save that storage refused (quota) instead of reading the stale stored copy', async () => {
    const storage = memoryStorage();
    const { ap, host: h } = await linked({ cookie: { storage } });
    host = h;
    await ap.cookie.save('k', 'old');
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    await ap.cookie.save('k', 'new');
    expect(await ap.cookie.read('k')).toBe('new');
    storage.removeItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    await ap.cookie.erase('k');
    expect(await ap.cookie.read('k')).toBeUndefined();
  });

  it('keeps working in memory when storage throws', async () => {
    const broken = {
      getItem() {
        throw new DOMException('blocked', 'SecurityError');
      },
      setItem() {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem() {
        throw new DOMException('blocked', 'SecurityError');
      },
    } as unknown as Storage;
    const { ap, host: h } = await linked({ cookie: { storage: broken } });
    host = h;
    await ap.cookie.save('k', 'v');
    expect(await ap.cookie.read('k')).toBe('v');
    await ap.cookie.erase('k');
    expect(await ap.cookie.read('k')).toBeUndefined();
  });
});
