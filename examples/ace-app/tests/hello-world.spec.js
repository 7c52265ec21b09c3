import { test, expect } from 'apbridge/testing';

test('the general page renders, authenticated, for the logged-in user', async ({ host }) => {
  await host.login('alice');
  const app = await host.open('hello-world');
  await expect(app.frame.getByRole('heading', { name: 'Hello World' })).toBeVisible();
  await expect(app.frame.locator('#host')).toHaveText(host.url);

  const user = await app.ap((AP) => AP.user.getCurrentUser());
  await expect(app.frame.locator('#account')).toHaveText(user.atlassianAccountId);
});

test('a click in the app shows a flag in the product, and the inspector saw the calls', async ({ host }) => {
  const app = await host.open('hello-world');
  await app.frame.getByRole('button', { name: 'Greet', exact: true }).click();
  await expect(host.flags()).toContainText('Hello');

  const calls = await host.inspector.calls({ app: 'ace-hello-world' });
  expect(calls.map((c) => `${c.module}.${c.method}`)).toEqual(expect.arrayContaining(['user.getCurrentUser', 'flag.create']));
});

test('AP.request reaches the product REST API as the app, within its READ scope', async ({ host }) => {
  const app = await host.open('hello-world');
  const status = await app.ap(async (AP) => {
    const { body } = await AP.request('/rest/api/3/myself');
    const denied = await AP.request({ url: '/rest/api/3/issue/DEMO-1', type: 'DELETE' }).catch((error) => error.xhr.status);
    return { me: JSON.parse(body).accountId, denied };
  });
  expect(status.me).toBeTruthy();
  expect(status.denied).toBe(403);
});

test('a dialog opened by the page closes with data that reaches the page', async ({ host }) => {
  const app = await host.open('hello-world');
  await app.frame.getByRole('button', { name: 'Open greeting' }).click();
  const dialog = await host.dialog();
  await expect(dialog.locator).toContainText('Greeting');
  await expect(dialog.frame.getByText('Greetings from a dialog.')).toBeVisible();
  expect(await dialog.ap((AP) => AP.dialog.isDialog)).toBe(true);
  await dialog.frame.getByRole('button', { name: 'Done' }).click();
  await expect(dialog.locator).toBeHidden();
  await expect(app.frame.locator('#result')).toHaveText('greeted');
});
