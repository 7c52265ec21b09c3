import { afterEach, describe, expect, it } from 'vitest';
import { createHostCore } from '../../src/host/createHost.js';
import type { Host } from '../../src/host/types.js';
import { buildAP } from '../../src/plugin/ap.js';
import { APP_ORIGIN, fakeAppWindow } from '../link.js';

let host: Host | undefined;
afterEach(() => host?.destroy());

function plugged() {
  host = createHostCore();
  host.defineModule('acme', { ping: () => 'pong' });
  host.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
  const view = host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);
  const win = fakeAppWindow(view, window, APP_ORIGIN);
  const meta = (name: string, content: string) => {
    const el = win.document.createElement('meta');
    el.name = name;
    el.content = content;
    win.document.head.append(el);
  };
  meta('ap-local-base-url', 'https://app.example/base');
  meta('ap-flavour', 'mint');
  return { view, ...buildAP({ window: win }) };
}

describe('AP core', () => {
  it('connectFirst (all.js): the hello is out before buildAP returns; built-in modules are facades, host modules stubs', async () => {
    host = createHostCore();
    host.defineModule('acme', { ping: () => 'pong' });
    host.registerApp({ key: 'app-a', baseUrl: APP_ORIGIN });
    const view = host.create({ app: 'app-a', moduleKey: 'main', url: '/app' }, document.body);
    const win = fakeAppWindow(view, window, APP_ORIGIN);
    const hellos: unknown[] = [];
    // The stand-in parent's one form of postMessage (the window type also has the options form).
    const parent = win.parent as unknown as { postMessage(data: unknown, origin: string, transfer?: Transferable[]): void };
    const post = parent.postMessage.bind(parent);
    parent.postMessage = (data, origin, transfer) => {
      hellos.push(data);
      post(data, origin, transfer);
    };
    const { ap, start } = buildAP({ window: win, connectFirst: true });
    expect(hellos).toEqual([expect.objectContaining({ type: 'hello' })]);
    // Facades were made after the hello: the stubs from window.name did not take their place.
    const plain = buildAP({ window: win }).ap;
    expect(Object.keys(ap).sort()).toEqual([...Object.keys(plain), 'acme'].sort());
    expect(String(ap.request)).toBe(String(plain.request));
    expect(await (ap.acme as { ping(): Promise<string> }).ping()).toBe('pong');
    // start() is the connection already made, not a second hello.
    expect(start()).toBe(start());
    await start().ready;
    expect(hellos).toHaveLength(1);
    expect(view.state).toBe('connected');
  });

  it("has the host's own modules from window.name, before the welcome, and their first call leaves at once", async () => {
    const { ap, start } = plugged();
    const connection = start();
    // Synchronously after start: no welcome has arrived yet.
    const acme = ap.acme as { ping(): Promise<string> } | undefined;
    expect(typeof acme?.ping).toBe('function');
    await expect(acme!.ping()).resolves.toBe('pong');
    await connection.ready;
  });

  it('AP.define and AP.require resolve defined modules, their dependencies and host modules', async () => {
    const { ap, start } = plugged();
    start();
    ap.define('settings', ['cookie', 'acme'], (cookie: unknown, acme: unknown) => ({ cookie, acme, n: 1 }));
    ap.define('plain', { x: 2 });
    const [settings, plain, acme, dialog] = await new Promise<unknown[]>((resolve) =>
      ap.require(['settings', 'plain', 'acme', 'inline-dialog'], (...modules: unknown[]) => resolve(modules)),
    );
    expect(settings).toEqual({ cookie: ap.cookie, acme: ap.acme, n: 1 });
    expect(plain).toEqual({ x: 2 });
    expect(acme).toBe(ap.acme);
    expect(dialog).toBe(ap.inlineDialog);
  });

  it('AP.meta, AP.Meta.get and AP.localUrl read the page\'s ap- meta tags', () => {
    const { ap } = plugged();
    expect(ap.meta('flavour')).toBe('mint');
    expect(ap.Meta.get('flavour')).toBe('mint');
    expect(ap.meta('missing')).toBeUndefined();
    expect(ap.meta('x"]')).toBeUndefined();
    expect(ap.localUrl('/api')).toBe('https://app.example/base/api');
    expect(ap.localUrl()).toBe('https://app.example/base');
    expect(ap.hideFooter).toBe(ap.env.hideFooter);
  });
});
