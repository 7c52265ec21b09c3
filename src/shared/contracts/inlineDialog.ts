/** Contract of the `inlineDialog` module (`AP.require('inline-dialog')` too): an app closes its own inline dialog. */

import type { MethodKinds } from './types.js';

export const INLINE_DIALOG_MODULE = 'inlineDialog';

export interface InlineDialogContract {
  hide(): void;
}

export const InlineDialogKinds: MethodKinds<InlineDialogContract> = { hide: 0 };
