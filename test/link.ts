// An in-memory link between a real host (createHost) and a real plugin (buildAP): the plugin's window
// is a stand-in whose parent.postMessage delivers a MessageEvent to the host window with the source
// and origin a real browser would set. Module tests run both halves over it.
import { createHost } from '../src/host/connectHost.js';
import type { AppDescriptor, CreateViewOptions, Host, HostOptions, View } from '../src/host/types.js';
import { buildAP, type APCore } from '../src/plugin/ap.js';
import type { PluginOptions } from '../src/plugin/options.js';

export const APP_ORIGIN = 'https://app.example';

export interface Link {
  host: Host;
  view: View;
  ap: APCore;
  /** The plugin's stand-in window. */
  appWindow: Window;
  /** Resolves once the plugin has its welcome. */
  connected: Promise<unknown>;
}

export interface LinkOptions {
  host?: Host;
  hostOptions?: HostOptions;
  app?: Partial<AppDescriptor>;
  view?: Partial<CreateViewOptions>;
  plugin?: PluginOptions;
  /** Origin the plugin's messages claim to come from (default: the app's). */
  origin?: string;
}

/** Builds the plugin-side window for a view: its name, its document, and a parent that relays. */
export function fakeAppWindow(view: View, hostWindow: Window, origin: string, url = `${origin}/app`): Window {
  const doc = document.implementation.createHTMLDocument('app');
  const parent = {
    postMessage(data: unknown, targetOrigin: string, transfer: MessagePort[] = []) {
      if (targetOrigin !== hostWindow.location.origin && targetOrigin !== '*') return;
      const event = new MessageEvent('message', { data, origin, source, ports: transfer });
      hostWindow.dispatchEvent(event);
    },
  };
  const source = {
    name: view.iframe.name,
    parent,
    location: new URL(url),
    document: doc,
  } as unknown as Window;
  // happy-dom gives an unloaded iframe no window; the stand-in plays the iframe's window, so the
  // host's `event.source === iframe.contentWindow` check runs exactly as in a browser.
  Object.defineProperty(view.iframe, 'contentWindow', { configurable: true, get: () => source });
  return source;
}

export function link(options: LinkOptions = {}): Link {
  const host = options.host ?? createHost(options.hostOptions);
  const key = options.app?.key ?? 'app-a';
  if (!host.getApp(key)) host.registerApp({ key, baseUrl: APP_ORIGIN, ...options.app });
  const view = host.create({ app: key, moduleKey: 'main', url: '/app', ...options.view }, document.body);
  const appWindow = fakeAppWindow(view, window, options.origin ?? host.getApp(key)!.origin);
  const { ap, start } = buildAP({ window: appWindow, options: options.plugin ?? {} });
  const connected = start().ready;
  return { host, view, ap, appWindow, connected };
}
