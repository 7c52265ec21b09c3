import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Host } from '../../../src/host/types.js';
import { code, open, uiHost } from '../../ui.js';

let host: Host | undefined;
afterEach(() => {
  host?.destroy();
  host = undefined;
});

describe('page, host and inlineDialog', () => {
  it('page.setTitle reaches the product from full pages only', async () => {
    const setTitle = vi.fn();
    host = uiHost({ page: { setTitle } });
    const page = await open(host, 'app-a', 'page');
    await page.ap.page.setTitle('Reports');
    expect(setTitle).toHaveBeenCalledWith('Reports', page.view);
    const panel = await open(host);
    expect(await code(panel.ap.page.setTitle('x'))).toBe('NOT_SUPPORTED');
    expect(await code(page.ap.page.setTitle({} as never))).toBe('INVALID_ARGUMENT');
    expect(setTitle).toHaveBeenCalledTimes(1);
  });

  it('page.setTitle and inlineDialog.hide are NOT_SUPPORTED without the product hook', async () => {
    host = uiHost();
    const page = await open(host, 'app-a', 'page');
    expect(await code(page.ap.page.setTitle('x'))).toBe('NOT_SUPPORTED');
    expect(await code(page.ap.inlineDialog.hide())).toBe('NOT_SUPPORTED');
  });

  it('inlineDialog.hide closes the caller\'s inline dialog, also as AP.require("inline-dialog")', async () => {
    const hide = vi.fn();
    host = uiHost({ inlineDialog: { hide } });
    const { ap, view } = await open(host);
    const module = await new Promise<{ hide(): Promise<void> }>((resolve) => ap.require('inline-dialog', resolve));
    await module.hide();
    expect(hide).toHaveBeenCalledWith(view);
  });

  it('host.focus gives focus back to the product page; getSelectedText is always empty', async () => {
    host = uiHost();
    const { ap, view } = await open(host);
    const blur = vi.spyOn(view.iframe, 'blur');
    view.iframe.focus();
    await ap.host.focus();
    if (document.activeElement === view.iframe) expect(blur).toHaveBeenCalled();
    expect(document.activeElement).not.toBe(view.iframe);
    expect(await new Promise((resolve) => ap.host.getSelectedText(resolve))).toBe('');
  });
});
