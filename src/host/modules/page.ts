import { MAX_TITLE_CHARS, PAGE_MODULE, type PageContract } from '../../shared/contracts/page.js';
import type { CallContext, ContractModule, HostOptions } from '../types.js';
import { fullPageOnly, text, unsupported } from './hooks.js';

/**
 * The `page` module: `AP.page.setTitle(title)` from a full-page module, through the product's
 * `options.page.setTitle(title, view)` (which adds its own suffix, as Connect's " - Jira").
 *
 * @example
 * ```ts
 * const host = createHost({ page: { setTitle: (title) => { document.title = `${title} - Acme` } } });
 * ```
 */
export function pageModule(options: HostOptions = {}): ContractModule<PageContract> {
  return {
    name: PAGE_MODULE,
    methods: {
      setTitle(ctx: CallContext, title: unknown) {
        const value = text(title, 'title', MAX_TITLE_CHARS);
        fullPageOnly(ctx, 'page.setTitle');
        const hooks = options.page;
        if (!hooks?.setTitle) throw unsupported(PAGE_MODULE, 'setTitle');
        hooks.setTitle(value, ctx.view);
      },
    },
  };
}
