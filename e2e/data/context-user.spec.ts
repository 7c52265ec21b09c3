import { expect, test } from '../driver/fixture.js';
import { APP_B, HOST } from '../helpers.js';
import { createView, inApp, openHost } from '../driver/views.js';

const claims = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());

test('context: getContext returns the view context; getToken is cached per view and per app', async ({ driver }) => {
  await openHost(driver, '/fixtures/data-host.html');
  const context = { jira: { issue: { key: 'DEMO-1', id: '10001' }, project: { key: 'DEMO', id: '10000' } } };
  const a = await createView(driver, { key: 'app-a', context });
  const b = await createView(driver, { key: 'app-b', origin: APP_B, moduleKey: 'panel' });
  const outA = await inApp(a.frame, async (AP) => {
    const token = await AP.context.getToken();
    const again = await new Promise((resolve) => AP.context.getToken(resolve));
    const ctx = await new Promise((resolve) => AP.context.getContext(resolve));
    return { token, again, ctx, promised: await AP.context.getContext() };
  });
  expect(outA.ctx).toEqual(context);
  expect(outA.promised).toEqual(context);
  expect(outA.again).toBe(outA.token);
  expect(claims(outA.token)).toMatchObject({ iss: 'app-a', sub: 'acc-alice', m: 'main' });
  const tokenB = await inApp(b.frame, (AP) => AP.context.getToken());
  expect(claims(tokenB)).toMatchObject({ iss: 'app-b', m: 'panel' });
  expect(await driver.evaluate(() => (window as any).tokensIssued)).toBe(2);
  // The token never appears in an iframe URL.
  for (const frame of [a.frame, b.frame]) expect(await frame.url()).not.toContain(outA.token.split('.')[1]);
});

test('user and getLocation', async ({ driver }) => {
  await openHost(driver, '/fixtures/data-host.html');
  const { frame } = await createView(driver, {});
  const out = await inApp(frame, async (AP) => ({
    user: await new Promise((resolve) => AP.user.getCurrentUser(resolve)),
    zone: await AP.user.getTimeZone(),
    locale: await new Promise((resolve) => AP.user.getLocale(resolve)),
    location: await new Promise((resolve) => AP.getLocation(resolve)),
  }));
  expect(out).toEqual({
    user: { atlassianAccountId: 'acc-alice' },
    zone: 'Australia/Sydney',
    locale: 'en-AU',
    location: `${HOST}/fixtures/data-host.html`,
  });
});
