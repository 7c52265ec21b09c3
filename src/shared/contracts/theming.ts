/**
 * Contract of the `theming` module: after `AP.theming.initializeTheming()` the host sends the
 * product's theme and every change; the plugin writes it on the app's `<html>` as Atlassian's does
 * (`data-color-mode="dark"`, `data-theme="dark:dark light:light"`), where design tokens pick it up.
 */

import type { MethodKinds } from './types.js';

export const THEMING_MODULE = 'theming';

/** The product's theme as apps receive it. */
export interface Theme {
  colorMode: 'light' | 'dark';
  /** Theme kinds to theme names, written as `data-theme="kind:name ..."`. */
  themes: Record<string, string>;
}

export interface ThemingContract {
  /**
   * Subscribes this view to theme changes; answers the current theme (null when the product's has no
   * light or dark colour mode), checked by the host: theme pairs are short names only.
   */
  initializeTheming(): Theme | null;
}

export const ThemingKinds: MethodKinds<ThemingContract> = { initializeTheming: 1 };

export const ThemingEvent = {
  /** The product's theme changed: `(Theme)`, checked as `initializeTheming`'s answer. */
  changed: 'theming.changed',
} as const;
