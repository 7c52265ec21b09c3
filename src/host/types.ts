import type { DropReason } from '../shared/guards.js';
import type { EndpointLimits } from '../shared/rpc.js';
import type { ErrorCode } from '../shared/errors.js';
import type { ModuleImpl } from './registry.js';
import type { HostMethods } from '../shared/contracts/types.js';
import type { NavigatorLocation } from '../shared/contracts/navigator.js';
import type { ViewOptions } from '../shared/viewOptions.js';
import type { ConfluenceHooks } from './modules/confluence.js';
import type { CustomContentHooks } from './modules/customContent.js';
import type { HistoryOptions } from './modules/history.js';
import type { JiraHooks } from './modules/jira.js';
import type { ThemingHooks } from './modules/theming.js';

/** What the product registers about an app (usually read from its Connect descriptor). */
export interface AppDescriptor {
  /** The app key, unique per host: letters, digits, `.`, `_`, `-`; at most 64 characters. */
  key: string;
  name?: string;
  /** Absolute http(s) URL; every iframe of the app must be on exactly this origin. */
  baseUrl: string;
  /** Connect module declarations (`generalPages`, `dialogs`, `webPanels`...), keyed by module type. */
  modules?: Record<string, unknown>;
}

/** A registered app as the host keeps it. */
export interface App {
  readonly key: string;
  readonly name: string;
  readonly baseUrl: string;
  /** The only origin a hello for this app is accepted from. */
  readonly origin: string;
  readonly modules: Readonly<Record<string, unknown>>;
}

/**
 * Where a view is in its life. `stopped`: the host cut the app for flooding it with messages (its
 * session closed, its page unloaded) until `view.reload()`.
 */
export type ViewState = 'loading' | 'connected' | 'unresponsive' | 'stopped' | 'destroyed';

/** Which views an event goes to: all, those matching the fields, or those the function accepts. */
export type ViewFilter = { appKey?: string; moduleKey?: string } | ((view: View) => boolean);

/** What `host.create` shows: which app, which of its modules, at which URL, with what context. */
export interface CreateViewOptions {
  /** Key of a registered app. */
  app: string;
  /** The module this iframe shows (from the descriptor). */
  moduleKey: string;
  /** Absolute URL, or a path resolved against the app's baseUrl; must stay on the app's origin. */
  url: string;
  /** Product context handed to the app (`AP.context.getContext`). */
  context?: Record<string, unknown>;
  /** Options sent to the plugin in window.name and the welcome (e.g. `{ isFullPage: true }`). */
  options?: ViewOptions;
  /** Initial iframe height in px or a CSS length. */
  height?: string;
  width?: string;
}

/** One app iframe and its session with the host. */
export interface View {
  /** The channel id: random, per iframe. */
  readonly id: string;
  readonly app: App;
  readonly moduleKey: string;
  readonly iframe: HTMLIFrameElement;
  readonly context: Readonly<Record<string, unknown>>;
  readonly options: Readonly<ViewOptions>;
  readonly state: ViewState;
  /** Resolves when the first session is established; rejects if the view is destroyed first. */
  readonly ready: Promise<void>;
  /** Sends an event to the app; queued (bounded, expiring) until the view connects. */
  emit(name: string, ...args: unknown[]): void;
  /**
   * Calls a method the app provided with `AP.provide(module, methods)`, waiting for the app to
   * connect first (at most `timeouts.call`, then CONNECTION_TIMEOUT).
   */
  call(module: string, method: string, ...args: unknown[]): Promise<unknown>;
  /** Loads the app's page again (after `unresponsive` or `stopped`); the new hello starts a new session. */
  reload(): void;
  /** Removes the iframe, ends the session and settles its calls with CONNECTION_DESTROYED. */
  destroy(): void;
}

/** Trusted facts about a call, taken from the session (never from the message). */
export interface CallContext {
  readonly app: App;
  readonly moduleKey: string;
  readonly view: View;
  readonly session: string;
  /** Aborted when the app cancels the call, the call times out on its side, or the session ends. */
  readonly signal: AbortSignal;
  readonly host: Host;
}

/** Reported for every call an app made, after it settled. */
export interface CallInfo {
  appKey: string;
  moduleKey: string;
  viewId: string;
  module: string;
  method: string;
  /** Milliseconds from dispatch to settle. */
  duration: number;
  outcome: 'ok' | ErrorCode;
  /** The call's arguments as the host received them (untrusted app data: render as text only). */
  args: readonly unknown[];
  /** What the handler returned, when `outcome` is 'ok'. */
  result?: unknown;
  /** The message the app was given, when the call failed. */
  message?: string;
  /** The original exception when a handler threw something other than a BridgeError. */
  cause?: unknown;
}

/**
 * Reported for bridge messages the host refused. Reports are coalesced per reason and source: the
 * first at once (`count` 1), the rest of that second in one report with their `count`.
 */
export interface RejectionInfo {
  reason: DropReason;
  origin: string;
  /** How many messages this report stands for. */
  count: number;
  /** Set when the message could be tied to a view (a wrong origin for a known channel, say). */
  appKey?: string;
  viewId?: string;
}

/** The host's caps: per session (see `EndpointLimits`) and per app window. */
export interface HostLimits extends Omit<EndpointLimits, 'callTimeout'> {
  /**
   * Sustained messages per second on one app's session (token bucket). Over it the session is cut
   * and the view stopped (RATE_LIMITED). Default 1000; `Infinity` turns the check off.
   */
  maxRate: number;
  /** Messages one session may send in a burst above `maxRate`. Default 20000. */
  maxBurst: number;
  /**
   * Messages of one session the browser may have queued for the host at once (see the README's
   * Isolation section). Over it the session is cut like a flood over its rate. Default 5000, five
   * times the 1,000 calls the plugin keeps on the wire.
   */
  maxBacklog: number;
  /**
   * Sustained `window.postMessage`s per second one app iframe may send the host window (an honest
   * plugin sends one hello per page load). Over it the view is stopped. Default 100.
   */
  maxWindowRate: number;
  /** Window messages one app iframe may send in a burst above `maxWindowRate`. Default 1000. */
  maxWindowBurst: number;
}

/** Options of `createHost` / `createHostCore`; every field is optional. */
export interface HostOptions {
  /** The product window; defaults to the global `window`. */
  window?: Window;
  timeouts?: {
    /** Milliseconds before a view with no hello is marked 'unresponsive'. Default 10000. */
    handshake?: number;
    /** Milliseconds before a host-to-app call rejects with CALL_TIMEOUT. Default 30000. */
    call?: number;
  };
  /** Per-session caps; see the README for defaults. */
  limits?: Partial<HostLimits>;
  iframe?: {
    /** The iframe `sandbox` tokens. The default is the least privilege Connect apps need. */
    sandbox?: string;
    /** The iframe `allow` (permissions policy) attribute. Default: none. */
    allow?: string;
  };
  /** Modules to install at creation (built-in factories such as `cookieModule()`, or your own). */
  modules?: readonly HostModule[];
  /** Where `AP.request` goes: an absolute URL (default: the host page's origin). */
  productBaseUrl?: string;
  /** The product's context path, e.g. '' or '/jira' (default: the path of `productBaseUrl`). */
  contextPath?: string;
  /** The logged-in user, as `AP.user` reports it; omit for an anonymous page. */
  user?: { accountId: string; timeZone?: string; locale?: string };
  /**
   * Signs a context JWT for `AP.context.getToken` (the product's server should do the signing). The
   * host caches the token per view and asks again shortly before it expires (`expiresAt` in ms since
   * the epoch, else the JWT's `exp`).
   */
  getContextToken?: (app: App, view: View) => Promise<string | { token: string; expiresAt?: number }>;
  /**
   * Gives the URL to load for an app module the host opens by itself (a dialog from
   * `AP.dialog.create`), just before it is opened: the product's server can sign it with a fresh
   * Connect JWT then, instead of the page carrying long-lived signed URLs. Receives the descriptor's
   * URL and the view that asked; the result must stay on the app's origin. Default: the descriptor URL.
   */
  resolveModuleUrl?: (app: App, moduleKey: string, url: string, opener: View) => string | Promise<string>;
  /** `AP.request` policy; see the README for defaults. */
  request?: RequestPolicy;
  /** `AP.cookie` storage: `null` keeps cookies in memory only (default: the window's localStorage). */
  cookie?: { storage?: Storage | null; maxPerApp?: number };
  /** Where and how the host draws dialogs, flags, messages and view states. */
  ui?: {
    /** Element the UI layer is appended to. Default `document.body`. */
    container?: Element;
    /** Default 'auto' (follows `prefers-color-scheme`). */
    theme?: 'light' | 'dark' | 'auto';
  };
  /** Callbacks behind `AP.navigator`; without them `go` and `reload` reject with NOT_SUPPORTED. */
  navigator?: {
    /** Answers `AP.navigator.getLocation` for `view`. */
    getLocation?(view: View): NavigatorLocation | Promise<NavigatorLocation>;
    /** Navigates the product for `AP.navigator.go(target, context)`. */
    go?(target: string, context: Record<string, unknown>, view: View): void | Promise<void>;
    /** Reloads the product page (or the view) for `AP.navigator.reload()`. */
    reload?(view: View): void;
  };
  /** Where full-page apps keep `AP.history` state in the product URL; without it history is NOT_SUPPORTED. */
  history?: HistoryOptions;
  /** Jira's answers to `AP.jira`; each missing hook makes its method NOT_SUPPORTED. */
  jira?: JiraHooks;
  /** Confluence's answers to `AP.confluence`; each missing hook makes its method NOT_SUPPORTED. */
  confluence?: ConfluenceHooks;
  /** Confluence's custom content editor, for `AP.customContent.getEditComponent()`; each missing hook makes its method NOT_SUPPORTED. */
  customContent?: CustomContentHooks;
  /**
   * Dialogs the product draws itself (Connect's web items with target `dialog`): their views are
   * created with `options.isDialog`, and `AP.dialog.close(data)` from inside one calls `close`
   * (NOT_SUPPORTED without it); `getCustomData` answers the view's `options.customData`.
   */
  dialog?: {
    /** Closes the product-drawn dialog `view` is shown in. */
    close?(view: View, data: unknown): void;
  };
  /** Closes the inline dialog a view is shown in, for `AP.inlineDialog.hide()`. */
  inlineDialog?: {
    /** Closes the inline dialog `view` is shown in. */
    hide?(view: View): void;
  };
  /** Sets the product page's title for `AP.page.setTitle(title)` (full pages). */
  page?: {
    /** Sets the product page's title (the product adds its own suffix). */
    setTitle?(title: string, view: View): void;
  };
  /** The product's theme for `AP.theming.initializeTheming()`. */
  theming?: ThemingHooks;
  /** Called after every app call settled (for logging and metrics). */
  onCall?(info: CallInfo): void;
  /** Called for bridge messages the host refused, coalesced per second (for security monitoring). */
  onRejected?(info: RejectionInfo): void;
  /** Called when a view changes state; `host.onViewState` subscribes later. */
  onViewState?(view: View, state: ViewState): void;
}

/** What `AP.request` may do. Every field is optional; defaults are in the README. */
export interface RequestPolicy {
  /** Path prefixes (under the context path) apps may request. Default `['/rest/']`. */
  allowedPaths?: string[];
  /** Headers the host adds to every request, e.g. its CSRF header; apps cannot override them. */
  headers?: Record<string, string>;
  /** Requests one app may have in flight; more wait in order (each app in its own queue). Default 16. */
  maxConcurrentPerApp?: number;
  /** Requests of one app that may wait for a slot; past it TOO_MANY_PENDING. Default 10000. */
  maxQueuedPerApp?: number;
  /** Request body cap in bytes (PAYLOAD_TOO_LARGE). Default 10 MiB. */
  maxBodyBytes?: number;
  /** Response body cap in bytes (PAYLOAD_TOO_LARGE). Default 50 MiB. */
  maxResponseBytes?: number;
  /** Response headers returned besides `content-type` and `etag`. */
  responseHeaders?: string[];
  /** The fetch to use (default: the window's). */
  fetch?: typeof fetch;
}

/**
 * A module the host installs: its methods, and optionally a hook run once with the host (to keep
 * per-host state, draw UI, watch views) that may return a teardown run by `host.destroy()`.
 */
export interface HostModule<M extends ModuleImpl<CallContext> = ModuleImpl<CallContext>> {
  name: string;
  methods: M;
  /** Runs once when the host is created; may return a teardown run by `host.destroy()`. */
  attach?(host: Host): void | (() => void);
}

/**
 * A host module typed from its contract `C`: each handler takes the app's arguments as `unknown`
 * (untrusted, to be checked) and answers with the type the contract promises the plugin.
 */
export type ContractModule<C> = HostModule<HostMethods<C, CallContext>>;

/** A product page's side of the bridge. Create with `createHost`. */
export interface Host {
  /** The host page's origin (what apps see as `xdm_e`). */
  readonly origin: string;
  /** Registers an app (validated: key format, http(s) base URL on another origin) and returns it. */
  registerApp(app: AppDescriptor): App;
  /** Destroys the app's views and forgets it. */
  unregisterApp(key: string): void;
  /** The registered app with this key, if any. */
  getApp(key: string): App | undefined;
  /** Creates the iframe for an app module inside `container` and starts the handshake. */
  create(options: CreateViewOptions, container: Element): View;
  /** Adds or replaces a module apps can call as `AP.<name>.<method>(...)`. */
  defineModule(name: string, impl: ModuleImpl<CallContext>): void;
  /** Sends an event to every live view the filter selects; returns how many were reached. */
  emit(name: string, filter: ViewFilter | undefined, ...args: unknown[]): number;
  /** The live views, in creation order. */
  views(): View[];
  /** Subscribes to view state changes (loading, connected, unresponsive, stopped, destroyed). */
  onViewState(listener: (view: View, state: ViewState) => void): () => void;
  /** Destroys every view and removes every listener the host added. */
  destroy(): void;
}
