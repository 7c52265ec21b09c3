import { THEMING_MODULE, ThemingEvent, type Theme } from '../../shared/contracts/theming.js';
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

const KIND = /^[\w-]{1,32}$/;

function apply(doc: Document | undefined, theme: unknown): void {
  if (!doc || !isRecord(theme) || (theme.colorMode !== 'light' && theme.colorMode !== 'dark')) return;
  const pairs = Object.entries(isRecord(theme.themes) ? theme.themes : {})
    .filter(([kind, name]) => KIND.test(kind) && typeof name === 'string' && KIND.test(name))
    .map(([kind, name]) => `${kind}:${String(name)}`);
  const root = doc.documentElement;
  root.setAttribute('data-color-mode', theme.colorMode);
  root.setAttribute('data-theme', pairs.join(' '));
}

/** Builds `AP.theming`. */
export function createTheming(bridge: PluginBridge): ThemingFacade {
  const subscribe = subscriber(bridge, (name, args) => {
    if (name === ThemingEvent.changed) apply(bridge.window?.document, args[0] as Theme);
  });
  return {
    initializeTheming() {
      const doc = bridge.window?.document;
      subscribe();
      return quiet('theming.initializeTheming', bridge.call(THEMING_MODULE, 'initializeTheming', []).then((theme) => apply(doc, theme)));
    },
  };
}
