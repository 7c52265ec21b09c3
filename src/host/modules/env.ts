import type { EnvContract } from '../../shared/contracts/env.js';
import { ENV_MODULE } from '../../shared/contracts/env.js';
import type { CallContext, ContractModule, HostOptions } from '../types.js';
import { optionalBoolean } from './uiArgs.js';

/**
 * The `env` module: `AP.getLocation()` (the product page's URL, as Connect gives it) and
 * `AP.env.hideFooter(hidden)`, which marks the app's iframe with `data-apb-hide-footer` for the
 * product's own layout to act on. (`AP.env.resize` and `sizeToParent` travel on the resize module.)
 *
 * @example
 * ```ts
 * const host = createHostCore({ modules: [envModule()] });
 * ```
 */
export function envModule(options: HostOptions = {}): ContractModule<EnvContract> {
  return {
    name: ENV_MODULE,
    methods: {
      getLocation(ctx: CallContext): string {
        const win = ctx.view.iframe.ownerDocument.defaultView ?? options.window ?? window;
        return win.location.href;
      },
      hideFooter(ctx: CallContext, hidden?: unknown): void {
        const hide = optionalBoolean(hidden, 'hidden', true);
        ctx.view.iframe.toggleAttribute('data-apb-hide-footer', hide);
      },
    },
  };
}
