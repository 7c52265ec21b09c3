import { INLINE_DIALOG_MODULE, type InlineDialogContract } from '../../shared/contracts/inlineDialog.js';
import type { CallContext, ContractModule, HostOptions } from '../types.js';
import { unsupported } from './hooks.js';

/**
 * The `inlineDialog` module: `AP.inlineDialog.hide()` closes the inline dialog the calling view is
 * shown in, through the product's `options.inlineDialog.hide(view)` (NOT_SUPPORTED without it).
 *
 * @example
 * ```ts
 * const host = createHost({ inlineDialog: { hide: (view) => view.iframe.closest('[popover]')?.hidePopover() } });
 * ```
 */
export function inlineDialogModule(options: HostOptions = {}): ContractModule<InlineDialogContract> {
  return {
    name: INLINE_DIALOG_MODULE,
    methods: {
      hide(ctx: CallContext) {
        const hooks = options.inlineDialog;
        if (!hooks?.hide) throw unsupported(INLINE_DIALOG_MODULE, 'hide');
        hooks.hide(ctx.view);
      },
    },
  };
}
