/**
 * Contract of the `flag` module: the app picks a flag id, the host shows the flag and sends
 * `flag.close` and `flag.action` to the creating iframe only.
 */

import type { MethodNames } from './types.js';

export const FLAG_MODULE = 'flag';

export const FlagMethod = {
  /** `(id, options)`. */
  create: 'create',
  /** `(id)`. */
  close: 'close',
} as const satisfies MethodNames<FlagContract>;

/** The flag module on the wire; `id` is the handle the plugin chose. */
export interface FlagContract {
  create(id: string, options: FlagOptions): void;
  /** False when the flag was already closed. */
  close(id: string): boolean;
}

export const FlagEvent = {
  /** `({ flagIdentifier })`. */
  close: 'flag.close',
  /** `({ flagIdentifier, actionIdentifier })`. */
  action: 'flag.action',
} as const;

export const FLAG_TYPES = ['info', 'success', 'warning', 'error'] as const;
export type FlagType = (typeof FLAG_TYPES)[number];

/** What `AP.flag.create` accepts (Connect's flag options). */
export interface FlagOptions {
  title?: string;
  body?: string;
  type?: FlagType;
  /** 'auto' closes after `AUTO_CLOSE_MS` (8 s). Default 'manual'. */
  close?: 'manual' | 'auto';
  /** `{ actionIdentifier: 'Link text' }`. */
  actions?: Record<string, string>;
}

export interface FlagEventData {
  flagIdentifier: string;
  actionIdentifier?: string;
}

export const MAX_FLAGS_PER_APP = 5;
export const MAX_FLAG_ACTIONS = 4;
export const AUTO_CLOSE_MS = 8000;
