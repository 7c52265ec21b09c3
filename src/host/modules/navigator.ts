import type { NavigatorContract } from '../../shared/contracts/navigator.js';
import { MAX_CONTEXT_CHARS, NAVIGATOR_MODULE, NAVIGATOR_TARGETS, type NavigatorLocation } from '../../shared/contracts/navigator.js';
import { isFullPage } from '../pages.js';
import { BridgeError, ErrorCode } from '../../shared/errors.js';
import type { CallContext, ContractModule, HostOptions } from '../types.js';
import { invalid, isRecord } from './uiArgs.js';

const TARGET = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

function context(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) throw invalid('context must be an object');
  let json: string;
  try {
    json = JSON.stringify(value);
  } catch {
    throw invalid('context must be JSON-serialisable');
  }
  if (json.length > MAX_CONTEXT_CHARS) {
    throw new BridgeError(ErrorCode.PAYLOAD_TOO_LARGE, `context is over ${MAX_CONTEXT_CHARS} characters`);
  }
  // A fresh plain copy: the product's callback never sees the app's object graph (or its prototype).
  return JSON.parse(json) as Record<string, unknown>;
}

/**
 * Connect's targets in Connect's spelling, whatever the case the app wrote (`addonmodule` appears in
 * Atlassian's own examples); other names pass through for products with targets of their own.
 */
function canonical(target: string): string {
  return NAVIGATOR_TARGETS.find((known) => known.toLowerCase() === target.toLowerCase()) ?? target;
}

function unsupported(what: string): BridgeError {
  return new BridgeError(ErrorCode.NOT_SUPPORTED, `This product does not support navigator.${what}`);
}

/**
 * The `navigator` module: `AP.navigator.getLocation/go/reload`, answered by the product through
 * `options.navigator` (the product knows its own pages). `go` and `reload` without a callback reject
 * with NOT_SUPPORTED; `getLocation` without one answers Connect's `{ target: 'addonModule', context:
 * { addonKey, moduleKey } }` on full pages and `{ href }` (the page URL) elsewhere.
 *
 * @example
 * ```ts
 * const host = createHost({
 *   navigator: {
 *     getLocation: (view) => ({ target: 'issue', context: { issueKey: 'DEMO-1' } }),
 *     go: (target, context) => { if (target === 'issue') location.assign(`/browse/${context.issueKey}`); },
 *     reload: () => location.reload(),
 *   },
 * });
 * ```
 */
export function navigatorModule(options: HostOptions = {}): ContractModule<NavigatorContract> {
  const callbacks = options.navigator ?? {};
  return {
    name: NAVIGATOR_MODULE,
    methods: {
      async getLocation(ctx: CallContext): Promise<NavigatorLocation> {
        if (callbacks.getLocation) return await callbacks.getLocation(ctx.view);
        // A general page is an app module: Connect's own answer there.
        if (isFullPage(ctx.view)) {
          return { target: 'addonModule', context: { addonKey: ctx.app.key, moduleKey: ctx.moduleKey } };
        }
        const win = ctx.view.iframe.ownerDocument.defaultView ?? options.window ?? window;
        return { href: win.location.href };
      },
      async go(ctx: CallContext, target: unknown, raw?: unknown): Promise<void> {
        if (typeof target !== 'string' || !TARGET.test(target)) throw invalid('target must be a navigator target name');
        const ctxData = context(raw);
        const name = canonical(target);
        // An app module of the caller unless the app names another app (Connect's default).
        if (name === 'addonModule' && typeof ctxData.addonKey !== 'string') ctxData.addonKey = ctx.app.key;
        if (!callbacks.go) throw unsupported('go');
        await callbacks.go(name, ctxData, ctx.view);
      },
      reload(ctx: CallContext): void {
        if (!callbacks.reload) throw unsupported('reload');
        callbacks.reload(ctx.view);
      },
    },
  };
}
