/** Contract of the `page` module: a full-page app sets the product page's title. */

import type { MethodKinds } from './types.js';

export const PAGE_MODULE = 'page';

export interface PageContract {
  setTitle(title: string): void;
}

export const PageKinds: MethodKinds<PageContract> = { setTitle: 0 };

export const MAX_TITLE_CHARS = 255;
