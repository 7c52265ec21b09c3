import { COOKIE_MODULE, CookieKinds } from '../../shared/contracts/cookie.js';
import { facade, type PluginBridge } from '../bridge.js';

// Method syntax makes the parameter bivariant, so Connect code typed `(value: string) => void`
// (as @types/atlassian-connect-js has it) still compiles although the value may be undefined.
type ReadCallback = { bivarianceHack(value: string | undefined): void }['bivarianceHack'];

/** `AP.cookie`: values kept by the host for this app only. */
export interface CookieFacade {
  /** Saves `value` under `name` for `expiresDays` days (default 365). */
  save(name: string, value: string, expiresDays?: number): Promise<void>;
  /** Reads a value (`undefined` when absent or expired), by callback and Promise. */
  read(name: string, callback?: ReadCallback): Promise<string | undefined>;
  /** Deletes the app's cookie `name`. */
  erase(name: string): Promise<void>;
}

/**
 * Builds `AP.cookie`.
 *
 * @example
 * ```js
 * AP.cookie.save('theme', 'dark', 30);
 * AP.cookie.read('theme', (value) => applyTheme(value));
 * AP.cookie.erase('theme');
 * ```
 */
export function createCookie(bridge: PluginBridge): CookieFacade {
  return facade(bridge, COOKIE_MODULE, CookieKinds);
}
