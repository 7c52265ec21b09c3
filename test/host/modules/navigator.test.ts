import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Host, View } from '../../../src/host/types.js';
import { code, open, uiHost } from '../../ui.js';

let host: Host | undefined;
afterEach(() => {
  host?.destroy();
  host = undefined;
});

describe('navigator and env', () => {
  it('answers through the product callbacks with the calling view', async () => {
    const go = vi.fn();
    const reload = vi.fn();
    host = uiHost({
      navigator: { getLocation: async (view: View) => ({ target: 'issue', context: { issueKey: 'DEMO-1', app: view.app.key } }), go, reload },
    });
    const { ap, view } = await open(host);
    expect(await ap.navigator.getLocation()).toEqual({ target: 'issue', context: { issueKey: 'DEMO-1', app: 'app-a' } });
    expect(await new Promise((resolve) => ap.navigator.getLocation(resolve))).toMatchObject({ target: 'issue' });
    await ap.navigator.go('issue', { issueKey: 'DEMO-2' });
    expect(go).toHaveBeenCalledWith('issue', { issueKey: 'DEMO-2' }, view);
    await ap.navigator.reload();
    expect(reload).toHaveBeenCalledWith(view);
    expect(await code(ap.navigator.go('../admin' as never))).toBe('INVALID_ARGUMENT');
    expect(await code(ap.navigator.go('issue', 'x' as never))).toBe('INVALID_ARGUMENT');
    expect(await code(ap.navigator.go('issue', { big: 'x'.repeat(9000) }))).toBe('PAYLOAD_TOO_LARGE');
    expect(go).toHaveBeenCalledTimes(1);
  });

  it('without callbacks: go and reload are NOT_SUPPORTED, getLocation gives the page URL', async () => {
    host = uiHost();
    const { ap, view } = await open(host);
    expect(await code(ap.navigator.go('dashboard'))).toBe('NOT_SUPPORTED');
    expect(await code(ap.navigator.reload())).toBe('NOT_SUPPORTED');
    expect(await ap.navigator.getLocation()).toEqual({ href: window.location.href });
    expect(await ap.env.getLocation()).toBe(window.location.href);
    await ap.env.hideFooter(true);
    expect(view.iframe.hasAttribute('data-apb-hide-footer')).toBe(true);
    await ap.env.hideFooter(false);
    expect(view.iframe.hasAttribute('data-apb-hide-footer')).toBe(false);
  });

  it("accepts Connect's targets in either spelling, defaults addonKey to the caller, and locates a general page", async () => {
    const go = vi.fn();
    host = uiHost({ navigator: { go } });
    const { ap, view } = await open(host, 'app-a', 'page');
    // Atlassian's own example app calls it so; it failed with HANDLER_FAILED before.
    await ap.navigator.go('addonmodule', { moduleKey: 'config' });
    expect(go).toHaveBeenLastCalledWith('addonModule', { moduleKey: 'config', addonKey: 'app-a' }, view);
    await ap.navigator.go('addonModule', { addonKey: 'app-b', moduleKey: 'x', customData: { a: 1 } });
    expect(go).toHaveBeenLastCalledWith('addonModule', { addonKey: 'app-b', moduleKey: 'x', customData: { a: 1 } }, view);
    await ap.navigator.go('CONTENTVIEW', { contentId: '1' });
    expect(go).toHaveBeenLastCalledWith('contentview', { contentId: '1' }, view);
    expect(await ap.navigator.getLocation()).toEqual({ target: 'addonModule', context: { addonKey: 'app-a', moduleKey: 'page' } });
  });

  it('a refused go is logged with its code and never becomes an unhandled rejection', async () => {
    host = uiHost();
    const { ap } = await open(host);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      void ap.navigator.go('dashboard');
      await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('AP.navigator.go failed:', expect.stringContaining('NOT_SUPPORTED')));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
      warn.mockRestore();
    }
  });
});
