import type { ResizeContract } from '../../shared/contracts/resize.js';
import { MAX_SIZE_PX, RESIZE_MODULE } from '../../shared/contracts/resize.js';
import { BridgeError, ErrorCode } from '../../shared/errors.js';
import type { CallContext, ContractModule, Host, HostOptions, View } from '../types.js';
import { cssLength, optionalBoolean } from './uiArgs.js';
import { isFullPage } from '../pages.js';
import { viewKind } from '../../shared/viewOptions.js';

/**
 * The `resize` module: `AP.resize(width, height)` and the plugin's autoresize size the caller's own
 * iframe, validated (px or %) and clamped; `AP.sizeToParent()` makes a full-page module fill the
 * window below its top edge and keeps it so. Dialog iframes are sized by the dialog: their resizes
 * have no effect.
 *
 * @example
 * ```ts
 * const host = createHostCore({ modules: [resizeModule()] });
 * ```
 */
export function resizeModule(options: HostOptions = {}): ContractModule<ResizeContract> {
  const fitted = new Map<View, () => void>();

  function unfit(view: View): void {
    fitted.get(view)?.();
    fitted.delete(view);
  }

  return {
    name: RESIZE_MODULE,
    methods: {
      resize(ctx: CallContext, width?: unknown, height?: unknown): { width: string; height: string } | null {
        const nextWidth = width === undefined || width === null ? undefined : cssLength(width, 'width', MAX_SIZE_PX);
        const nextHeight = height === undefined || height === null ? undefined : cssLength(height, 'height', MAX_SIZE_PX);
        if (viewKind(ctx.view.options).isDialog || fitted.has(ctx.view)) return null;
        const style = ctx.view.iframe.style;
        if (nextWidth !== undefined) style.width = nextWidth;
        if (nextHeight !== undefined) style.height = nextHeight;
        return { width: style.width, height: style.height };
      },
      sizeToParent(ctx: CallContext, hideFooter?: unknown): void {
        const hide = optionalBoolean(hideFooter, 'hideFooter', false);
        if (viewKind(ctx.view.options).isDialog || !isFullPage(ctx.view)) {
          throw new BridgeError(ErrorCode.NOT_SUPPORTED, 'sizeToParent is only available to full-page modules');
        }
        const iframe = ctx.view.iframe;
        const win = iframe.ownerDocument.defaultView ?? options.window ?? window;
        const fit = (): void => {
          const top = iframe.getBoundingClientRect().top + win.scrollY;
          iframe.style.width = '100%';
          iframe.style.height = `${Math.max(0, Math.floor(win.innerHeight - top))}px`;
        };
        if (hide) iframe.setAttribute('data-apb-hide-footer', '');
        unfit(ctx.view);
        fit();
        win.addEventListener('resize', fit);
        fitted.set(ctx.view, () => win.removeEventListener('resize', fit));
      },
    },
    attach(host: Host) {
      const stop = host.onViewState((view, state) => {
        if (state === 'destroyed') unfit(view);
      });
      return () => {
        stop();
        for (const view of [...fitted.keys()]) unfit(view);
      };
    },
  };
}
