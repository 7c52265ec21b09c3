/**
 * apbridge plugin for app code built with a bundler: `import { AP } from 'apbridge/plugin'`.
 * @packageDocumentation
 */
import { buildAP } from './ap.js';

export type { APCore } from './ap.js';
export type { PluginOptions } from './options.js';
export { BridgeError, ErrorCode, isBridgeError } from '../shared/errors.js';

/**
 * The app's handle on its host, the same object the `all.js` script assigns to `window.AP`. It
 * connects on first use.
 * @example
 * ```ts
 * import { AP } from 'apbridge/plugin';
 * AP.require('acme', (acme) => acme.ping().then(console.log));
 * ```
 */
export const AP = /* @__PURE__ */ buildAP().ap;
