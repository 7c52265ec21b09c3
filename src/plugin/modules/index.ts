import type { PluginBridge } from '../bridge.js';

/**
 * The Connect-compatible facades built into the plugin, keyed by their `AP` name. Each module is one
 * file here, exporting `create<Module>(bridge)`; adding a module means adding its line below.
 */
export function createFacades(_bridge: PluginBridge): Record<string, unknown> {
  return {};
}
