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
}

/** A built-in module's wire name. */
export type ModuleName = keyof Contracts;
