// Shared by the UI-module tests: a host whose app declares dialogs, plugins attached to any view
// (dialog iframes included), and lookups into the host's shadow-DOM UI layer.
import { createHost } from '../src/host/connectHost.js';
import type { Host, HostOptions, View } from '../src/host/types.js';
import { buildAP } from '../src/plugin/ap.js';
import type { AP } from './data.js';
import { APP_ORIGIN, fakeAppWindow } from './link.js';

export const DIALOGS = [
  { key: 'confirm', url: '/confirm', options: { size: 'small', header: { value: 'Confirm it' } } },
  { key: 'editor', url: '/editor' },
];

export interface Plugged {
  view: View;
  ap: AP;
  /** Dispatches keydown etc. on the plugin's stand-in window. */
  events: EventTarget;
}

/** A host with app-a (dialogs: confirm, editor) and app-b (dialog: foreign). */
export function uiHost(options: HostOptions = {}): Host {
  const host = createHost(options);
  host.registerApp({ key: 'app-a', name: 'App <b>A</b>', baseUrl: APP_ORIGIN, modules: { dialogs: DIALOGS, generalPages: [{ key: 'page', url: '/page' }] } });
  host.registerApp({ key: 'app-b', name: 'App B', baseUrl: 'https://app-b.example', modules: { dialogs: { foreign: { url: '/foreign' } } } });
  return host;
}

/** Connects a real plugin to `view`, with a stand-in window that also takes DOM event listeners. */
export async function plug(view: View): Promise<Plugged> {
  const win = fakeAppWindow(view, window, view.app.origin) as Window & Record<string, unknown>;
  const events = new EventTarget();
  win.addEventListener = events.addEventListener.bind(events);
  win.removeEventListener = events.removeEventListener.bind(events);
  const { ap, start } = buildAP({ window: win });
  await start().ready;
  return { view, ap: ap as AP, events };
}

/** Creates a view of `app`/`moduleKey` on the page and connects a plugin to it. */
export async function open(host: Host, app = 'app-a', moduleKey = 'main'): Promise<Plugged> {
  const view = host.create({ app, moduleKey, url: '/app' }, document.body);
  return plug(view);
}

/** The host's UI shadow root (dialogs, notices); an empty fragment before the layer exists. */
export function layer(): ShadowRoot | DocumentFragment {
  return document.querySelector('apb-layer')?.shadowRoot ?? document.createDocumentFragment();
}

export function dialogs(): HTMLDialogElement[] {
  return [...(document.querySelector('apb-layer')?.shadowRoot?.querySelectorAll<HTMLDialogElement>('dialog[open]') ?? [])];
}

/** The view the host created for the top dialog. */
export function dialogView(host: Host): View {
  const views = host.views().filter((v) => v.options.isDialog === true);
  const top = views[views.length - 1];
  if (!top) throw new Error('no dialog view');
  return top;
}

/** Resolves once `check` passes (events travel over real MessagePorts). */
export async function until(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met');
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function code(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'resolved',
    (e: { code?: string }) => e.code ?? 'unknown',
  );
}

/** Like `until`, but polls with setImmediate, for tests that fake setTimeout. */
export async function settle(check: () => boolean, rounds = 2000): Promise<void> {
  for (let i = 0; i < rounds && !check(); i++) await new Promise((r) => setImmediate(r));
  if (!check()) throw new Error('condition not met');
}
