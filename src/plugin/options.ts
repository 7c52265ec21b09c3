import { isReservedName } from '../shared/guards.js';

/** Options an app page gives the plugin on its script tag: `data-options="resize:false;margin:true"`. */
export interface PluginOptions {
  /** Autoresize the iframe to the content (default true). */
  resize?: boolean;
  /** Size the iframe to its container (full-page modules). */
  sizeToParent?: boolean;
  /**
   * `false` leaves the page's body margin alone; by default the plugin zeroes it (`10px 10px 0 10px` in
   * dialogs), as Connect does.
   */
  margin?: boolean;
  /** `true` adds `<base href="<product page URL>" target="_parent">`, so plain links open in the product. */
  base?: boolean;
  /** Asks the product to hide its footer (with `sizeToParent`, or alone). */
  hideFooter?: boolean;
  /** Host origins this app agrees to talk to; `*` matches one label (`https://*.example.com`). */
  hosts?: string[];
  /** Milliseconds to wait for the host's welcome before calls reject with CONNECTION_TIMEOUT. */
  timeout?: number;
  /** Milliseconds before an unanswered call rejects with CALL_TIMEOUT. */
  callTimeout?: number;
  /** Other `key:value` pairs, kept as strings. */
  [key: string]: unknown;
}

/** A comma-separated list, trimmed, without empty items. */
function list(text: string): string[] {
  return text.split(',').map((item) => item.trim()).filter(Boolean);
}

function value(raw: string): unknown {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

/**
 * Parses Connect's `data-options` format: `key:value` pairs separated by `;`. Values may contain `:`
 * (host origins do), so only the first colon splits. `hosts` is a comma-separated list.
 */
export function parseDataOptions(text: string | null | undefined): PluginOptions {
  const options: PluginOptions = {};
  for (const pair of (text ?? '').split(';')) {
    const at = pair.indexOf(':');
    const key = (at < 0 ? pair : pair.slice(0, at)).trim();
    if (!key || isReservedName(key)) continue;
    const raw = at < 0 ? 'true' : pair.slice(at + 1).trim();
    options[key] = key === 'hosts' ? list(raw) : value(raw);
  }
  return options;
}

/**
 * The page's options from Connect's three places, later ones winning: any loader
 * `<script data-options>` (Connect's `#connect-loader`), an element `#ac-iframe-options`, then the
 * all.js tag itself. Read when all.js runs, as Connect reads them: the elements must come before it.
 */
export function readPageOptions(doc: Document, script: Element | null): PluginOptions {
  const places = [doc.querySelector('script[data-options]'), doc.getElementById('ac-iframe-options'), script];
  return Object.assign({}, ...places.map((place) => parseDataOptions(place?.getAttribute('data-options'))));
}

/** The hosts allowed by `<meta name="ap-allowed-hosts" content="https://a.com, https://*.b.com">`. */
export function metaHosts(doc: Document | undefined): string[] {
  const content = doc?.querySelector('meta[name="ap-allowed-hosts"]')?.getAttribute('content');
  return list(content ?? '');
}

/** True when `origin` matches one pattern exactly, `*` standing for a single DNS label. */
export function hostAllowed(origin: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    if (pattern === origin) return true;
    if (!pattern.includes('*')) return false;
    const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[a-z0-9-]+');
    return new RegExp(`^${escaped}$`, 'i').test(origin);
  });
}
