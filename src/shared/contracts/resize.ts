/**
 * Contract of the `resize` module: an app sizes its own iframe. The host validates, clamps, and
 * applies sizes to the calling view only; dialog iframes are sized by the host and ignore it.
 */

export const RESIZE_MODULE = 'resize';

export const ResizeMethod = {
  /** `(width?, height?)`: numbers are pixels; strings `"300px"` or `"50%"`; null leaves a side alone. */
  resize: 'resize',
  /** `(hideFooter?)`: full-page modules only; NOT_SUPPORTED elsewhere. */
  sizeToParent: 'sizeToParent',
} as const;

/** Largest pixel size the host applies; larger values are clamped. */
export const MAX_SIZE_PX = 100_000;
