// 100,000+ generated malformed and random messages at the host (window and port) and at a plugin
// (port): nothing may throw out of a handler, and neither side's state may change.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHostCore } from '../../src/host/createHost.js';
import type { Host } from '../../src/host/types.js';
import { buildAP } from '../../src/plugin/ap.js';
import { APP_ORIGIN, fakeAppWindow } from '../link.js';

/** mulberry32: a small seeded PRNG, so a failure reproduces from its seed. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['type', 'id', 'module', 'method', 'args', 'value', 'error', 'code', 'message', 'name', 'session',
  'version', 'modules', 'options', 'apb', 'channel', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const TYPES = ['call', 'result', 'error', 'event', 'cancel', 'welcome', 'hello', '', 'CALL', '__proto__'];

function generator(seed: number) {
  const random = prng(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  function value(depth: number): unknown {
    switch (Math.floor(random() * (depth > 3 ? 7 : 10))) {
      case 0: return Math.floor(random() * 5) - 1;
      case 1: return pick([NaN, Infinity, -0, 2 ** 53, 1.5, Number.MAX_VALUE]);
      case 2: return pick(TYPES);
      case 3: return 'x'.repeat(Math.floor(random() * 100));
      case 4: return pick([null, undefined, true, false]);
      case 5: return pick(KEYS);
      case 6: return BigInt(Math.floor(random() * 100));
      case 7: return Array.from({ length: Math.floor(random() * 5) }, () => value(depth + 1));
      case 8: return new Map([[value(depth + 1), value(depth + 1)]]);
      default: {
        const object: Record<string, unknown> = JSON.parse('{}');
        for (let i = Math.floor(random() * 6); i > 0; i--) {
          // defineProperty: an own "__proto__" key, as JSON.parse or structured clone would produce.
          Object.defineProperty(object, pick(KEYS), { value: value(depth + 1), enumerable: true, configurable: true, writable: true });
        }
        return object;
      }
    }
  }
  /** A message shaped like ours often enough to reach deep into the guards. */
  return function message(): unknown {
    if (random() < 0.3) return value(0);
    return {
      type: pick(TYPES),
      id: random() < 0.8 ? Math.floor(random() * 4) : value(1),
      module: random() < 0.7 ? pick(['acme', 'events', '__proto__', 'constructor', 'toString']) : value(1),
      method: random() < 0.7 ? pick(['ping', 'hasOwnProperty', '__proto__', 'valueOf']) : value(1),
      args: random() < 0.8 ? [value(1)] : value(1),
      name: value(1),
      error: random() < 0.5 ? { code: pick(['CALL_TIMEOUT', 'X', '__proto__']), message: value(1) } : value(1),
      apb: random() < 0.5 ? 1 : value(1),
      channel: value(1),
      version: value(1),
      modules: value(1),
      options: value(1),
    };
  };
}

const errors: unknown[] = [];
const record = (event: { error?: unknown; reason?: unknown }) => errors.push(event.error ?? event.reason);
let host: Host;

beforeEach(() => {
  errors.length = 0;
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
  // Unmetered: this is about what each message does, not how many come (flood.test.ts covers that).
  // The handshake may not time out while the fuzz runs, however long a busy machine takes: the view
  // must still be 'loading' because no message connected it, not because the clock was kind.
  host = createHostCore({
    limits: { maxRate: Infinity, maxBacklog: Infinity, maxWindowRate: Infinity, maxWindowBurst: Infinity },
    timeouts: { handshake: FUZZ_TIMEOUT },
  });
  host.defineModule('acme', { ping: (_ctx, n: unknown) => n });
});
afterEach(() => {
  process.off('uncaughtException', record);
  process.off('unhandledRejection', record);
  host.destroy();
});

function pollution(): string[] {
  return ['polluted', 'ping', 'type', 'id', 'x'].filter((key) => key in Object.prototype || key in Array.prototype);
}

// A fixed amount of work (100,000 messages) takes ~1 s on a quiet machine and over a minute on a 2-core
// one kept busy by other processes: the limit is there to catch a hang, not to time the host.
const FUZZ_TIMEOUT = 300_000;

describe('fuzz', () => {
  it('100,000 random messages posted to the host window leave the host unchanged', async () => {
    host.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
    const view = host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);
    const appWindow = fakeAppWindow(view, window, APP_ORIGIN);
    const message = generator(1);
    const origins = [APP_ORIGIN, 'null', 'https://evil.example', window.location.origin];
    for (let i = 0; i < 100_000; i++) {
      const data = message();
      // Real hellos for the view's own channel would be accepted; the fuzz sends everything else.
      if (typeof data === 'object' && data !== null && (data as { channel?: unknown }).channel === view.id) continue;
      window.dispatchEvent(new MessageEvent('message', { data, origin: origins[i % 4], source: i % 3 ? appWindow : window }));
    }
    await new Promise((r) => setTimeout(r, 10));
    expect(errors).toEqual([]);
    expect(view.state).toBe('loading');
    expect(host.views()).toEqual([view]);
    expect(pollution()).toEqual([]);
  }, FUZZ_TIMEOUT);
});

/**
 * Stands between plugin and host on the session's channel, forwarding both ways, and returns ports
 * that write straight into each side: what a compromised peer could send.
 */
function interpose(appWindow: Window): { intoHost(): MessagePort; intoPlugin(): MessagePort } {
  let intoHost: MessagePort | undefined;
  let intoPlugin: MessagePort | undefined;
  const parent = appWindow.parent as { postMessage(d: unknown, o: string, t: MessagePort[]): void };
  const relay = parent.postMessage.bind(parent);
  parent.postMessage = (d, o, t) => {
    const channel = new MessageChannel();
    intoHost = channel.port1;
    intoPlugin = t[0]!;
    channel.port1.onmessage = (e) => t[0]!.postMessage(e.data);
    t[0]!.onmessage = (e) => channel.port1.postMessage(e.data);
    relay(d, o, [channel.port2]);
  };
  return { intoHost: () => intoHost!, intoPlugin: () => intoPlugin! };
}

async function connectedPlugin(limits = {}) {
  host.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
  const view = host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);
  const appWindow = fakeAppWindow(view, window, APP_ORIGIN);
  const ports = interpose(appWindow);
  const { ap, start } = buildAP({ window: appWindow, limits });
  await start().ready;
  const ping = (n: number) => (ap.acme as { ping(n: number): Promise<number> }).ping(n);
  return { view, ap, ping, ...ports };
}

describe('fuzz on an established session', () => {
  it('100,000 random messages into the host side: no throw, no pollution, the session still works', async () => {
    const { view, ping, intoHost } = await connectedPlugin();
    const message = generator(2);
    for (let i = 0; i < 100_000; i++) intoHost().postMessage(message());
    await vi.waitFor(async () => expect(await ping(5)).toBe(5), { timeout: FUZZ_TIMEOUT / 2 });
    expect(errors).toEqual([]);
    expect(view.state).toBe('connected');
    expect(host.views()).toEqual([view]);
    expect(pollution()).toEqual([]);
  }, FUZZ_TIMEOUT);

  it('100,000 random messages into a plugin: no throw, no pollution, AP keeps its modules', async () => {
    // The plugin does not meter its host: every message reaches the guards. The ping after the fuzz
    // waits behind all of it, so it has no call timeout: a busy machine may take longer than 30 s.
    const { ap, ping, intoPlugin } = await connectedPlugin({ callTimeout: 0 });
    const message = generator(3);
    const before = Object.keys(ap).sort();
    for (let i = 0; i < 100_000; i++) intoPlugin().postMessage(message());
    await new Promise((r) => setTimeout(r, 100));
    await expect(ping(7)).resolves.toBe(7);
    expect(Object.keys(ap).sort()).toEqual(before);
    expect(before).toContain('acme');
    expect(errors).toEqual([]);
    expect(pollution()).toEqual([]);
  }, FUZZ_TIMEOUT);
});
