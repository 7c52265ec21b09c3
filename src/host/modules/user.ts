import type { UserContract } from '../../shared/contracts/user.js';
import { USER_MODULE, type CurrentUser, type LegacyUser } from '../../shared/contracts/user.js';
import { BridgeError, ErrorCode } from '../../shared/errors.js';
import type { ContractModule, HostOptions } from '../types.js';

function anonymous(): never {
  throw new BridgeError(ErrorCode.NOT_SUPPORTED, 'No user is logged in');
}

/**
 * The `user` module (`AP.user.getCurrentUser / getTimeZone / getLocale / getUser`) and
 * `AP.getLocation`. Time zone and locale fall back to the host browser's, as Connect falls back to
 * the server's for anonymous users.
 *
 * @example
 * ```ts
 * const host = createHostCore({ modules: [userModule({ user: { accountId: '5b10ac8d82e05b22cc7d4ef5', timeZone: 'Europe/Paris' } })] });
 * ```
 */
export function userModule(options: HostOptions = {}): ContractModule<UserContract> {
  const win = (): Window => options.window ?? window;
  return {
    name: USER_MODULE,
    methods: {
      getCurrentUser(): CurrentUser {
        return options.user ? { atlassianAccountId: options.user.accountId } : anonymous();
      },
      getUser(): LegacyUser {
        const user = options.user ?? anonymous();
        return { id: user.accountId, key: user.accountId, fullName: '' };
      },
      getTimeZone(): string {
        return options.user?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
      },
      getLocale(): string {
        return options.user?.locale ?? win().navigator.language;
      },
      getLocation(): string {
        return win().location.href;
      },
    },
  };
}
