import { CONTEXT_MODULE, ContextKinds } from '../../shared/contracts/context.js';
import { facade, type PluginBridge } from '../bridge.js';

/** `AP.context`. */
export interface ContextFacade {
  /** A short-lived context JWT signed by the product, for the app's own server to verify. */
  getToken(callback?: (token: string) => void): Promise<string>;
  /** The product context of this view, e.g. `{ jira: { issue: { key, id }, project: { key, id } } }`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Connect types the context as any; apps index into it freely
  getContext(callback?: (context: any) => void): Promise<any>;
}

/**
 * Builds `AP.context`.
 *
 * @example
 * ```js
 * const token = await AP.context.getToken();
 * await fetch('/my-api', { headers: { Authorization: `JWT ${token}` } });
 * AP.context.getContext((context) => console.log(context.jira.issue.key));
 * ```
 */
export function createContext(bridge: PluginBridge): ContextFacade {
  return facade(bridge, CONTEXT_MODULE, ContextKinds);
}
