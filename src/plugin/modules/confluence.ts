import { CONFLUENCE_MODULE, ConfluenceKinds, MACRO_PANEL_EVENT, type ConfluenceContract } from '../../shared/contracts/confluence.js';
import { facade, type Facade, type PluginBridge } from '../bridge.js';

/** `AP.confluence`: Confluence's macro and content-property API, answered by the product. */
export interface ConfluenceFacade extends Facade<ConfluenceContract> {
  /**
   * Handlers for the macro property panel's buttons and events, by name
   * (`macro.property.panel.event.<name>` from the host).
   * @example
   * ```js
   * AP.confluence.onMacroPropertyPanelEvent({ 'my-button': () => openSettings() });
   * ```
   */
  onMacroPropertyPanelEvent(handlers: Record<string, () => void>): void;
}

/**
 * Builds `AP.confluence` from its contract.
 *
 * @example
 * ```js
 * AP.confluence.getMacroData((params) => render(params));
 * AP.confluence.saveMacro({ color: 'blue' }, 'body text');
 * AP.confluence.closeMacroEditor();
 * ```
 */
export function createConfluence(bridge: PluginBridge): ConfluenceFacade {
  const handlers = new Map<string, () => void>();
  let subscribed = false;
  return {
    ...facade(bridge, CONFLUENCE_MODULE, ConfluenceKinds),
    onMacroPropertyPanelEvent(bindings) {
      for (const name of Object.keys(bindings)) {
        const handler = bindings[name];
        if (typeof handler === 'function') handlers.set(name, handler);
      }
      if (subscribed) return;
      subscribed = true;
      bridge.onEvent((name) => {
        if (name.startsWith(MACRO_PANEL_EVENT)) handlers.get(name.slice(MACRO_PANEL_EVENT.length))?.();
      });
    },
  };
}
