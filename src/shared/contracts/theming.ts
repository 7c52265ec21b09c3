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
  /** Subscribes this view to theme changes; answers the current theme. */
  initializeTheming(): Theme;
}

export const ThemingKinds: MethodKinds<ThemingContract> = { initializeTheming: 1 };

export const ThemingEvent = {
  /** The product's theme changed: `(Theme)`. */
  changed: 'theming.changed',
} as const;
