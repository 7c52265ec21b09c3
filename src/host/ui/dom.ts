import { UI_CSS } from './styles.js';

export type Theme = 'light' | 'dark' | 'auto';

/**
 * Creates an element with an optional class and text. Text always goes through `textContent`: every
 * string an app supplies is shown literally and can never become markup or script.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// One parsed stylesheet per document, adopted by every shadow root we make there: a `<style>` per
// root had the browser parse 7 kB of CSS for each view's loading indicator, on the path of every
// view's creation. A constructed sheet can only be adopted in the document it was made for.
const sheets = new WeakMap<Document, CSSStyleSheet>();

function sheetFor(doc: Document): CSSStyleSheet | undefined {
  let sheet = sheets.get(doc);
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (!sheet && typeof Sheet?.prototype.replaceSync === 'function') {
    sheet = new Sheet();
    sheet.replaceSync(UI_CSS);
    sheets.set(doc, sheet);
  }
  return sheet;
}

/**
 * A shadow host carrying our stylesheet. The tag is a custom-element name so product rules on
 * `div` or `section` do not match it; the shadow root keeps everything else out.
 */
export function shadowHost(doc: Document, tag: string, theme: Theme): { host: HTMLElement; root: ShadowRoot } {
  const host = doc.createElement(tag);
  host.setAttribute('data-theme', theme);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = 'adoptedStyleSheets' in root ? sheetFor(doc) : undefined;
  if (sheet) root.adoptedStyleSheets = [sheet];
  else root.appendChild(el(doc, 'style', undefined, UI_CSS));
  return { host, root };
}

/** The element that has focus, looking through shadow roots (ours nest dialogs inside one). */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

let counter = 0;
/** A document-unique id for aria references. */
export function uid(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
