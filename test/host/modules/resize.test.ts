import { afterEach, describe, expect, it } from 'vitest';
import type { Host } from '../../../src/host/types.js';
import { link } from '../../link.js';
import { code, dialogView, open, plug, uiHost, until } from '../../ui.js';

let host: Host | undefined;
afterEach(() => {
  host?.destroy();
  host = undefined;
});

describe('resize', () => {
  it("sizes only the caller's iframe, in px or %, clamped", async () => {
    host = uiHost();
    const { ap, view } = await open(host);
    const other = await open(host);
    await ap.resize('50%', '240px');
    expect(view.iframe.style.width).toBe('50%');
    expect(view.iframe.style.height).toBe('240px');
    expect(other.view.iframe.style.height).toBe('150px');
    await ap.env.resize(undefined, 300);
    expect(view.iframe.style.height).toBe('300px');
    await ap.resize('100', '9999999');
    expect(view.iframe.style.width).toBe('100px');
    expect(view.iframe.style.height).toBe('100000px');
    await ap.resize(-20, '150%');
    expect(view.iframe.style.width).toBe('0px');
    expect(view.iframe.style.height).toBe('100%');
  });

  it('refuses anything that is not a plain length', async () => {
    host = uiHost();
    const { ap, view } = await open(host);
    for (const bad of ['calc(100vh)', '10em', 'url(x)', '1px;background:red', NaN, {}] as never[]) {
      expect(await code(ap.resize(bad, bad))).toBe('INVALID_ARGUMENT');
    }
    expect(view.iframe.style.height).toBe('150px');
  });

  it('has no effect in a dialog', async () => {
    host = uiHost();
    const { ap } = await open(host);
    await ap.dialog.create({ key: 'editor' }).opened;
    const inside = await plug(dialogView(host));
    await inside.ap.resize('10px', '10px');
    expect(inside.view.iframe.style.height).toBe('100%');
    expect(await code(inside.ap.sizeToParent())).toBe('NOT_SUPPORTED');
  });

  it('sizeToParent fits full-page modules only, and later resizes are ignored', async () => {
    host = uiHost();
    const panel = await open(host);
    expect(await code(panel.ap.sizeToParent())).toBe('NOT_SUPPORTED');
    const page = await open(host, 'app-a', 'page');
    await page.ap.sizeToParent(true);
    expect(page.view.iframe.style.width).toBe('100%');
    expect(page.view.iframe.style.height).toBe(`${Math.floor(window.innerHeight - page.view.iframe.getBoundingClientRect().top)}px`);
    expect(page.view.iframe.hasAttribute('data-apb-hide-footer')).toBe(true);
    const fitted = page.view.iframe.style.height;
    await page.ap.resize('10px', '10px');
    expect(page.view.iframe.style.height).toBe(fitted);
  });

  it('the view option isFullPage makes a module a full page without a descriptor entry (regression: read as fullPage)', async () => {
    host = uiHost();
    const plain = await open(host, 'app-a', 'undeclared');
    expect(await code(plain.ap.sizeToParent())).toBe('NOT_SUPPORTED');
    const page = await plug(host.create({ app: 'app-a', moduleKey: 'undeclared', url: '/app', options: { isFullPage: true } }, document.body));
    await expect(page.ap.sizeToParent()).resolves.toBeUndefined();
  });

  it('data-options="sizeToParent:true" fits a full page as soon as it connects', async () => {
    host = uiHost();
    const { view, connected } = link({ host, view: { moduleKey: 'page' }, plugin: { sizeToParent: true } });
    await connected;
    await until(() => view.iframe.style.width === '100%' && view.iframe.style.height !== '150px');
  });
});
