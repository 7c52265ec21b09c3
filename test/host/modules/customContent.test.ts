import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Host } from '../../../src/host/types.js';
import { code, open, uiHost } from '../../ui.js';

let host: Host | undefined;
afterEach(() => {
  host?.destroy();
  host = undefined;
});

describe('customContent', () => {
  it("the edit component's answers reach the product hooks with the calling view, checked", async () => {
    const hooks = { intercept: vi.fn(), submit: vi.fn(), submitSuccess: vi.fn(), submitError: vi.fn(), cancel: vi.fn() };
    host = uiHost({ customContent: hooks });
    const { ap, view } = await open(host);
    const edit = ap.customContent.getEditComponent();
    expect(ap.customContent.getEditComponent()).toBe(edit);
    await edit.intercept('confluence.customcontent.submit');
    expect(hooks.intercept).toHaveBeenCalledWith('confluence.customcontent.submit', view);
    await edit.submitCallback('<p>Body</p>');
    await edit.submitCallback({ title: 'T', body: { storage: { value: '<p/>', representation: 'storage' } } });
    await edit.submitCallback(false, 'Cannot save');
    expect(hooks.submit.mock.calls).toEqual([
      ['<p>Body</p>', undefined, view],
      [{ title: 'T', body: { storage: { value: '<p/>', representation: 'storage' } } }, undefined, view],
      [false, 'Cannot save', view],
    ]);
    await edit.submitSuccessCallback(false, 'Stay here');
    expect(hooks.submitSuccess).toHaveBeenCalledWith(false, 'Stay here', view);
    await edit.submitErrorCallback(true);
    expect(hooks.submitError).toHaveBeenCalledWith(true, undefined, view);
    await edit.cancelCallback(true);
    expect(hooks.cancel).toHaveBeenCalledWith(true, undefined, view);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      expect(await code(edit.intercept('confluence.page.save' as never))).toBe('INVALID_ARGUMENT');
      expect(await code(edit.cancelCallback('yes' as never))).toBe('INVALID_ARGUMENT');
      expect(await code(edit.submitCallback(7 as never))).toBe('INVALID_ARGUMENT');
      expect(await code(edit.submitSuccessCallback(false, 'x'.repeat(513)))).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      warn.mockRestore();
    }
    expect(hooks.intercept).toHaveBeenCalledTimes(1);
    expect(hooks.cancel).toHaveBeenCalledTimes(1);
  });

  it('without the product hooks every answer is NOT_SUPPORTED, only logged (Connect returns nothing)', async () => {
    host = uiHost();
    const { ap } = await open(host);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const edit = ap.customContent.getEditComponent();
      void edit.intercept('confluence.customcontent.cancel');
      await vi.waitFor(() =>
        expect(warn).toHaveBeenCalledWith('AP.customContent.intercept failed:', 'NOT_SUPPORTED: This product does not support customContent.intercept'),
      );
      expect(await code(edit.submitCallback('<p/>'))).toBe('NOT_SUPPORTED');
    } finally {
      warn.mockRestore();
    }
  });
});
