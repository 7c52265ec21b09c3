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
});
