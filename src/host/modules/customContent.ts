import {
  CUSTOM_CONTENT_MODULE,
  CustomContentEvents,
  type CustomContentContract,
  type InterceptableEvent,
} from '../../shared/contracts/customContent.js';
import type { CallContext, ContractModule, HostOptions, View } from '../types.js';
import { jsonData, text, unsupported } from './hooks.js';
import { invalid } from './uiArgs.js';

/** A content body in storage format, or a content object as JSON. */
const MAX_CONTENT = 2 * 1024 * 1024;
const MAX_ERROR = 512;

/**
 * What a Confluence product supplies for `AP.customContent`'s edit component: the editor's steps the
 * app intercepted, and its answers to them. Each missing hook makes its method NOT_SUPPORTED.
 */
export interface CustomContentHooks {
  /** The app handles `event` itself: the product waits for its answer instead of its default. */
  intercept?(event: InterceptableEvent, view: View): void;
  /** The body to save (storage format), a whole content object, or `false`: the submit is cancelled. */
  submit?(content: string | Record<string, unknown> | false, error: string | undefined, view: View): void;
  /** After a save: whether to go to the saved content, or stay and show `error`. */
  submitSuccess?(doRedirect: boolean, error: string | undefined, view: View): void;
  /** After a failed save: whether to leave out the product's message, and the app's own instead. */
  submitError?(preventDefaultErrorMessage: boolean, customError: string | undefined, view: View): void;
  /** After "Close": whether to leave the editor, or stay and show `error`. */
  cancel?(doRedirect: boolean, error: string | undefined, view: View): void;
}

type Hook = keyof CustomContentHooks;

function hook<K extends Hook>(options: HostOptions, name: K, method: string): NonNullable<CustomContentHooks[K]> {
  const found = options.customContent?.[name];
  if (!found) throw unsupported(CUSTOM_CONTENT_MODULE, method);
  return found;
}

function flag(value: unknown, name: string): boolean {
  if (typeof value !== 'boolean') throw invalid(`${name} must be true or false`);
  return value;
}

function message(value: unknown, name: string): string | undefined {
  return value === undefined || value === null ? undefined : text(value, name, MAX_ERROR);
}

/**
 * The `customContent` module (`AP.customContent.getEditComponent()`): arguments are checked here,
 * behaviour comes from the product's `options.customContent` hooks.
 *
 * @example
 * ```ts
 * const host = createHost({
 *   customContent: {
 *     intercept: (event, view) => editor.intercepted.add(event),
 *     submit: (content, error, view) => editor.save(content, error),
 *   },
 * });
 * ```
 */
export function customContentModule(options: HostOptions = {}): ContractModule<CustomContentContract> {
  return {
    name: CUSTOM_CONTENT_MODULE,
    methods: {
      intercept(ctx: CallContext, event: unknown) {
        const known = CustomContentEvents.find((name) => name === event);
        if (!known) throw invalid(`event must be one of ${CustomContentEvents.join(', ')}`);
        hook(options, 'intercept', 'intercept').call(options.customContent, known, ctx.view);
      },
      submitCallback(ctx: CallContext, content: unknown, error: unknown) {
        const body =
          content === false ? false : typeof content === 'string' ? text(content, 'content', MAX_CONTENT) : jsonData(content, 'content', MAX_CONTENT, false);
        hook(options, 'submit', 'submitCallback').call(options.customContent, body, message(error, 'error'), ctx.view);
      },
      submitSuccessCallback(ctx: CallContext, doRedirect: unknown, error: unknown) {
        const redirect = flag(doRedirect, 'doRedirect');
        hook(options, 'submitSuccess', 'submitSuccessCallback').call(options.customContent, redirect, message(error, 'error'), ctx.view);
      },
      submitErrorCallback(ctx: CallContext, prevent: unknown, customError: unknown) {
        const preventDefault = flag(prevent, 'preventDefaultErrorMessage');
        hook(options, 'submitError', 'submitErrorCallback').call(options.customContent, preventDefault, message(customError, 'customError'), ctx.view);
      },
      cancelCallback(ctx: CallContext, doRedirect: unknown, error: unknown) {
        const redirect = flag(doRedirect, 'doRedirect');
        hook(options, 'cancel', 'cancelCallback').call(options.customContent, redirect, message(error, 'error'), ctx.view);
      },
    },
  };
}
