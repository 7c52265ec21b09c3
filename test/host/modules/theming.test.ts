import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Theme } from '../../../src/shared/contracts/theming.js';
import type { Host } from '../../../src/host/types.js';
import { code, open, uiHost } from '../../ui.js';

let host: Host | undefined;
afterEach(() => {
  host?.destroy();
  host = undefined;
});

describe('theming', () => {
  it('writes the product theme and its changes on the app <html>, as Atlassian does', async () => {
    let theme: Theme = { colorMode: 'light', themes: { light: 'light', dark: 'dark' } };
    const listeners = new Set<() => void>();
    host = uiHost({ theming: { getTheme: () => theme, subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) } });
    const { ap, view } = await open(host);
    const html = (view.iframe.contentWindow as Window).document.documentElement;
    expect(html.hasAttribute('data-color-mode')).toBe(false);
    await ap.theming.initializeTheming();
    expect(html.getAttribute('data-color-mode')).toBe('light');
    expect(html.getAttribute('data-theme')).toBe('light:light dark:dark');
    theme = { colorMode: 'dark', themes: { dark: 'dark', light: 'light', 'bad value': 'x"y' } };
    for (const listener of listeners) listener();
    await vi.waitFor(() => expect(html.getAttribute('data-color-mode')).toBe('dark'));
    expect(html.getAttribute('data-theme')).toBe('dark:dark light:light');
  });

  it('checks the product theme before any app gets it: no colour mode but light or dark, short theme names only', async () => {
    let theme = { colorMode: 'sepia', themes: { light: 'light' } } as unknown as Theme;
    const listeners = new Set<() => void>();
    host = uiHost({ theming: { getTheme: () => theme, subscribe: (l) => (listeners.add(l), () => listeners.delete(l)) } });
    const { ap, view } = await open(host);
    const html = (view.iframe.contentWindow as Window).document.documentElement;
    await ap.theming.initializeTheming();
    expect(html.hasAttribute('data-color-mode')).toBe(false);
    theme = { colorMode: 'dark', themes: { dark: 'dark', 'x y': 'z', light: 'a'.repeat(33), spacing: 'compact' } };
    for (const listener of listeners) listener();
    await vi.waitFor(() => expect(html.getAttribute('data-color-mode')).toBe('dark'));
    expect(html.getAttribute('data-theme')).toBe('dark:dark spacing:compact');
  });

  it('is NOT_SUPPORTED without the product theme', async () => {
    host = uiHost();
    const { ap } = await open(host);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await code(ap.theming.initializeTheming())).toBe('NOT_SUPPORTED');
    warn.mockRestore();
  });
});
