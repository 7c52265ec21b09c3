/**
 * Contract of the `customContent` module (`AP.customContent.getEditComponent()`): a Confluence custom
 * content editor intercepts the product's submit, success, error and cancel steps and answers them.
 */

import type { MethodKinds } from './types.js';

export const CUSTOM_CONTENT_MODULE = 'customContent';

/** The editor's steps an app may intercept; the product emits each as an event of that name. */
export type InterceptableEvent =
  | 'confluence.customcontent.submit'
  | 'confluence.customcontent.submitSuccess'
  | 'confluence.customcontent.submitError'
  | 'confluence.customcontent.cancel';

/** Every {@link InterceptableEvent}, for checking a name. */
export const CustomContentEvents: readonly InterceptableEvent[] = [
  'confluence.customcontent.submit',
  'confluence.customcontent.submitSuccess',
  'confluence.customcontent.submitError',
  'confluence.customcontent.cancel',
];

/** The edit component on the wire; each answers one intercepted step. */
export interface CustomContentContract {
  /** The app answers `event` itself: the product waits for its callback instead of its default. */
  intercept(event: InterceptableEvent): void;
  /** The content body (storage format), a whole content object, or `false` to cancel the submit. */
  submitCallback(content: string | Record<string, unknown> | false, error?: string): void;
  /** After a save: go to the saved content, or stay and show `error`. */
  submitSuccessCallback(doRedirect: boolean, error?: string): void;
  /** After a failed save: leave out the product's message, and show `customError` instead. */
  submitErrorCallback(preventDefaultErrorMessage: boolean, customError?: string): void;
  /** After "Close": leave the editor, or stay and show `error`. */
  cancelCallback(doRedirect: boolean, error?: string): void;
}

export const CustomContentKinds: MethodKinds<CustomContentContract> = {
  intercept: 0,
  submitCallback: 0,
  submitSuccessCallback: 0,
  submitErrorCallback: 0,
  cancelCallback: 0,
};
