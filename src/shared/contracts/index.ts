// Every built-in module's contract by its wire name: what types `bridge.call` in the plugin and the
// module definitions on the host. Type-only: importing it adds nothing to a bundle.
import type { ContextContract } from './context.js';
import type { CookieContract } from './cookie.js';
import type { DialogContract } from './dialog.js';
import type { EnvContract } from './env.js';
import type { EventsContract } from './events.js';
import type { FlagContract } from './flag.js';
import type { MessagesContract } from './messages.js';
import type { NavigatorContract } from './navigator.js';
import type { RequestContract } from './request.js';
import type { ResizeContract } from './resize.js';
import type { UserContract } from './user.js';
import type { HistoryContract } from './history.js';
import type { JiraContract } from './jira.js';
import type { ConfluenceContract } from './confluence.js';
import type { InlineDialogContract } from './inlineDialog.js';
import type { ScrollPositionContract } from './scrollPosition.js';
import type { PageContract } from './page.js';
import type { HostContract } from './host.js';
import type { ThemingContract } from './theming.js';
import type { CustomContentContract } from './customContent.js';

export interface Contracts {
  request: RequestContract;
  cookie: CookieContract;
  context: ContextContract;
  user: UserContract;
  events: EventsContract;
  dialog: DialogContract;
  messages: MessagesContract;
  flag: FlagContract;
  resize: ResizeContract;
  navigator: NavigatorContract;
  env: EnvContract;
  history: HistoryContract;
  jira: JiraContract;
  confluence: ConfluenceContract;
  inlineDialog: InlineDialogContract;
  scrollPosition: ScrollPositionContract;
  page: PageContract;
  host: HostContract;
  theming: ThemingContract;
  customContent: CustomContentContract;
}

/** A built-in module's wire name. */
export type ModuleName = keyof Contracts;
