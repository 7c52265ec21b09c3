/** Contract of the `host` module: focus and selection of the product page. */

import type { MethodKinds } from './types.js';

export const HOST_MODULE = 'host';

export interface HostContract {
  /** Gives keyboard focus back to the product page (so its shortcuts work). */
  focus(): void;
  /** Always `''`: Atlassian withdrew the selection from apps (2022) as a privacy risk. */
  getSelectedText(): string;
}

export const HostKinds: MethodKinds<HostContract> = { focus: 0, getSelectedText: 1 };
