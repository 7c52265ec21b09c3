/** Contract of the `env` module: facts about where the app is shown. */

import type { MethodNames } from './types.js';

export const ENV_MODULE = 'env';

export const EnvMethod = {
  /** The product page's URL (Connect's `AP.getLocation`). */
  getLocation: 'getLocation',
  /** `(hidden)`: asks the product to hide its footer around a full-page module. */
  hideFooter: 'hideFooter',
} as const satisfies MethodNames<EnvContract>;

/** The env module on the wire. */
export interface EnvContract {
  getLocation(): string;
  hideFooter(hidden: boolean): void;
}
