/**
 * Contract of the `dialog` module: an app opens one of its own dialog modules over the product page;
 * the dialog's iframe drives its buttons; the opener hears `dialog.close` with the close data.
 */

import type { MethodNames } from './types.js';

export const DIALOG_MODULE = 'dialog';

export const DialogMethod = {
  /** Opener: `(options, ref?)` -> `{ ref }`; `ref` is the opener's handle echoed in `dialog.close`. */
  create: 'create',
  /** Dialog iframe (its own dialog) or opener (its top dialog): `(data?)`. */
  close: 'close',
  getCustomData: 'getCustomData',
  /** `(identifier)` -> {@link ButtonState}; rejects INVALID_ARGUMENT for an unknown button. */
  getButton: 'getButton',
  /** `(identifier, change)` -> {@link ButtonState}. */
  updateButton: 'updateButton',
  /** `(identifier)`: acts as a click when the button is enabled. */
  triggerButton: 'triggerButton',
  /** `({ text, identifier })` -> {@link ButtonState}. */
  createButton: 'createButton',
  disableCloseOnSubmit: 'disableCloseOnSubmit',
  isCloseOnEscape: 'isCloseOnEscape',
  /** Sent by the plugin when Escape is pressed inside a dialog iframe. */
  escape: 'escape',
} as const satisfies MethodNames<DialogContract>;

/** The dialog module on the wire. `ref` names the opener's handle in the `dialog.close` event. */
export interface DialogContract {
  create(options: DialogOptions, ref?: string): { id: string };
  /** False when there was no dialog to close. */
  close(data?: unknown): boolean;
  getCustomData(): unknown;
  getButton(identifier: string): ButtonState;
  updateButton(identifier: string, change: ButtonChange): ButtonState;
  triggerButton(identifier: string): void;
  /** `spec` is checked by the host; an app may omit it (INVALID_ARGUMENT). */
  createButton(spec: DialogButtonSpec | undefined): ButtonState;
  disableCloseOnSubmit(): void;
  isCloseOnEscape(): boolean;
  /** The app saw an Escape it did not handle; true when that closed the dialog. */
  escape(): boolean;
}

/** Event names, as apps subscribe to them with `AP.events.on(...)`. */
export const DialogEvent = {
  /** To the opener only: `(data, ref)`. */
  close: 'dialog.close',
  /** To the dialog iframe: `({ button })`. */
  submit: 'dialog.submit',
  cancel: 'dialog.cancel',
  buttonClick: 'dialog.button.click',
} as const;

/** The preset sizes Connect defines. */
export const DIALOG_SIZES = ['small', 'medium', 'large', 'x-large', 'maximum', 'fullscreen'] as const;
export type DialogSize = (typeof DIALOG_SIZES)[number];

/** A custom chrome button. */
export interface DialogButtonSpec {
  text: string;
  identifier: string;
}

/** `AP.dialog.create` options, as Connect documents them. */
export interface DialogOptions {
  /** A dialog module key of the calling app. */
  key: string;
  size?: DialogSize | Uppercase<DialogSize>;
  /** Pixels (number or `"400px"`) or a percentage (`"50%"`); ignored when `size` is set. */
  width?: number | string;
  height?: number | string;
  /** Header, submit/cancel and custom buttons, hint. Default true. */
  chrome?: boolean;
  header?: string;
  submitText?: string;
  cancelText?: string;
  /** Any structured-cloneable value handed to the dialog (`AP.dialog.getCustomData`). */
  customData?: unknown;
  /** Default true. */
  closeOnEscape?: boolean;
  buttons?: DialogButtonSpec[];
  hint?: string;
}

/** A button as the dialog iframe sees it. */
export interface ButtonState {
  identifier: string;
  text: string;
  enabled: boolean;
  hidden: boolean;
}

export type ButtonChange = 'enable' | 'disable' | 'toggle' | 'hide' | 'show';
export const BUTTON_CHANGES: readonly ButtonChange[] = ['enable', 'disable', 'toggle', 'hide', 'show'];

/** The payload of `dialog.submit`, `dialog.cancel` and `dialog.button.click`. */
export interface ButtonEventData {
  button: { name: string; identifier: string; text: string };
}

/** Options the host puts in a dialog iframe's window.name and welcome. */
export interface DialogViewOptions {
  isDialog: true;
  dialogId: string;
  customData?: unknown;
  closeOnEscape: boolean;
}

/** Maximum dialogs open at once on one host (nested dialogs included). */
export const MAX_OPEN_DIALOGS = 5;
