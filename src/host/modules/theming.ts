import { THEMING_MODULE, ThemingEvent, type Theme, type ThemingContract } from '../../shared/contracts/theming.js';
import type { CallContext, ContractModule, Host, HostOptions, View } from '../types.js';
import { unsupported } from './hooks.js';

const KIND = /^[\w-]{1,32}$/;

/**
 * The product's theme as it goes to apps, which write it on their `<html>` as given: a colour mode
 * other than light or dark is none (null), and theme pairs that are not short names are left out.
 */
function checkTheme(theme: Theme): Theme | null {
  if (theme?.colorMode !== 'light' && theme?.colorMode !== 'dark') return null;
  const themes: Record<string, string> = {};
  for (const [kind, name] of Object.entries(theme.themes ?? {})) {
    if (KIND.test(kind) && typeof name === 'string' && KIND.test(name)) themes[kind] = name;
  }
  return { colorMode: theme.colorMode, themes };
}

/** What a product supplies for `AP.theming`: its current theme, and a way to hear it change. */
export interface ThemingHooks {
  /** The product's current theme. */
  getTheme(): Theme;
  /** Calls `listener` after every theme change; returns the unsubscribe function. */
  subscribe?(listener: () => void): () => void;
}

/**
 * The `theming` module: `AP.theming.initializeTheming()` answers the product's theme and subscribes
 * the view to every later change (the `theming.changed` event), from `options.theming`
 * (NOT_SUPPORTED without it).
 *
 * @example
 * ```ts
 * const listeners = new Set<() => void>();
 * const host = createHost({
 *   theming: {
 *     getTheme: () => ({ colorMode: dark ? 'dark' : 'light', themes: { light: 'light', dark: 'dark' } }),
 *     subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
 *   },
 * });
 * ```
 */
export function themingModule(options: HostOptions = {}): ContractModule<ThemingContract> {
  const themed = new Set<View>();
  return {
    name: THEMING_MODULE,
    methods: {
      initializeTheming(ctx: CallContext) {
        const hooks = options.theming;
        if (!hooks) throw unsupported(THEMING_MODULE, 'initializeTheming');
        themed.add(ctx.view);
        return checkTheme(hooks.getTheme());
      },
    },
    attach(host: Host) {
      const stopViews = host.onViewState((view, state) => {
        if (state === 'destroyed') themed.delete(view);
      });
      const hooks = options.theming;
      const stopTheme = hooks?.subscribe?.(() => {
        const theme = checkTheme(hooks.getTheme());
        if (theme) host.emit(ThemingEvent.changed, (view) => themed.has(view), theme);
      });
      return () => {
        stopViews();
        stopTheme?.();
        themed.clear();
      };
    },
  };
}
