// Prototype-chain names and payloads: they must address nothing on either side. Each attack has a twin
// run against a naive implementation, proving the check would notice if the attack landed.
import { afterEach, describe, expect, it } from 'vitest';
import { createHostCore } from '../../src/host/createHost.js';
import type { Host } from '../../src/host/types.js';
import { connect } from '../../src/plugin/connect.js';
import { buildAP } from '../../src/plugin/ap.js';
import { createEndpoint } from '../../src/shared/rpc.js';
import { link } from '../link.js';

let host: Host | undefined;
afterEach(() => host?.destroy());

const code = (promise: Promise<unknown>) => promise.then(() => 'resolved', (e: { code: string }) => e.code);
const hostile = () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');

/** A fake host: answers the plugin's hello with the given welcome on the transferred port. */
function fakeHostWindow(welcome: unknown): Window {
  const channel = '0123456789abcdef0123456789abcdef';
  const parent = {
    postMessage(_data: unknown, _origin: string, ports: MessagePort[]) {
      ports[0]!.postMessage(welcome);
    },
  };
  return {
    name: JSON.stringify({ apb: 1, host: 'https://product.example', channel, options: {} }),
    parent,
    location: new URL('https://app.example/'),
    document,
  } as unknown as Window;
}

describe('prototype-chain names', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])(
    'calling acme.%s is METHOD_NOT_FOUND and %s.ping is MODULE_NOT_FOUND',
    async (name) => {
      host = createHostCore();
      host.defineModule('acme', { ping: () => 'pong' });
      const { connected, appWindow } = link({ host });
      await connected;
      // Talk to the host on a raw endpoint, as a hostile app could, bypassing the facade.
      const { port1, port2 } = new MessageChannel();
      (appWindow.parent as Window).postMessage({ apb: 1, type: 'hello', channel: JSON.parse(appWindow.name).channel, version: 1 }, window.location.origin, [port2]);
      const raw = createEndpoint({ port: port1 });
      expect(await code(raw.call('acme', name, []))).toBe('METHOD_NOT_FOUND');
      expect(await code(raw.call(name, 'ping', []))).toBe('MODULE_NOT_FOUND');
      expect(await raw.call('acme', 'ping', [])).toBe('pong');
      raw.close(new Error('done') as never);
    },
  );

  it('the host refuses to define modules or methods with prototype-chain names', () => {
    host = createHostCore();
    expect(() => host!.defineModule('__proto__', { x: () => 1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    host.defineModule('acme', { constructor: () => 1, ping: () => 2 } as never);
    expect(() => host!.defineModule('constructor', {})).toThrow();
  });
});

describe('prototype pollution through payloads', () => {
  it('twin: a naive Object.assign of a hostile payload does change a prototype (the check works)', () => {
    const target: Record<string, unknown> = {};
    Object.assign(target, hostile());
    expect(Object.getPrototypeOf(target)).not.toBe(Object.prototype);
    expect((target as { polluted?: boolean }).polluted).toBe(true);
  });

  it('hostile handler arguments reach the handler as plain data and pollute nothing', async () => {
    host = createHostCore();
    let received: unknown;
    host.defineModule('acme', { take: (_ctx, arg: unknown) => ((received = arg), Object.keys(arg as object)) });
    const { ap, connected } = link({ host });
    await connected;
    const keys = await (ap.acme as { take(a: unknown): Promise<string[]> }).take(hostile());
    expect(keys.sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(received)).toBe(Object.prototype);
    expect('polluted' in {}).toBe(false);
  });

  it('a welcome naming __proto__/constructor modules and carrying hostile options changes no prototype', async () => {
    const modules = JSON.parse('{"__proto__": ["polluted"], "constructor": ["x"], "acme": ["ping"]}');
    const win = fakeHostWindow({ type: 'welcome', session: 's', version: 1, modules, options: hostile() });
    const { ap, start } = buildAP({ window: win });
    const connection = start();
    await connection.ready;
    await new Promise((r) => setTimeout(r, 0));
    expect(Object.getPrototypeOf(ap)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(connection.options)).toBe(Object.prototype);
    expect(Object.keys(ap)).toContain('acme');
    expect(Object.keys(ap)).not.toContain('constructor');
    expect(Object.prototype.hasOwnProperty.call(ap, '__proto__')).toBe(false);
    expect('polluted' in {}).toBe(false);
  });

  it('before the welcome, a refusal rejects the connection with its code', async () => {
    const connection = connect(fakeHostWindow({ type: 'refusal', code: 'PROTOCOL_MISMATCH', message: 'v2 only' }), {});
    await expect(connection.ready).rejects.toMatchObject({ code: 'PROTOCOL_MISMATCH', message: 'v2 only' });
  });

  it('after the welcome, a stray refusal does not end the session (regression: fuzz found it)', async () => {
    const win = fakeHostWindow({ type: 'welcome', session: 's', version: 1, modules: {}, options: {} });
    let port: MessagePort | undefined;
    const parent = win.parent as { postMessage(d: unknown, o: string, p: MessagePort[]): void };
    const original = parent.postMessage;
    parent.postMessage = (d, o, p) => {
      port = p[0];
      original(d, o, p);
    };
    const connection = connect(win, {});
    await connection.ready;
    port!.postMessage({ type: 'refusal', code: 'PROTOCOL_MISMATCH', message: 'late' });
    port!.onmessage = (e) => {
      const call = e.data as { id: number };
      port!.postMessage({ type: 'result', id: call.id, value: 'still here' });
    };
    await expect(connection.call('acme', 'ping', [])).resolves.toBe('still here');
  });
});
