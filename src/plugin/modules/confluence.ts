import {
  CONFLUENCE_MODULE,
  ConfluenceKinds,
  MACRO_PANEL_EVENT,
  type ConfluenceContract,
  type ContentProperty,
} from '../../shared/contracts/confluence.js';
import { facade, subscriber, type Callback, type Facade, type PluginBridge } from '../bridge.js';

/** `AP.confluence`: Confluence's macro and content-property API, answered by the product. */
export interface ConfluenceFacade
  extends Omit<Facade<ConfluenceContract>, 'getMacroData' | 'getContentProperty' | 'syncPropertyFromServer'> {
  /**
   * The parameters of this macro instance (only its own iframe or editor gets them). The type
   * argument is the app's own description of its parameters, as in Connect's types.
   */
  getMacroData<T extends object = Record<string, unknown>>(callback?: Callback<T>): Promise<Record<string, unknown>>;
  /** A content property of the page; the callback form is typed as Connect's (the Promise may be undefined). */
  getContentProperty(key: string, callback?: Callback<ContentProperty>): Promise<ContentProperty | undefined>;
  syncPropertyFromServer(key: string, callback?: Callback<ContentProperty>): Promise<ContentProperty | undefined>;
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
  const subscribe = subscriber(bridge, (name) => {
    if (name.startsWith(MACRO_PANEL_EVENT)) handlers.get(name.slice(MACRO_PANEL_EVENT.length))?.();
  });
  const generated = facade(bridge, CONFLUENCE_MODULE, ConfluenceKinds);
  return {
    ...generated,
    // The type argument is the app's claim about its own macro's parameters; the data is the host's.
    getMacroData: (callback) => generated.getMacroData(callback as Callback<Record<string, unknown>> | undefined),
    onMacroPropertyPanelEvent(bindings) {
      for (const name of Object.keys(bindings)) {
        const handler = bindings[name];
        if (typeof handler === 'function') handlers.set(name, handler);
      }
      subscribe();
    },
  };
}
