import { USER_MODULE, UserMethod, type CurrentUser, type LegacyUser } from '../../shared/contracts/user.js';
import { withCallback, type PluginBridge } from '../bridge.js';

/** `AP.user`. */
export interface UserFacade {
  /** `{ atlassianAccountId }` of the logged-in user. */
  getCurrentUser(callback?: (user: CurrentUser) => void): Promise<CurrentUser>;
  /** @deprecated Connect's old form; use {@link UserFacade.getCurrentUser}. */
  getUser(callback?: (user: LegacyUser) => void): Promise<LegacyUser>;
  /** An IANA zone such as `Europe/Paris`. */
  getTimeZone(callback?: (timeZone: string) => void): Promise<string>;
  /** A locale such as `en-US`. */
  getLocale(callback?: (locale: string) => void): Promise<string>;
}

function method<T>(bridge: PluginBridge, name: string) {
  return (callback?: (value: T) => void): Promise<T> =>
    withCallback(bridge.call(USER_MODULE, name, []) as Promise<T>, callback);
}

/**
 * Builds `AP.user`.
 *
 * @example
 * ```js
 * AP.user.getCurrentUser((user) => console.log(user.atlassianAccountId));
 * const zone = await AP.user.getTimeZone();
 * ```
 */
export function createUser(bridge: PluginBridge): UserFacade {
  return {
    getCurrentUser: method<CurrentUser>(bridge, UserMethod.getCurrentUser),
    getUser: method<LegacyUser>(bridge, UserMethod.getUser),
    getTimeZone: method<string>(bridge, UserMethod.getTimeZone),
    getLocale: method<string>(bridge, UserMethod.getLocale),
  };
}

/**
 * Builds `AP.getLocation`: the URL of the product page this app is shown in.
 *
 * @example
 * ```js
 * AP.getLocation((location) => console.log(location));
 * ```
 */
export function createGetLocation(bridge: PluginBridge): (callback?: (location: string) => void) => Promise<string> {
  return method<string>(bridge, UserMethod.getLocation);
}
