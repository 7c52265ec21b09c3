import type { Host, HostOptions, View } from '../types.js';
import { el, shadowHost, type Theme } from './dom.js';
import { watchViewStatus } from './viewStatus.js';

/** The host's UI surface, shared by the dialog, flag and messages modules of one host. */
export interface UiLayer {
  readonly document: Document;
  readonly theme: Theme;
  /** The shadow root dialogs render into (created on first use). */
  root(): ShadowRoot;
  /** The `aria-live` region flags and messages stack in (created on first use). */
  notices(): HTMLElement;
  /** A label for the app a view belongs to, shown next to everything it asks us to draw. */
  appLabel(view: View): string;
}

interface Entry {
  layer: UiLayer;
  users: number;
  teardown(): void;
}

// One layer per host, not per module: dialogs and flags must share a stacking context and one live
// region. Keyed weakly by the host, so nothing outlives it.
const layers = new WeakMap<Host, Entry>();

function createLayer(host: Host, options: HostOptions): Entry {
  const win = options.window ?? window;
  const doc = win.document;
  const theme: Theme = options.ui?.theme ?? 'auto';
  let shadow: { host: HTMLElement; root: ShadowRoot } | undefined;
  let region: HTMLElement | undefined;

  function root(): ShadowRoot {
    if (!shadow) {
      shadow = shadowHost(doc, 'apb-layer', theme);
      shadow.host.setAttribute('data-apb-ui', '');
      (options.ui?.container ?? doc.body).appendChild(shadow.host);
    }
    return shadow.root;
  }

  const layer: UiLayer = {
    document: doc,
    theme,
    root,
    notices() {
      if (!region) {
        region = el(doc, 'section', 'apb-notices');
        region.setAttribute('aria-live', 'polite');
        region.setAttribute('aria-label', 'Notifications');
        root().appendChild(region);
      }
      return region;
    },
    appLabel: (view) => view.app.name,
  };
  // The same default as the core's: the retry of an unresponsive view waits as long as a first try.
  const stopStatus = watchViewStatus(host, doc, theme);
  return {
    layer,
    users: 0,
    teardown() {
      stopStatus();
      shadow?.host.remove();
    },
  };
}

/**
 * The UI layer of `host`, created by the first module that needs it. Returns it with a release
 * function; the layer's DOM is removed when the last module releases it (at `host.destroy()`).
 */
export function acquireLayer(host: Host, options: HostOptions): { layer: UiLayer; release(): void } {
  let entry = layers.get(host);
  if (!entry) {
    entry = createLayer(host, options);
    layers.set(host, entry);
  }
  entry.users += 1;
  const current = entry;
  let released = false;
  return {
    layer: current.layer,
    release() {
      if (released) return;
      released = true;
      current.users -= 1;
      if (current.users === 0) {
        current.teardown();
        layers.delete(host);
      }
    },
  };
}
