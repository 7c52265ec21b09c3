import { COOKIE_MODULE, CookieMethod } from '../../shared/contracts/cookie.js';
import { withCallback, type PluginBridge } from '../bridge.js';

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

// Connect's save and erase returned nothing, so apps never handle their failures: mark the Promise
// handled (awaiting it still rejects) instead of reporting an unhandled rejection.
function quiet<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
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
  return {
    save(name, value, expiresDays) {
      const args: unknown[] = expiresDays === undefined ? [name, value] : [name, value, expiresDays];
      return quiet(bridge.call(COOKIE_MODULE, CookieMethod.save, args).then(() => undefined));
    },
    read(name, callback) {
      const read = bridge.call(COOKIE_MODULE, CookieMethod.read, [name]) as Promise<string | undefined>;
      return withCallback(read, callback);
    },
    erase(name) {
      return quiet(bridge.call(COOKIE_MODULE, CookieMethod.erase, [name]).then(() => undefined));
    },
  };
}
