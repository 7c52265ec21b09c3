/**
 * apbridge host: embed Connect-style apps in cross-origin iframes and answer their `AP` calls.
 * @packageDocumentation
 */
export { createHost } from './connectHost.js';
export { createHostCore } from './createHost.js';
export { connectModules } from './modules/index.js';
export { requestModule } from './modules/request.js';
export { cookieModule } from './modules/cookie.js';
export { contextModule } from './modules/context.js';
export { userModule } from './modules/user.js';
export { eventsModule } from './modules/events.js';
export { dialogModule } from './modules/dialog.js';
export { messagesModule } from './modules/messages.js';
export { flagModule } from './modules/flag.js';
export { resizeModule } from './modules/resize.js';
export { navigatorModule } from './modules/navigator.js';
export { envModule } from './modules/env.js';
export { historyModule, type HistoryOptions } from './modules/history.js';
export { jiraModule, type JiraHooks } from './modules/jira.js';
export { confluenceModule, type ConfluenceHooks } from './modules/confluence.js';
export { customContentModule, type CustomContentHooks } from './modules/customContent.js';
export { inlineDialogModule } from './modules/inlineDialog.js';
export { scrollPositionModule } from './modules/scrollPosition.js';
export { pageModule } from './modules/page.js';
export { hostModule } from './modules/host.js';
export { themingModule, type ThemingHooks } from './modules/theming.js';
export type { Theme } from '../shared/contracts/theming.js';
export type { HistoryPop, HistoryState } from '../shared/contracts/history.js';
export type { ContentProperty } from '../shared/contracts/confluence.js';
export type { CreateIssueParams, DatePickerRequest, JqlEditorOptions } from '../shared/contracts/jira.js';
export type { CustomContentContract, InterceptableEvent } from '../shared/contracts/customContent.js';
export type { NavigatorLocation } from '../shared/contracts/navigator.js';
export type { ScrollPosition } from '../shared/contracts/scrollPosition.js';
export { BridgeError, ErrorCode, isBridgeError, type WireError } from '../shared/errors.js';
export { DropReason } from '../shared/guards.js';
export { PROTOCOL_VERSION } from '../shared/protocol.js';
export type { Handler, ModuleImpl } from './registry.js';
export type { EndpointLimits } from '../shared/rpc.js';
export type { ViewOptions } from '../shared/viewOptions.js';
export type {
  App,
  AppDescriptor,
  CallContext,
  CallInfo,
  ContractModule,
  CreateViewOptions,
  Host,
  HostLimits,
  HostModule,
  HostOptions,
  RejectionInfo,
  RequestPolicy,
  View,
  ViewFilter,
  ViewState,
} from './types.js';
