// How this project launches Chromium, shared by the e2e config and the benchmark: Debian's Chromium
// where it is installed (CI and this project's machines, or $CHROMIUM_PATH), Playwright's own browser
// elsewhere (`npx playwright install chromium` once on a laptop), always with the flags a closed,
// loopback-only machine needs and *.test mapped to 127.0.0.1 so one server can play several sites.
import { existsSync } from 'node:fs';

const playwrightDisabledFeatures = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'DialMediaRouteProvider',
  'GlobalMediaControls',
  'HttpsUpgrades',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'BlockOriginHeaderModificationOnRedirect',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'Translate',
  'AutoDeElevate',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
];

const systemChromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Launch options for `chromium.launch()` / Playwright's `launchOptions`, plus any extra flags. */
export function chromiumLaunchOptions(extraArgs = []) {
  return {
    // Playwright's own --disable-features list also turns off ThirdPartyStoragePartitioning, while its
    // contexts block third-party cookies: app iframes would then get no localStorage at all (it throws),
    // unlike the Chrome users run. Chromium reads the last --disable-features switch, so this list
    // (Playwright 1.64's, without that feature) replaces it.
    ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
    args: [
      '--host-resolver-rules=MAP *.test 127.0.0.1',
      ...extraArgs,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-features=${playwrightDisabledFeatures.join(',')}`,
    ],
  };
}
