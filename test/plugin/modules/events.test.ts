import { afterEach, describe, expect, it } from 'vitest';
import { createHost } from '../../../src/host/connectHost.js';
import type { Host } from '../../../src/host/types.js';
import { linked } from '../../data.js';

let host: Host | undefined;
afterEach(() => host?.destroy());

const tick = () => new Promise((r) => setTimeout(r, 10));

async function three() {
  host = createHost();
  const a1 = await linked({}, { host, app: { key: 'app-a' }, view: { moduleKey: 'one' } });
  const a2 = await linked({}, { host, app: { key: 'app-a' }, view: { moduleKey: 'two' } });
  const b = await linked({}, { host, app: { key: 'app-b', baseUrl: 'https://b.example' }, view: { moduleKey: 'main' } });
  return { a1: a1.ap, a2: a2.ap, b: b.ap };
}

describe('AP.events over the link', () => {
  it('refuses event arguments over 256 KiB with PAYLOAD_TOO_LARGE (each event is copied to every iframe)', async () => {
    const { a1, b } = await three();
    const got: string[] = [];
    b.events.onPublic('big', () => got.push('big'));
    b.events.onPublic('small', () => got.push('small'));
    const code = await a1.events.emitPublic('big', 'x'.repeat(200 * 1024)).then(() => 'sent', (e: { code: string }) => e.code);
    expect(code).toBe('PAYLOAD_TOO_LARGE');
    await a1.events.emitPublic('small', 'x'.repeat(1024));
    await tick();
    expect(got).toEqual(['small']);
  });

  it('emit reaches every iframe of the same app (sender included), never another app', async () => {
    const { a1, a2, b } = await three();
    const got: unknown[][] = [];
    a1.events.on('saved', (...args: unknown[]) => got.push(['a1', ...args]));
    a2.events.on('saved', (...args: unknown[]) => got.push(['a2', ...args]));
    b.events.on('saved', (...args: unknown[]) => got.push(['b', ...args]));
    await a1.events.emit('saved', { key: 'DEMO-1' }, 2);
    await tick();
    const info = { sender: { addonKey: 'app-a', key: 'one' } };
    expect(got.sort()).toEqual([
      ['a1', { key: 'DEMO-1' }, 2, info],
      ['a2', { key: 'DEMO-1' }, 2, info],
    ]);
  });

  it('once, off, offAll (with and without a name), onAny and offAny', async () => {
    const { a1 } = await three();
    const got: string[] = [];
    const keep = () => got.push('keep');
    const dropped = () => got.push('dropped');
    const any = (name: string) => got.push(`any:${name}`);
    a1.events.once('e', () => got.push('once'));
    a1.events.on('e', keep);
    a1.events.on('e', dropped);
    a1.events.off('e', dropped);
    a1.events.on('f', () => got.push('f'));
    a1.events.onAny(any);
    await a1.events.emit('e');
    await a1.events.emit('e');
    await tick();
    expect(got).toEqual(['once', 'keep', 'any:e', 'keep', 'any:e']);
    got.length = 0;
    a1.events.offAll('e');
    await a1.events.emit('e');
    await a1.events.emit('f');
    await tick();
    expect(got).toEqual(['any:e', 'f', 'any:f']);
    got.length = 0;
    a1.events.offAll();
    a1.events.offAny(any);
    await a1.events.emit('f');
    await tick();
    expect(got).toEqual([]);
  });

  it('emitPublic reaches every app with the sender filled by the host; filters by function or object', async () => {
    const { a1, a2, b } = await three();
    const got: unknown[][] = [];
    b.events.onPublic('theme', (...args: unknown[]) => got.push(['b', ...args]));
    b.events.onPublic('theme', () => got.push(['b-from-a']), { addonKey: 'app-a' });
    b.events.onPublic('theme', () => got.push(['b-from-b']), { addonKey: 'app-b' });
    a2.events.onPublic('theme', () => got.push(['a2-fn']), (sender) => sender.key === 'one');
    a2.events.onAnyPublic((name: string) => got.push(['a2-any', name]));
    a2.events.on('theme', () => got.push(['private-listener']));
    await a1.events.emitPublic('theme', 'dark');
    await tick();
    expect(got.sort()).toEqual([
      ['a2-any', 'theme'],
      ['a2-fn'],
      ['b', 'dark', { sender: { addonKey: 'app-a', key: 'one' } }],
      ['b-from-a'],
    ]);
  });

  it('oncePublic, offPublic, offAllPublic, offAnyPublic', async () => {
    const { a1, b } = await three();
    const got: string[] = [];
    const l = () => got.push('l');
    const any = () => got.push('any');
    b.events.oncePublic('x', () => got.push('once'));
    b.events.onPublic('x', l);
    b.events.onAnyPublic(any);
    await a1.events.emitPublic('x');
    await tick();
    b.events.offPublic('x', l);
    b.events.offAnyPublic(any);
    await a1.events.emitPublic('x');
    b.events.onPublic('y', l);
    b.events.offAllPublic();
    await a1.events.emitPublic('y');
    await tick();
    expect(got).toEqual(['once', 'l', 'any']);
  });

  it('a once listener removed by an earlier listener of the same event leaves the later ones in place', async () => {
    const { a1 } = await three();
    const got: string[] = [];
    const once = () => got.push('once');
    a1.events.on('e', () => {
      got.push('first');
      a1.events.off('e', once);
    });
    a1.events.once('e', once);
    a1.events.on('e', () => got.push('last'));
    await a1.events.emit('e');
    await tick();
    await a1.events.emit('e');
    await tick();
    // The first delivery works on a snapshot, so `once` still hears it; `last` must survive it.
    expect(got).toEqual(['first', 'once', 'last', 'first', 'last']);
  });

  it('refuses names that would pass for public events, and bad names', async () => {
    const { a1, a2 } = await three();
    const got: unknown[] = [];
    a2.events.onPublic('spoof', () => got.push('spoofed'));
    const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code: string }) => e.code);
    expect(await code(a1.events.emit('public:spoof'))).toBe('INVALID_ARGUMENT');
    expect(await code(a1.events.emit(''))).toBe('INVALID_ARGUMENT');
    expect(await code(a1.events.emit('x'.repeat(101)))).toBe('INVALID_ARGUMENT');
    await tick();
    expect(got).toEqual([]);
  });

  it('delivers to a view that connects later', async () => {
    host = createHost();
    const a1 = await linked({}, { host, app: { key: 'app-a' } });
    const late = host.create({ app: 'app-a', moduleKey: 'late', url: '/app' }, document.body);
    await a1.ap.events.emit('early', 1);
    const { fakeAppWindow } = await import('../../link.js');
    const { buildAP } = await import('../../../src/plugin/ap.js');
    const win = fakeAppWindow(late, window, 'https://app.example');
    const { ap, start } = buildAP({ window: win });
    const got = new Promise((resolve) => ap.events.on('early', (...args: unknown[]) => resolve(args)));
    await start().ready;
    expect(await got).toEqual([1, { sender: { addonKey: 'app-a', key: 'main' } }]);
  });
});
