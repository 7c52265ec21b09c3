import { CONFLUENCE_MODULE, type ConfluenceContract, type ContentProperty } from '../../shared/contracts/confluence.js';
import type { CallContext, ContractModule, HostOptions, View } from '../types.js';
import { jsonData, text, unsupported } from './hooks.js';
import { invalid } from './uiArgs.js';

const MAX_BODY = 1024 * 1024;
const MAX_DATA = 64 * 1024;
const MAX_KEY = 255;

/**
 * What a Confluence product supplies for `AP.confluence`; each missing hook makes its method
 * NOT_SUPPORTED. Every hook gets the calling view: macro hooks must answer only the iframe of that
 * macro instance or its editor (read it from `view.context`), and refuse others.
 */
export interface ConfluenceHooks {
  /** The parameters of the macro instance (or editor) the view shows. */
  getMacroData?(view: View): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** The body of the macro instance the view shows. */
  getMacroBody?(view: View): string | Promise<string>;
  /** Saves the macro being edited in the view's macro editor. */
  saveMacro?(params: Record<string, unknown>, body: string | undefined, view: View): void | Promise<void>;
  /** Closes the macro editor the view is shown in. */
  closeMacroEditor?(view: View): void;
  /** Closes the macro property panel the view is shown in. */
  closeMacroPropertyPanel?(view: View): void;
  /** A content property of the page the view is on, or undefined. */
  getContentProperty?(key: string, view: View): ContentProperty | undefined | Promise<ContentProperty | undefined>;
  /** Stores a content property of the page the view is on (version checked by the product). */
  setContentProperty?(
    property: ContentProperty,
    view: View,
  ): { property: ContentProperty } | { error: string } | Promise<{ property: ContentProperty } | { error: string }>;
  /** The content property as the server has it now. */
  syncPropertyFromServer?(key: string, view: View): ContentProperty | undefined | Promise<ContentProperty | undefined>;
}

function hook<K extends keyof ConfluenceHooks>(options: HostOptions, name: K): NonNullable<ConfluenceHooks[K]> {
  const found = options.confluence?.[name];
  if (!found) throw unsupported(CONFLUENCE_MODULE, name);
  return found;
}

function property(raw: unknown): ContentProperty {
  const data = jsonData(raw, 'property', MAX_DATA, false);
  if (typeof data.key !== 'string' || data.key.length === 0 || data.key.length > MAX_KEY) {
    throw invalid('property.key must be a string of 1 to 255 characters');
  }
  return { ...data, key: data.key, value: data.value };
}

/**
 * The `confluence` module (`AP.confluence.*`): arguments are checked here, behaviour comes from the
 * product's `options.confluence` hooks; without a hook its method answers NOT_SUPPORTED.
 *
 * @example
 * ```ts
 * const host = createHost({
 *   confluence: {
 *     getMacroData: (view) => macroParams.get(view.context.macroId),
 *     saveMacro: (params, body, view) => saveMacro(view.context.macroId, params, body),
 *   },
 * });
 * ```
 */
export function confluenceModule(options: HostOptions = {}): ContractModule<ConfluenceContract> {
  const c = (): ConfluenceHooks | undefined => options.confluence;
  return {
    name: CONFLUENCE_MODULE,
    methods: {
      async getMacroData(ctx: CallContext) {
        return (await hook(options, 'getMacroData').call(c(), ctx.view)) ?? {};
      },
      async getMacroBody(ctx: CallContext) {
        return (await hook(options, 'getMacroBody').call(c(), ctx.view)) ?? '';
      },
      async saveMacro(ctx: CallContext, params: unknown, body?: unknown) {
        const data = jsonData(params, 'params', MAX_DATA);
        const text_ = body === undefined || body === null ? undefined : text(body, 'body', MAX_BODY);
        await hook(options, 'saveMacro').call(c(), data, text_, ctx.view);
      },
      closeMacroEditor(ctx: CallContext) {
        hook(options, 'closeMacroEditor').call(c(), ctx.view);
      },
      closeMacroPropertyPanel(ctx: CallContext) {
        hook(options, 'closeMacroPropertyPanel').call(c(), ctx.view);
      },
      async getContentProperty(ctx: CallContext, key: unknown) {
        return hook(options, 'getContentProperty').call(c(), text(key, 'key', MAX_KEY), ctx.view);
      },
      async setContentProperty(ctx: CallContext, raw: unknown) {
        return hook(options, 'setContentProperty').call(c(), property(raw), ctx.view);
      },
      async syncPropertyFromServer(ctx: CallContext, key: unknown) {
        return hook(options, 'syncPropertyFromServer').call(c(), text(key, 'key', MAX_KEY), ctx.view);
      },
    },
  };
}
