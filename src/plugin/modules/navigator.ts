import { NAVIGATOR_MODULE, NavigatorKinds, type NavigatorLocation, type NavigatorTarget } from '../../shared/contracts/navigator.js';
import { facade, type PluginBridge } from '../bridge.js';

/** `AP.navigator`: asks the product to show its pages. */
export interface NavigatorFacade {
  /** Where the user is, as the product describes it (`{ target, context }`). */
  getLocation(callback?: (location: NavigatorLocation) => void): Promise<NavigatorLocation>;
  /**
   * @example
   * ```js
   * AP.navigator.go('issue', { issueKey: 'DEMO-1' });
   * ```
   */
  go(target: NavigatorTarget | (string & {}), context?: Record<string, unknown>): Promise<void>;
  /** Asks the product to reload the page this app is shown in. */
  reload(): Promise<void>;
}

/** Builds `AP.navigator`. */
export function createNavigator(bridge: PluginBridge): NavigatorFacade {
  return facade(bridge, NAVIGATOR_MODULE, NavigatorKinds);
}
