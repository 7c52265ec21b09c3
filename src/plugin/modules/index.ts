import type { PluginBridge } from '../bridge.js';
import { createContext } from './context.js';
import { createCookie } from './cookie.js';
import { createEvents } from './events.js';
import { createRequest } from './request.js';
import { createGetLocation, createUser } from './user.js';

/**
 * The Connect-compatible facades built into the plugin, keyed by their `AP` name. Each module is one
 * file here, exporting `create<Module>(bridge)`; adding a module means adding its line below.
 */
// The return type is inferred on purpose: it is what types `AP` (see Facades).
export function createFacades(bridge: PluginBridge) {
  return {
    request: createRequest(bridge),
    cookie: createCookie(bridge),
    context: createContext(bridge),
    user: createUser(bridge),
    getLocation: createGetLocation(bridge),
    events: createEvents(bridge),
  };
}

/** Every facade built into the plugin, as `AP` exposes it. */
export type Facades = ReturnType<typeof createFacades>;
