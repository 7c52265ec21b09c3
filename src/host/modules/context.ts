import type { ContextContract } from '../../shared/contracts/context.js';
import { CONTEXT_MODULE, type ProductContext } from '../../shared/contracts/context.js';
import { BridgeError, ErrorCode } from '../../shared/errors.js';
import type { CallContext, ContractModule, HostOptions, View } from '../types.js';

/** A cached token is replaced this long before it expires, so the app never holds a stale one. */
export const TOKEN_REFRESH_MARGIN = 60_000;

interface Cached {
  token: string;
  /** ms since the epoch; undefined when the token's lifetime is unknown (then it is not cached). */
  expiresAt: number | undefined;
}

/** The `exp` claim of a JWT in ms, or undefined. The host does not verify its own server's token. */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

function normalise(value: unknown): Cached {
  if (typeof value === 'string' && value.length > 0) return { token: value, expiresAt: jwtExpiry(value) };
  if (typeof value === 'object' && value !== null) {
    const { token, expiresAt } = value as { token?: unknown; expiresAt?: unknown };
    if (typeof token === 'string' && token.length > 0) {
      return { token, expiresAt: typeof expiresAt === 'number' ? expiresAt : jwtExpiry(token) };
    }
  }
  throw new BridgeError(ErrorCode.HANDLER_FAILED, 'The host could not issue a context token');
}

/**
 * The `context` module: `AP.context.getToken()` from the host's `getContextToken` provider (cached
 * per view, asked again `TOKEN_REFRESH_MARGIN` (60 s) before expiry; concurrent calls share one
 * request), and `AP.context.getContext()` returning the context the view was created with. Tokens
 * only ever travel on the view's own channel.
 *
 * @example
 * ```ts
 * const host = createHostCore({
 *   modules: [contextModule({ getContextToken: (app, view) => fetch(`/token?app=${app.key}`).then((r) => r.text()) })],
 * });
 * ```
 */
export function contextModule(options: HostOptions = {}): ContractModule<ContextContract> {
  const cache = new WeakMap<View, Cached>();
  const inFlight = new WeakMap<View, Promise<Cached>>();

  async function issue(ctx: CallContext): Promise<Cached> {
    const provider = options.getContextToken;
    if (!provider) throw new BridgeError(ErrorCode.NOT_SUPPORTED, 'This host issues no context tokens');
    const fresh = normalise(await provider(ctx.app, ctx.view));
    if (fresh.expiresAt !== undefined) cache.set(ctx.view, fresh);
    return fresh;
  }

  return {
    name: CONTEXT_MODULE,
    methods: {
      async getToken(ctx: CallContext): Promise<string> {
        const cached = cache.get(ctx.view);
        if (cached?.expiresAt !== undefined && cached.expiresAt - TOKEN_REFRESH_MARGIN > Date.now()) return cached.token;
        let pending = inFlight.get(ctx.view);
        if (!pending) {
          const issued = issue(ctx).finally(() => forget());
          // A provider that never answers must not hold every later call: once the call that asked
          // is cancelled (by the app or its timeout), the next call asks afresh.
          const forget = (): void => {
            if (inFlight.get(ctx.view) === issued) inFlight.delete(ctx.view);
          };
          ctx.signal.addEventListener('abort', forget, { once: true });
          inFlight.set(ctx.view, issued);
          pending = issued;
        }
        return (await pending).token;
      },
      getContext(ctx: CallContext): ProductContext {
        // A deep copy through structured clone: the app gets data, never the host's objects.
        return structuredClone({ ...ctx.view.context });
      },
    },
  };
}
