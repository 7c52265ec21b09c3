/**
 * Contract of the `resize` module: an app sizes its own iframe. The host validates, clamps, and
 * applies sizes to the calling view only; dialog iframes are sized by the host and ignore it.
 */

import type { MethodNames } from './types.js';

export const RESIZE_MODULE = 'resize';

export const ResizeMethod = {
  /** `(width?, height?)`: numbers are pixels; strings `"300px"` or `"50%"`; null leaves a side alone. */
  resize: 'resize',
  /** `(hideFooter?)`: full-page modules only; NOT_SUPPORTED elsewhere. */
  sizeToParent: 'sizeToParent',
} as const satisfies MethodNames<ResizeContract>;

/** A size on the wire: pixels, a CSS length string, or null to leave that side alone. */
export type WireSize = number | string | null;

/** The resize module on the wire. */
export interface ResizeContract {
  /** Answers the size applied, or null when the view ignores resizes (dialogs, fitted pages). */
  resize(width: WireSize, height: WireSize): { width: string; height: string } | null;
  sizeToParent(hideFooter: boolean): void;
}

/** Largest pixel size the host applies; larger values are clamped. */
export const MAX_SIZE_PX = 100_000;
