/** Contract of the `scrollPosition` module: a full-page app reads and sets the host page's scroll. */

import type { MethodKinds } from './types.js';

export const SCROLL_POSITION_MODULE = 'scrollPosition';

/** The host window's scroll offsets and viewport size, in CSS pixels. */
export interface ScrollPosition {
  scrollX: number;
  scrollY: number;
  width: number;
  height: number;
}

export interface ScrollPositionContract {
  getPosition(): ScrollPosition;
  /** Scrolls the host so that `y` pixels of the iframe are above the viewport's top; answers the new position. */
  setVerticalPosition(y: number): ScrollPosition;
}

export const ScrollPositionKinds: MethodKinds<ScrollPositionContract> = { getPosition: 1, setVerticalPosition: 1 };

/** Sent to full pages when the host page's scroll reaches near its top or bottom edge. */
export const ScrollEvent = {
  nearTop: 'scroll.nearTop',
  nearBottom: 'scroll.nearBottom',
} as const;

/** How close to an edge (px) counts as near it. */
export const NEAR_EDGE_PX = 50;
