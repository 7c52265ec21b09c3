import type { HostModule, HostOptions } from '../types.js';
import { contextModule } from './context.js';
import { cookieModule } from './cookie.js';
import { eventsModule } from './events.js';
import { requestModule } from './request.js';
import { userModule } from './user.js';

/**
 * The Connect-compatible modules, configured from the host options. Each module is one file here
 * exporting `<name>Module(options)`; adding a module means adding its line below.
 */
export function connectModules(options: HostOptions): HostModule[] {
  return [
    requestModule(options),
    cookieModule(options),
    contextModule(options),
    userModule(options),
    eventsModule(),
  ];
}
