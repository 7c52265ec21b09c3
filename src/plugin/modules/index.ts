import { facade, type PluginBridge } from '../bridge.js';
import { HOST_MODULE, HostKinds } from '../../shared/contracts/host.js';
import { CUSTOM_CONTENT_MODULE, CustomContentKinds } from '../../shared/contracts/customContent.js';
import { INLINE_DIALOG_MODULE, InlineDialogKinds } from '../../shared/contracts/inlineDialog.js';
import { PAGE_MODULE, PageKinds } from '../../shared/contracts/page.js';
import { SCROLL_POSITION_MODULE, ScrollPositionKinds } from '../../shared/contracts/scrollPosition.js';
import { createConfluence } from './confluence.js';
import { createHistory } from './history.js';
import { createJira } from './jira.js';
import { createTheming } from './theming.js';
import { applyDataOptions } from './dataOptions.js';
import { createContext } from './context.js';
import { createCookie } from './cookie.js';
import { createEvents } from './events.js';
import { createRequest } from './request.js';
import { createGetLocation, createUser } from './user.js';
import { createDialog } from './dialog.js';
import { createEnv } from './env.js';
import { createFlag } from './flag.js';
import { createMessages } from './messages.js';
import { createNavigator } from './navigator.js';
import { createResize } from './resize.js';

/**
 * The Connect-compatible facades built into the plugin, keyed by their `AP` name. Each module is one
 * file here, exporting `create<Module>(bridge)`; adding a module means adding its line below.
 */
// The return type is inferred on purpose: it is what types `AP` (see Facades).
export function createFacades(bridge: PluginBridge) {
  const resize = createResize(bridge);
  const editComponent = facade(bridge, CUSTOM_CONTENT_MODULE, CustomContentKinds);
  const env = createEnv(bridge, resize);
  const events = createEvents(bridge);
  applyDataOptions(bridge);
  return {
    request: createRequest(bridge),
    cookie: createCookie(bridge),
    context: createContext(bridge),
    user: createUser(bridge),
    /** Connect's top-level `AP.getLocation(callback)`: the URL of the host page. */
    getLocation: createGetLocation(bridge),
    events,
    dialog: createDialog(bridge),
    messages: createMessages(bridge),
    flag: createFlag(bridge),
    /** `AP.resize(width, height)`: sizes this iframe (px or %); autoresize does it by default. */
    resize: resize.resize,
    /** `AP.sizeToParent()`: a full-page module fills the window below its top edge. */
    sizeToParent: resize.sizeToParent,
    navigator: createNavigator(bridge),
    env,
    /** Connect's top-level `AP.hideFooter(hidden)`: the same as `AP.env.hideFooter`. */
    hideFooter: env.hideFooter,
    history: createHistory(bridge),
    jira: createJira(bridge, events),
    confluence: createConfluence(bridge),
    theming: createTheming(bridge),
    // Modules without client-side logic: built from their contract's method table.
    /** `AP.inlineDialog.hide()`: closes the inline dialog this page is shown in. */
    inlineDialog: facade(bridge, INLINE_DIALOG_MODULE, InlineDialogKinds),
    /** `AP.scrollPosition.getPosition(cb)` / `setVerticalPosition(y, cb)`, full pages only. */
    scrollPosition: facade(bridge, SCROLL_POSITION_MODULE, ScrollPositionKinds),
    /** `AP.page.setTitle(title)`, full pages only. */
    page: facade(bridge, PAGE_MODULE, PageKinds),
    /** `AP.host.focus()` and `AP.host.getSelectedText(cb)` (always `''`). */
    host: facade(bridge, HOST_MODULE, HostKinds),
    /** Confluence custom content editors: `AP.customContent.getEditComponent()`. */
    customContent: {
      /** The edit component: `intercept(event)` a step of the product's editor, then answer it. */
      getEditComponent: () => editComponent,
    },
  };
}

/** Every facade built into the plugin, as `AP` exposes it. */
export type Facades = ReturnType<typeof createFacades>;
