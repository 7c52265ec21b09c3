import { HOST_MODULE, type HostContract } from '../../shared/contracts/host.js';
import type { CallContext, ContractModule } from '../types.js';

/**
 * The `host` module: `AP.host.focus()` gives keyboard focus back to the product page (so its
 * shortcuts work again); `getSelectedText()` answers `''`, as Atlassian's does since it withdrew the
 * product page's selection from apps.
 *
 * @example
 * ```ts
 * const host = createHostCore({ modules: [hostModule()] });
 * ```
 */
export function hostModule(): ContractModule<HostContract> {
  return {
    name: HOST_MODULE,
    methods: {
      focus(ctx: CallContext) {
        const doc = ctx.view.iframe.ownerDocument;
        if (doc.activeElement === ctx.view.iframe) ctx.view.iframe.blur();
        doc.defaultView?.focus();
      },
      getSelectedText: () => '',
    },
  };
}
