import { RESIZE_MODULE, ResizeMethod } from '../../shared/contracts/resize.js';
import type { PluginBridge } from '../bridge.js';
import { viewKind } from '../../shared/viewOptions.js';
import { contentHeight, startAutoresize } from './autoresize.js';

/** A size as Connect apps pass it: pixels as a number or string (`"300"`, `"300px"`), or `"50%"`. */
export type Size = number | string;

export interface ResizeFacades {
  /**
   * Sizes this iframe; with no arguments, to its content's current height. No effect in dialogs.
   * @example
   * ```js
   * AP.resize('100%', '480px');
   * ```
   */
  resize(width?: Size, height?: Size): Promise<void>;
  /**
   * Makes a full-page module fill the window below its top edge (and stops autoresize). Rejects
   * with NOT_SUPPORTED for other modules.
   * @example
   * ```js
   * AP.sizeToParent();
   * ```
   */
  sizeToParent(hideFooter?: boolean): Promise<void>;
}

/**
 * Builds `AP.resize` and `AP.sizeToParent`, and starts autoresize when the connection starts
 * (unless `data-options="resize:false"`, or in a dialog, which the host sizes).
 */
export function createResize(bridge: PluginBridge): ResizeFacades {
  let stop: (() => void) | undefined;
  let fitted = false;

  const send = (width: Size | null, height: Size | null): Promise<void> =>
    bridge.call(RESIZE_MODULE, ResizeMethod.resize, [width, height]).then(() => undefined);

  bridge.onStart(() => {
    const options = bridge.options();
    const win = bridge.window;
    if (!win || viewKind(options).isDialog) return;
    if (options.sizeToParent === true) {
      void facades.sizeToParent(options.hideFooter === true).catch(() => {});
      return;
    }
    if (options.resize === false) return;
    bridge.ready().then(
      () => {
        if (!fitted) stop = startAutoresize(win, (height) => void send(null, height).catch(() => {}));
      },
      () => {},
    );
  });

  const facades: ResizeFacades = {
    resize(width, height) {
      const win = bridge.window;
      if (width === undefined && height === undefined) {
        return win ? send(null, contentHeight(win)) : Promise.resolve();
      }
      return send(width ?? null, height ?? null);
    },
    async sizeToParent(hideFooter) {
      await bridge.call(RESIZE_MODULE, ResizeMethod.sizeToParent, [hideFooter === true]);
      // The host keeps the iframe fitted from now on; autoresize would only fight it.
      fitted = true;
      stop?.();
      stop = undefined;
    },
  };
  return facades;
}
