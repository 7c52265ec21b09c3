import { THEMING_MODULE, ThemingEvent } from '../../shared/contracts/theming.js';
import { isRecord } from '../../shared/guards.js';
import { quiet, subscriber, type PluginBridge } from '../bridge.js';

/** `AP.theming`. */
export interface ThemingFacade {
  /**
   * Asks the product for its theme and every later change, written on this page's `<html>` as
   * Atlassian's is: `data-color-mode="dark"` and `data-theme="dark:dark light:light"`, which
   * Atlassian design tokens (`@atlaskit/tokens` CSS) select on.
   * @example
   * ```js
   * AP.theming.initializeTheming();
   * ```
   */
  initializeTheming(): Promise<void>;
}

// The host checked the theme (colour mode, short theme names); an app's own event of that name, or
// null for no colour mode, is not a theme.
function apply(doc: Document | undefined, theme: unknown): void {
  if (!doc || !isRecord(theme) || !isRecord(theme.themes)) return;
  const root = doc.documentElement;
  root.setAttribute('data-color-mode', String(theme.colorMode));
  root.setAttribute('data-theme', Object.entries(theme.themes).map((pair) => pair.join(':')).join(' '));
}

/** Builds `AP.theming`. */
export function createTheming(bridge: PluginBridge): ThemingFacade {
  const subscribe = subscriber(bridge, (name, args) => {
    if (name === ThemingEvent.changed) apply(bridge.window?.document, args[0]);
  });
  return {
    initializeTheming() {
      const doc = bridge.window?.document;
      subscribe();
      return quiet('theming.initializeTheming', bridge.call(THEMING_MODULE, 'initializeTheming', []).then((theme) => apply(doc, theme)));
    },
  };
}
