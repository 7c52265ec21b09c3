import { createHostCore } from './createHost.js';
import { connectModules } from './modules/index.js';
import type { Host, HostOptions } from './types.js';

/**
 * Creates a product page's side of the bridge with every Connect-compatible module installed
 * (request, cookie, context, user, events, dialog, messages, flag, resize, navigator), followed by
 * any modules in `options.modules`.
 *
 * @example
 * ```ts
 * import { createHost } from 'apbridge/host';
 *
 * const host = createHost({ onCall: (info) => console.debug(info) });
 * host.registerApp({ key: 'my-app', baseUrl: 'https://app.example.com' });
 * host.defineModule('acme', { ping: (ctx, n: number) => `pong ${n} for ${ctx.app.key}` });
 * const view = host.create({ app: 'my-app', moduleKey: 'main', url: '/panel' }, document.body);
 * ```
 */
export function createHost(options: HostOptions = {}): Host {
  return createHostCore({ ...options, modules: [...connectModules(options), ...(options.modules ?? [])] });
}
