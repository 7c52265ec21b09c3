import { expect, test } from '../driver/fixture.js';
import { APP_B } from '../helpers.js';
import { createView, inApp, openHost } from '../driver/views.js';

test('cookies: save/read/erase; two apps never see each other, whatever the name', async ({ driver }) => {
  await openHost(driver, '/fixtures/data-host.html');
  const a = await createView(driver, { key: 'app-a' });
  const b = await createView(driver, { key: 'app-b', origin: APP_B });
  const names = ['shared', 'app-b', '__proto__', 'apbridge.cookies.app-b', 'x'.repeat(1000)];
  const fromA = await inApp(
    a.frame,
    async (AP, list: string[]) => {
      for (const name of list) await AP.cookie.save(name, `from-a:${name.length}`, 1);
      const viaCallback = await new Promise((resolve) => AP.cookie.read('shared', resolve));
      return { viaCallback, proto: await AP.cookie.read('__proto__') };
    },
    names,
  );
  expect(fromA).toEqual({ viaCallback: 'from-a:6', proto: 'from-a:9' });
  const fromB = await inApp(
    b.frame,
    async (AP, list: string[]) => {
      const seen = [];
      for (const name of list) seen.push(await AP.cookie.read(name));
      await AP.cookie.save('shared', 'from-b');
      return seen;
    },
    names,
  );
  expect(fromB).toEqual(names.map(() => undefined));
  const afterErase = await inApp(a.frame, async (AP) => {
    const before = await AP.cookie.read('shared');
    await AP.cookie.erase('shared');
    return [before, await AP.cookie.read('shared')];
  });
  expect(afterErase).toEqual(['from-a:6', undefined]);
  expect(await inApp(b.frame, (AP) => AP.cookie.read('shared'))).toBe('from-b');
  // Stored on the host origin, one namespaced entry per app; nothing on the apps' origins.
  const keys = await driver.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('apbridge.cookies.')).sort());
  expect(keys).toEqual(['apbridge.cookies.app-a', 'apbridge.cookies.app-b']);
});
