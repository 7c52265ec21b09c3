/**
 * Contract of the `messages` module (Connect's older notification API): the app picks a handle id,
 * the host shows the message and later emits `messages.close` with that id to the same iframe.
 */

import type { MethodNames } from './types.js';

export const MESSAGES_MODULE = 'messages';

export const MessagesMethod = {
  /** `(id, type, title, body, options?)`. */
  show: 'show',
  /** `(id)`. */
  clear: 'clear',
} as const satisfies MethodNames<MessagesContract>;

/** The messages module on the wire; `id` is the handle the plugin chose. */
export interface MessagesContract {
  show(id: string, type: MessageType, title: string, body: string, options?: MessageOptions): void;
  /** False when the message was already closed. */
  clear(id: string): boolean;
}

export const MessagesEvent = {
  /** To the creating iframe only: `(id)`. */
  close: 'messages.close',
} as const;

export const MESSAGE_TYPES = ['info', 'success', 'warning', 'error', 'generic', 'hint'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export interface MessageOptions {
  /** Show a close button. Default true. */
  closeable?: boolean;
  /** Close by itself after `delay`. Default false. */
  fadeout?: boolean;
  /** Milliseconds before a fading message closes. Default 5000; clamped to 1000..60000. */
  delay?: number;
}

/** What `AP.messages.<type>(...)` returns and `clear`/`onClose` take. */
export interface MessageHandle {
  readonly _id: string;
}

/** Open messages per app; a newer one closes the app's oldest. */
export const MAX_MESSAGES_PER_APP = 5;
export const DEFAULT_MESSAGE_DELAY = 5000;
