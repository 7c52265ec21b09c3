import { ENV_MODULE, EnvMethod } from '../../shared/contracts/env.js';
import { quiet, withCallback, type PluginBridge } from '../bridge.js';
import type { ResizeFacades } from './resize.js';

/** `AP.env`: Connect's grouping of resize, sizeToParent, getLocation and hideFooter. */
export interface EnvFacade extends ResizeFacades {
  /** The product page's URL. */
  getLocation(callback?: (location: string) => void): Promise<string>;
  /** Asks the product to hide its footer around this full-page module. */
  hideFooter(hidden?: boolean): Promise<void>;
}

/**
 * Builds `AP.env` over the same resize facade as `AP.resize`.
 *
 * @example
 * ```js
 * AP.env.resize('100%', 300);
 * AP.env.getLocation((url) => console.log(url));
 * ```
 */
export function createEnv(bridge: PluginBridge, resize: ResizeFacades): EnvFacade {
  return {
    resize: resize.resize,
    sizeToParent: resize.sizeToParent,
    getLocation: (callback) => withCallback(bridge.call(ENV_MODULE, EnvMethod.getLocation, []), callback),
    hideFooter: (hidden) => quiet('env.hideFooter', bridge.call(ENV_MODULE, EnvMethod.hideFooter, [hidden !== false])),
  };
}
