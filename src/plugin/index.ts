/**
 * apbridge plugin for app code built with a bundler: `import { AP } from 'apbridge/plugin'`.
 * @packageDocumentation
 */
import { buildAP } from './ap.js';

export type { APCore } from './ap.js';
export type { PluginOptions } from './options.js';
export type { Welcome } from '../shared/protocol.js';
export type { ViewOptions } from '../shared/viewOptions.js';
export type { Facades } from './modules/index.js';
export type { Theme } from '../shared/contracts/theming.js';
export type { HistoryPop, HistoryState } from '../shared/contracts/history.js';
export type { ContentProperty } from '../shared/contracts/confluence.js';
export type { CreateIssueParams, DatePickerRequest, JqlEditorOptions } from '../shared/contracts/jira.js';
export type { CustomContentContract, InterceptableEvent } from '../shared/contracts/customContent.js';
export type { ScrollPosition } from '../shared/contracts/scrollPosition.js';
export type { RequestFailure, RequestFunction, RequestOptions, RequestResult, RequestXhr } from './modules/request.js';
export type { CookieFacade } from './modules/cookie.js';
export type { ContextFacade } from './modules/context.js';
export type { UserFacade } from './modules/user.js';
export type { AnyEventListener, EventFilter, EventListener, EventsFacade } from './modules/events.js';
export type { Dialog, DialogButton, DialogFacade } from './modules/dialog.js';
export type { ButtonEventData, DialogButtonSpec, DialogOptions } from '../shared/contracts/dialog.js';
export type { EnvFacade } from './modules/env.js';
export type { Flag, FlagFacade } from './modules/flag.js';
export type { FlagOptions } from '../shared/contracts/flag.js';
export type { MessagesFacade } from './modules/messages.js';
export type { MessageHandle } from '../shared/contracts/messages.js';
export type { NavigatorFacade } from './modules/navigator.js';
export type { NavigatorLocation, NavigatorTarget } from '../shared/contracts/navigator.js';
export type { Size } from './modules/resize.js';
export type { CurrentUser, LegacyUser } from '../shared/contracts/user.js';
export type { EventSender } from '../shared/contracts/events.js';
export { BridgeError, ErrorCode, isBridgeError } from '../shared/errors.js';

/**
 * The app's handle on its host, the same object the `all.js` script assigns to `window.AP`. It
 * connects on first use.
 * @example
 * ```ts
 * import { AP } from 'apbridge/plugin';
 * AP.require('acme', (acme) => acme.ping().then(console.log));
 * ```
 */
export const AP = /* @__PURE__ */ buildAP().ap;
