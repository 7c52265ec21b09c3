// How the e2e suite launches Firefox and WebKit (Chromium: chromium.mjs, shared with the bench). All
// three map *.test to 127.0.0.1 so one fixture server can play several sites.
import type { LaunchOptions } from '@playwright/test';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/**
 * Debian's firefox-esr, driven over WebDriver BiDi (Playwright's 'moz-firefox' channel). Playwright is
 * pinned to 1.64.1: 1.65 sends emulation.setMediaFeaturesOverride at context creation, which
 * firefox-esr 153 does not know.
 */
export function firefoxLaunchOptions(): LaunchOptions {
  return {
    channel: 'moz-firefox',
    executablePath: FIREFOX_PATH,
    firefoxUserPrefs: { 'network.dns.forceResolve': '127.0.0.1' },
  };
}
