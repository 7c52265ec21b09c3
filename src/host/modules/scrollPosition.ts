import {
  NEAR_EDGE_PX,
  SCROLL_POSITION_MODULE,
  ScrollEvent,
  type ScrollPosition,
  type ScrollPositionContract,
} from '../../shared/contracts/scrollPosition.js';
import { isFullPage } from '../pages.js';
import type { CallContext, ContractModule, Host, HostOptions } from '../types.js';
import { fullPageOnly } from './hooks.js';
import { invalid } from './uiArgs.js';

function position(win: Window): ScrollPosition {
  return { scrollX: win.scrollX, scrollY: win.scrollY, width: win.innerWidth, height: win.innerHeight };
}

/**
 * The `scrollPosition` module for full-page modules: `getPosition()` reads the product window's
 * scroll and viewport, `setVerticalPosition(y)` scrolls it so that `y` px of the iframe lie above
 * the viewport. While attached it also sends `scroll.nearTop` / `scroll.nearBottom` to full pages
 * when the product page's scroll comes within 50 px of an edge (once per approach).
 *
 * @example
 * ```ts
 * const host = createHostCore({ modules: [scrollPositionModule()] });
 * ```
 */
export function scrollPositionModule(options: HostOptions = {}): ContractModule<ScrollPositionContract> {
  const windowOf = (ctx: CallContext): Window => ctx.view.iframe.ownerDocument.defaultView ?? options.window ?? window;
  return {
    name: SCROLL_POSITION_MODULE,
    methods: {
      getPosition(ctx: CallContext) {
        fullPageOnly(ctx, 'scrollPosition');
        return position(windowOf(ctx));
      },
      setVerticalPosition(ctx: CallContext, y: unknown) {
        if (typeof y !== 'number' || !Number.isFinite(y)) throw invalid('y must be a finite number');
        fullPageOnly(ctx, 'scrollPosition');
        const win = windowOf(ctx);
        const top = ctx.view.iframe.getBoundingClientRect().top + win.scrollY;
        win.scrollTo({ top: Math.max(0, top + y), left: win.scrollX });
        return position(win);
      },
    },
    attach(host: Host) {
      const win = options.window ?? window;
      let edge: 'top' | 'bottom' | null = null;
      let frame = 0;
      const check = (): void => {
        frame = 0;
        const doc = win.document.documentElement;
        const next =
          win.scrollY <= NEAR_EDGE_PX ? 'top' : win.scrollY + win.innerHeight >= doc.scrollHeight - NEAR_EDGE_PX ? 'bottom' : null;
        if (next === edge) return;
        edge = next;
        if (next) host.emit(next === 'top' ? ScrollEvent.nearTop : ScrollEvent.nearBottom, isFullPage, position(win));
      };
      // One check per frame however fast the page scrolls.
      const onScroll = (): void => {
        if (!frame) frame = win.requestAnimationFrame(check);
      };
      win.addEventListener('scroll', onScroll, { passive: true });
      return () => {
        win.removeEventListener('scroll', onScroll);
        if (frame) win.cancelAnimationFrame(frame);
      };
    },
  };
}
