import { expect, test } from '../driver/fixture.js';
import { APP_B } from '../helpers.js';
import { createView, inApp, openHost } from '../driver/views.js';

test('events: private events reach every iframe of the app only; public ones every app, with the sender', async ({ driver }) => {
  await openHost(driver, '/fixtures/data-host.html');
  const a1 = await createView(driver, { key: 'app-a', moduleKey: 'one' });
  const a2 = await createView(driver, { key: 'app-a', moduleKey: 'two' });
  const b = await createView(driver, { key: 'app-b', origin: APP_B, moduleKey: 'main' });
  const listen = (AP: any) => {
    const w = window as any;
    w.got = [];
    AP.events.on('saved', (...args: unknown[]) => w.got.push(['on', ...args]));
    AP.events.once('saved', () => w.got.push(['once']));
    AP.events.onAny((name: string) => w.got.push(['any', name]));
    AP.events.onPublic('theme', (...args: unknown[]) => w.got.push(['public', ...args]));
    AP.events.onPublic('theme', () => w.got.push(['from-b-only']), { addonKey: 'app-b' });
    AP.events.onAnyPublic((name: string) => w.got.push(['anyPublic', name]), (sender: any) => sender.key === 'one');
  };
  for (const v of [a1, a2, b]) await inApp(v.frame, listen);
  await inApp(a1.frame, async (AP) => {
    await AP.events.emit('saved', { key: 'DEMO-1' });
    await AP.events.emit('saved', { key: 'DEMO-2' });
    await AP.events.emitPublic('theme', 'dark');
    const refused = await AP.events.emit('public:theme', 'spoof').then(() => 'ok', (e: any) => e.code);
    (window as any).refused = refused;
  });
  const collect = (frame: typeof a1.frame, count: number) =>
    frame.waitFor((n) => (window as any).got.length >= n, count).then(() => frame.evaluate(() => (window as any).got));
  const sender = { sender: { addonKey: 'app-a', key: 'one' } };
  const expected = [
    ['on', { key: 'DEMO-1' }, sender],
    ['once'],
    ['any', 'saved'],
    ['on', { key: 'DEMO-2' }, sender],
    ['any', 'saved'],
    ['public', 'dark', sender],
    ['anyPublic', 'theme'],
  ];
  expect(await collect(a1.frame, expected.length)).toEqual(expected);
  expect(await collect(a2.frame, expected.length)).toEqual(expected);
  expect(await collect(b.frame, 2)).toEqual([['public', 'dark', sender], ['anyPublic', 'theme']]);
  expect(await a1.frame.evaluate(() => (window as any).refused)).toBe('INVALID_ARGUMENT');
});

test('events: offAll with and without a name; a view created later still gets queued events', async ({ driver }) => {
  await openHost(driver, '/fixtures/data-host.html');
  const a1 = await createView(driver, { key: 'app-a', moduleKey: 'one' });
  const got = await inApp(a1.frame, async (AP) => {
    const got: string[] = [];
    AP.events.on('x', () => got.push('x'));
    AP.events.on('y', () => got.push('y'));
    AP.events.offAll('x');
    await AP.events.emit('x');
    await AP.events.emit('y');
    await new Promise((r) => setTimeout(r, 50));
    AP.events.offAll();
    await AP.events.emit('y');
    await new Promise((r) => setTimeout(r, 50));
    return got;
  });
  expect(got).toEqual(['y']);
  // A view that is not connected yet: the host queues the event until its plugin connects.
  const late = await driver.evaluate(() => {
    const w = window as any;
    const view = w.host.create({ app: 'app-a', moduleKey: 'late', url: '/fixtures/events-late.html' }, document.getElementById('views'));
    return view.id;
  });
  await inApp(a1.frame, (AP) => AP.events.emit('hello-late', 42));
  const frame = await driver.frame(`iframe[name*="${late}"]`);
  await frame.waitFor(() => (window as any).late?.length > 0);
  expect(await frame.evaluate(() => (window as any).late)).toEqual([[42, { sender: { addonKey: 'app-a', key: 'one' } }]]);
});
