import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src/host/types.js';
import { code, dialogs, dialogView, layer, open, plug, uiHost, until } from '../../ui.js';

let host: Host | undefined;
afterEach(() => {
  host?.destroy();
  host = undefined;
});

describe('dialog', () => {
  it('opens an accessible dialog labelled by its header, with the app named and HTML shown as text', async () => {
    host = uiHost();
    const { ap } = await open(host);
    const dialog = ap.dialog.create({ key: 'editor', header: '<img src=x onerror="window.pwned=1">Edit', hint: '<b>hint</b>' });
    await dialog.opened;
    const [element] = dialogs();
    expect(element).toBeDefined();
    expect(element!.getAttribute('role')).toBe('dialog');
    expect(element!.getAttribute('aria-modal')).toBe('true');
    const title = (layer() as ShadowRoot).getElementById(element!.getAttribute('aria-labelledby')!);
    expect(title?.textContent).toBe('<img src=x onerror="window.pwned=1">Edit');
    expect(element!.querySelector('img, b')).toBeNull();
    expect(element!.querySelector('.apb-dialog-app')?.textContent).toBe('App <b>A</b>');
    expect(element!.querySelector('.apb-dialog-hint')?.textContent).toBe('<b>hint</b>');
    expect([...element!.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Submit', 'Cancel']);
    // The dialog's iframe is a view of the same app, told it is a dialog.
    const view = dialogView(host);
    expect(view.app.key).toBe('app-a');
    expect(view.moduleKey).toBe('editor');
    expect(view.iframe.src).toBe('https://app.example/editor');
    expect(element!.contains(view.iframe)).toBe(true);
    expect(JSON.parse(view.iframe.name).options).toMatchObject({ isDialog: true, closeOnEscape: true });
  });

  it("refuses unknown keys and another app's dialog with NOT_ALLOWED, and bad options with INVALID_ARGUMENT", async () => {
    host = uiHost();
    const { ap } = await open(host);
    expect(await code(ap.dialog.create({ key: 'foreign' }).opened)).toBe('NOT_ALLOWED');
    expect(await code(ap.dialog.create({ key: 'nope' }).opened)).toBe('NOT_ALLOWED');
    expect(await code(ap.dialog.create({ key: 'editor', size: 'huge' as never }).opened)).toBe('INVALID_ARGUMENT');
    expect(await code(ap.dialog.create({ key: 'editor', width: 'expression(alert(1))' }).opened)).toBe('INVALID_ARGUMENT');
    expect(await code(ap.dialog.create({ key: 'editor', header: 42 as never }).opened)).toBe('INVALID_ARGUMENT');
    const twins = [{ text: 'A', identifier: 'x' }, { text: 'B', identifier: 'x' }];
    expect(await code(ap.dialog.create({ key: 'editor', buttons: twins }).opened)).toBe('INVALID_ARGUMENT');
    expect(dialogs()).toHaveLength(0);
    // app-b declares its dialogs as an object keyed by module key: that form works for its owner.
    const b = await open(host, 'app-b');
    await b.ap.dialog.create({ key: 'foreign' }).opened;
    expect(dialogView(host).app.key).toBe('app-b');
  });

  it('asks resolveModuleUrl for the URL at open time (fresh signing) and refuses one off the app origin', async () => {
    const asked: unknown[] = [];
    host = uiHost({
      resolveModuleUrl: async (app, moduleKey, url, opener) => {
        asked.push([app.key, moduleKey, url, opener.moduleKey]);
        return moduleKey === 'confirm' ? 'https://evil.example/confirm' : `${app.baseUrl}${url}?jwt=fresh`;
      },
    });
    const { ap } = await open(host);
    await ap.dialog.create({ key: 'editor' }).opened;
    expect(dialogView(host).iframe.src).toBe('https://app.example/editor?jwt=fresh');
    await ap.dialog.close();
    expect(await code(ap.dialog.create({ key: 'confirm' }).opened)).toBe('NOT_ALLOWED');
    expect(asked).toEqual([
      ['app-a', 'editor', '/editor', 'main'],
      ['app-a', 'confirm', '/confirm', 'main'],
    ]);
  });

  it('applies descriptor options under call options, presets, and px/% sizes', async () => {
    host = uiHost();
    const { ap } = await open(host);
    await ap.dialog.create({ key: 'confirm' }).opened;
    expect(dialogs()[0]!.classList.contains('apb-size-small')).toBe(true);
    expect(layer().querySelector('.apb-dialog-title')?.textContent).toBe('Confirm it');
    await ap.dialog.close();
    await ap.dialog.create({ key: 'editor', width: '50%', height: 300, chrome: false }).opened;
    const element = dialogs()[0]!;
    expect(element.style.width).toBe('50%');
    expect(element.querySelector('.apb-dialog-body')!.getAttribute('style')).toContain('300px');
    expect(element.querySelector('header, footer')).toBeNull();
    expect(element.getAttribute('aria-label')).toBe('App <b>A</b>');
  });

  it('sends close data to the opener only, through Dialog.on and AP.events', async () => {
    host = uiHost();
    const opener = await open(host);
    const bystander = await open(host);
    const other = await open(host, 'app-b');
    const heard: unknown[] = [];
    const seen: string[] = [];
    opener.ap.events.on('dialog.close', (...args: never[]) => heard.push(args[0]));
    bystander.ap.events.on('dialog.close', () => seen.push('bystander'));
    other.ap.events.on('dialog.close', () => seen.push('other'));
    const closed = new Promise((resolve) => opener.ap.dialog.create({ key: 'editor', customData: { id: 7 } }).on('close', resolve));
    await until(() => dialogs().length === 1);
    const inside = await plug(dialogView(host));
    expect(inside.ap.dialog.isDialog).toBe(true);
    expect(opener.ap.dialog.isDialog).toBe(false);
    expect(await inside.ap.dialog.getCustomData()).toEqual({ id: 7 });
    expect(await inside.ap.dialog.close({ saved: true })).toBe(true);
    expect(await closed).toEqual({ saved: true });
    await until(() => heard.length === 1);
    expect(heard).toEqual([{ saved: true }]);
    expect(dialogs()).toHaveLength(0);
    await until(() => inside.view.state === 'destroyed');
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual([]);
  });

  it("answers close and getCustomData in a dialog the product drew (a web item's), through options.dialog", async () => {
    const closed: [string, unknown][] = [];
    host = uiHost({ dialog: { close: (view, data) => closed.push([view.moduleKey, data]) } });
    const view = host.create({ app: 'app-a', moduleKey: 'editor', url: '/editor', options: { isDialog: true } }, document.body);
    const inside = await plug(view);
    expect(inside.ap.dialog.isDialog).toBe(true);
    expect(await inside.ap.dialog.getCustomData()).toBeUndefined();
    expect(await inside.ap.dialog.close({ done: 1 })).toBe(true);
    expect(closed).toEqual([['editor', { done: 1 }]]);
    // The product passes custom data through the view's options if it has any.
    const withData = await plug(host.create({ app: 'app-a', moduleKey: 'confirm', url: '/confirm', options: { isDialog: true, customData: { id: 3 } } }, document.body));
    expect(await withData.ap.dialog.getCustomData()).toEqual({ id: 3 });
    expect(dialogs()).toHaveLength(0);
  });

  it('refuses AP.dialog.close in a product-drawn dialog when the product gave no close hook', async () => {
    host = uiHost();
    const inside = await plug(host.create({ app: 'app-a', moduleKey: 'editor', url: '/editor', options: { isDialog: true } }, document.body));
    expect(await code(inside.ap.dialog.close())).toBe('NOT_SUPPORTED');
  });

  it('only works inside a dialog for in-dialog methods', async () => {
    host = uiHost();
    const { ap } = await open(host);
    expect(await code(ap.dialog.getCustomData())).toBe('NOT_SUPPORTED');
    expect(await code(ap.dialog.disableCloseOnSubmit())).toBe('NOT_SUPPORTED');
    expect(await ap.dialog.close()).toBe(false);
  });

  it('drives chrome buttons: submit, cancel, custom, enable/disable/hide/show/toggle, bind and trigger', async () => {
    host = uiHost();
    const { ap } = await open(host);
    await ap.dialog.create({ key: 'editor', buttons: [{ text: 'Preview', identifier: 'preview' }] }).opened;
    const inside = await plug(dialogView(host));
    const events: string[] = [];
    for (const name of ['dialog.submit', 'dialog.cancel', 'dialog.button.click']) {
      inside.ap.events.on(name, (...args: never[]) => events.push(`${name}:${(args[0] as unknown as { button: { name: string } }).button.name}`));
    }
    const bound: string[] = [];
    inside.ap.dialog.getButton('preview').bind((data) => bound.push(data.button.identifier));
    const button = (id: string) => dialogs()[0]!.querySelector<HTMLButtonElement>(`[data-apb-button="${id}"]`)!;
    expect([...dialogs()[0]!.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Preview', 'Submit', 'Cancel']);

    button('preview').click();
    await until(() => bound.length === 1);
    expect(events).toEqual(['dialog.button.click:preview']);

    const submit = inside.ap.dialog.getButton('submit');
    await submit.disable();
    expect(button('submit').disabled).toBe(true);
    expect(await submit.isEnabled()).toBe(false);
    button('submit').click();
    await submit.toggle();
    expect(await new Promise((resolve) => submit.isEnabled(resolve))).toBe(true);
    await submit.hide();
    expect(button('submit').hidden).toBe(true);
    expect(await submit.isHidden()).toBe(true);
    await submit.show();

    const created = inside.ap.dialog.createButton({ text: '<i>Extra</i>', identifier: 'extra' });
    await until(() => dialogs()[0]!.querySelector('[data-apb-button="extra"]') !== null);
    expect(button('extra').textContent).toBe('<i>Extra</i>');
    await created.trigger();
    await until(() => events.includes('dialog.button.click:extra'));
    expect(await code(inside.ap.dialog.getButton('missing').enable())).toBe('INVALID_ARGUMENT');

    await inside.ap.dialog.disableCloseOnSubmit();
    button('submit').click();
    await until(() => events.includes('dialog.submit:submit'));
    expect(dialogs()).toHaveLength(1);
    button('cancel').click();
    expect(dialogs()).toHaveLength(0);
  });

  it('submit closes the dialog unless disableCloseOnSubmit was called', async () => {
    host = uiHost();
    const { ap } = await open(host);
    const closed = new Promise((resolve) => ap.dialog.create({ key: 'editor' }).on('close', resolve));
    await until(() => dialogs().length === 1);
    dialogs()[0]!.querySelector<HTMLButtonElement>('[data-apb-button="submit"]')!.click();
    expect(dialogs()).toHaveLength(0);
    expect(await closed).toBeUndefined();
  });

  it('closes on Escape (host side and forwarded from the iframe) unless closeOnEscape is false', async () => {
    host = uiHost();
    const { ap } = await open(host);
    await ap.dialog.create({ key: 'editor', closeOnEscape: false }).opened;
    const stubborn = await plug(dialogView(host));
    expect(await stubborn.ap.dialog.isCloseOnEscape()).toBe(false);
    dialogs()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(dialogs()).toHaveLength(1);
    await ap.dialog.close();

    await ap.dialog.create({ key: 'editor' }).opened;
    dialogs()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(dialogs()).toHaveLength(0);

    await ap.dialog.create({ key: 'editor' }).opened;
    const inside = await plug(dialogView(host));
    expect(await inside.ap.dialog.isCloseOnEscape()).toBe(true);
    inside.events.dispatchEvent(Object.assign(new Event('keydown'), { key: 'Escape' }));
    await until(() => dialogs().length === 0);
  });

  it('stacks nested dialogs: Escape hits only the top one; closing a lower one closes those above', async () => {
    host = uiHost();
    const { ap } = await open(host);
    await ap.dialog.create({ key: 'editor' }).opened;
    const first = await plug(dialogView(host));
    await first.ap.dialog.create({ key: 'confirm' }).opened;
    expect(dialogs()).toHaveLength(2);
    const second = await plug(dialogView(host));
    // Escape forwarded from the lower dialog is ignored: it is not the top one.
    first.events.dispatchEvent(Object.assign(new Event('keydown'), { key: 'Escape' }));
    await new Promise((r) => setTimeout(r, 30));
    expect(dialogs()).toHaveLength(2);
    second.events.dispatchEvent(Object.assign(new Event('keydown'), { key: 'Escape' }));
    await until(() => dialogs().length === 1);
    await first.ap.dialog.create({ key: 'confirm' }).opened;
    await first.ap.dialog.close();
    expect(dialogs()).toHaveLength(0);
  });

  it('caps open dialogs with TOO_MANY_OPEN and closes dialogs whose iframe goes away', async () => {
    host = uiHost();
    const { ap } = await open(host);
    for (let i = 0; i < 5; i++) await ap.dialog.create({ key: 'editor' }).opened;
    expect(await code(ap.dialog.create({ key: 'editor' }).opened)).toBe('TOO_MANY_OPEN');
    dialogView(host).destroy();
    expect(dialogs()).toHaveLength(4);
    host.destroy();
    expect(dialogs()).toHaveLength(0);
    expect(document.querySelector('apb-layer')).toBeNull();
  });

  it('gives focus back to what had it when the dialog closes', async () => {
    host = uiHost();
    const { ap } = await open(host);
    const before = document.createElement('button');
    document.body.appendChild(before);
    before.focus();
    await ap.dialog.create({ key: 'editor' }).opened;
    expect(document.activeElement).not.toBe(before);
    await ap.dialog.close();
    expect(document.activeElement).toBe(before);
    before.remove();
  });
});
