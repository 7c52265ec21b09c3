// Look-alike origins and prototype-chain names, in a real browser across sites. The app's own iframe
// navigates to a look-alike origin (it keeps window.name, so it knows the channel) and says hello:
// every variant must be refused as WRONG_ORIGIN. Then prototype-chain names over a real session.
import { expect, test } from '../driver/fixture.js';
import { createView, openHost } from '../driver/views.js';
import { PORT } from '../helpers.js';

type Win = Window & { rejections: { reason: string; origin: string }[]; host: import('../../src/host/types.js').Host };

test.beforeEach(async ({ driver }) => {
  await openHost(driver);
  await driver.evaluate(() => (window as unknown as Win).host.defineModule('acme', { ping: (ctx) => ctx.app.key }));
});

const lookAlikes = [
  ['a subdomain', `http://sub.app-a.test:${PORT}`],
  ['a suffix', `http://app-a.test.evil.test:${PORT}`],
  ['a prefix', `http://evilapp-a.test:${PORT}`],
] as const;

for (const [label, origin] of lookAlikes) {
  test(`a hello from ${label} of the app origin is refused (${origin})`, async ({ driver }) => {
    const { frame } = await createView(driver, {});
    await frame.evaluate((src) => {
      location.href = src;
    }, `${origin}/fixtures/evil.html`);
    const evil = await driver.frameAt(origin);
    await evil.waitFor(() => 'forgeHello' in window);
    await evil.evaluate(() => (window as unknown as { forgeHello(c: string): void }).forgeHello(JSON.parse(window.name).channel));
    await driver.waitFor(() => (window as unknown as Win).rejections.length > 0);
    const rejections = await driver.evaluate(() => (window as unknown as Win).rejections);
    expect(rejections).toEqual([expect.objectContaining({ reason: 'WRONG_ORIGIN', origin })]);
  });
}

test('prototype-chain names over a real session are MODULE_NOT_FOUND / METHOD_NOT_FOUND and pollute nothing', async ({ driver }) => {
  const { frame } = await createView(driver, {});
  const out = await frame.evaluate(async () => {
    const { channel, host } = JSON.parse(window.name);
    const { port1, port2 } = new MessageChannel();
    const replies = new Map<number, (m: any) => void>();
    let welcomed: () => void = () => {};
    const ready = new Promise<void>((r) => (welcomed = r));
    port1.onmessage = (e) => (e.data.type === 'welcome' ? welcomed() : replies.get(e.data.id)?.(e.data));
    parent.postMessage({ apb: 1, type: 'hello', channel, version: 1 }, host, [port2]);
    await ready;
    let id = 1;
    const call = (module: string, method: string, args: unknown[] = []) =>
      new Promise<any>((resolve) => {
        const n = id++;
        replies.set(n, resolve);
        port1.postMessage({ type: 'call', id: n, module, method, args });
      });
    const codes: Record<string, string> = {};
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
      codes[`acme.${name}`] = (await call('acme', name)).error?.code;
      codes[`${name}.ping`] = (await call(name, 'ping')).error?.code;
    }
    const hostile = JSON.parse('{"__proto__": {"polluted": true}}');
    const ping = (await call('acme', 'ping', [hostile])).value;
    return { codes, ping };
  });
  for (const [key, code] of Object.entries(out.codes)) {
    expect(code, key).toBe(key.startsWith('acme.') ? 'METHOD_NOT_FOUND' : 'MODULE_NOT_FOUND');
  }
  expect(out.ping).toBe('app-a');
  expect(await driver.evaluate(() => 'polluted' in {})).toBe(false);
});
