import { USER_MODULE, UserKinds, UserMethod, type CurrentUser, type LegacyUser } from '../../shared/contracts/user.js';
import { facade, withCallback, type PluginBridge } from '../bridge.js';

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
  return facade(bridge, USER_MODULE, UserKinds);
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
  return (callback) => withCallback(bridge.call(USER_MODULE, UserMethod.getLocation, []), callback);
}
