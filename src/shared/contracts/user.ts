/** Contract of the `user` module (and of `AP.getLocation`, answered by the same host module). */

import type { MethodKinds, MethodNames } from './types.js';

export const USER_MODULE = 'user';

export const UserMethod = {
  getCurrentUser: 'getCurrentUser',
  getUser: 'getUser',
  getTimeZone: 'getTimeZone',
  getLocale: 'getLocale',
  /** Backs the top-level `AP.getLocation(cb)`: the product page's current URL. */
  getLocation: 'getLocation',
} as const satisfies MethodNames<UserContract>;

/** Every user method answers. */
export const UserKinds: MethodKinds<UserContract> = {
  getCurrentUser: 1,
  getUser: 1,
  getTimeZone: 1,
  getLocale: 1,
  getLocation: 1,
};

/** The user module on the wire. */
export interface UserContract {
  getCurrentUser(): CurrentUser;
  getUser(): LegacyUser;
  getTimeZone(): string;
  getLocale(): string;
  /** The product page's URL (`AP.getLocation`). */
  getLocation(): string;
}

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
