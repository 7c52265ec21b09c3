import type { HostModule, HostOptions } from '../types.js';

/**
 * The Connect-compatible modules, configured from the host options. Each module is one file here
 * exporting `<name>Module(options)`; adding a module means adding its line below.
 */
export function connectModules(_options: HostOptions): HostModule[] {
  return [];
}
