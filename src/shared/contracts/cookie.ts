/** Contract of the `cookie` module: per-app values kept by the host, on the host's origin. */

import type { MethodKinds, MethodNames } from './types.js';

export const COOKIE_MODULE = 'cookie';

export const CookieMethod = {
  save: 'save',
  read: 'read',
  erase: 'erase',
} as const satisfies MethodNames<CookieContract>;

/** Which methods answer (1) and which Connect documents as returning nothing (0): the facade is built from it. */
export const CookieKinds: MethodKinds<CookieContract> = { save: 0, read: 1, erase: 0 };

/** The cookie module on the wire. */
export interface CookieContract {
  save(name: string, value: string, expiresDays?: number): void;
  /** `undefined` when absent or expired. */
  read(name: string): string | undefined;
  erase(name: string): void;
}

/** Connect's default lifetime for `AP.cookie.save(name, value)`. */
export const DEFAULT_COOKIE_DAYS = 365;

/** Longest cookie name accepted (characters). */
export const MAX_COOKIE_NAME = 1024;

/** Longest cookie value accepted (characters); larger values are PAYLOAD_TOO_LARGE. */
export const MAX_COOKIE_VALUE = 4096;
