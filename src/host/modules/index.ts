import type { HostModule, HostOptions } from '../types.js';
import { contextModule } from './context.js';
import { cookieModule } from './cookie.js';
import { eventsModule } from './events.js';
import { requestModule } from './request.js';
import { userModule } from './user.js';
import { dialogModule } from './dialog.js';
import { envModule } from './env.js';
import { flagModule } from './flag.js';
import { messagesModule } from './messages.js';
import { navigatorModule } from './navigator.js';
import { resizeModule } from './resize.js';
import { confluenceModule } from './confluence.js';
import { customContentModule } from './customContent.js';
import { historyModule } from './history.js';
import { hostModule } from './host.js';
import { inlineDialogModule } from './inlineDialog.js';
import { jiraModule } from './jira.js';
import { pageModule } from './page.js';
import { scrollPositionModule } from './scrollPosition.js';
import { themingModule } from './theming.js';

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
    dialogModule(options),
    messagesModule(options),
    flagModule(options),
    resizeModule(options),
    navigatorModule(options),
    envModule(options),
    historyModule(options),
    jiraModule(options),
    confluenceModule(options),
    inlineDialogModule(options),
    scrollPositionModule(options),
    pageModule(options),
    hostModule(),
    themingModule(options),
    customContentModule(options),
  ];
}
