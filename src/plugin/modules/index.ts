import type { PluginBridge } from '../bridge.js';
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
  return {
    request: createRequest(bridge),
    cookie: createCookie(bridge),
    context: createContext(bridge),
    user: createUser(bridge),
    /** Connect's top-level `AP.getLocation(callback)`: the URL of the host page. */
    getLocation: createGetLocation(bridge),
    events: createEvents(bridge),
    dialog: createDialog(bridge),
    messages: createMessages(bridge),
    flag: createFlag(bridge),
    /** `AP.resize(width, height)`: sizes this iframe (px or %); autoresize does it by default. */
    resize: resize.resize,
    /** `AP.sizeToParent()`: a full-page module fills the window below its top edge. */
    sizeToParent: resize.sizeToParent,
    navigator: createNavigator(bridge),
    env: createEnv(bridge, resize),
  };
}

/** Every facade built into the plugin, as `AP` exposes it. */
export type Facades = ReturnType<typeof createFacades>;
