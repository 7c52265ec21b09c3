/** Contract of the `user` module (and of `AP.getLocation`, answered by the same host module). */

export const USER_MODULE = 'user';

export const UserMethod = {
  getCurrentUser: 'getCurrentUser',
  getUser: 'getUser',
  getTimeZone: 'getTimeZone',
  getLocale: 'getLocale',
  /** Backs the top-level `AP.getLocation(cb)`: the product page's current URL. */
  getLocation: 'getLocation',
} as const;

/** What `AP.user.getCurrentUser` gives: the logged-in user's account id, nothing more. */
export interface CurrentUser {
  atlassianAccountId: string;
}

/** The deprecated `AP.user.getUser` shape; ids are the account id, the name is not disclosed. */
export interface LegacyUser {
  id: string;
  key: string;
  fullName: string;
}
