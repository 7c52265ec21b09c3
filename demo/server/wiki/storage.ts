import { randomBytes } from 'node:crypto';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import sanitizeHtml from 'sanitize-html';

/** One `ac:structured-macro` of a page, as the editor and the view work with it. */
export interface MacroInstance {
  /** The macro's descriptor key (`ac:name`). */
  name: string;
  /** `ac:macro-id`: stable across edits, so the view and the app can tell instances apart. */
  macroId: string;
  params: Record<string, string>;
  /** Storage format for `rich-text`, text for `plain-text`; absent for a macro with no body. */
  body?: string;
  bodyType?: 'rich-text' | 'plain-text';
}

const XML = { xmlMode: true, recognizeCDATA: true, decodeEntities: true } as const;

/** What a page body may contain besides macros: Confluence's text formatting, no script, no style. */
const CONTENT: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'code', 'pre',
    'blockquote', 'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'div', 'img',
  ],
  allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
};

/**
 * What a static content macro's HTML may contain: the page's own allowlist plus classes (apps style
 * their output with the Connect CSS). No script, no event handler, no inline style, no iframe, no
 * form, and links only to http(s).
 */
const STATIC_MACRO: sanitizeHtml.IOptions = {
  ...CONTENT,
  allowedAttributes: { ...(CONTENT.allowedAttributes as Record<string, string[]>), '*': ['class', 'title', 'data-*'] },
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer', target: '_blank' }) },
};
STATIC_MACRO.allowedAttributes = { ...(STATIC_MACRO.allowedAttributes as Record<string, string[]>), a: ['href', 'title', 'rel', 'target'] };

export function sanitizeContent(html: string): string {
  return sanitizeHtml(html, CONTENT);
}

export function sanitizeStaticMacro(html: string): string {
  return sanitizeHtml(html, STATIC_MACRO);
}

function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

function isMacro(node: ChildNode): node is Element {
  return node.type === 'tag' && node.name === 'ac:structured-macro';
}

function childTag(el: Element, name: string): Element | undefined {
  return el.children.find((c): c is Element => c.type === 'tag' && c.name === name);
}

function instanceOf(el: Element, index: number): MacroInstance {
  const params: Record<string, string> = {};
  for (const child of el.children) {
    if (child.type === 'tag' && child.name === 'ac:parameter') {
      const name = attr(child, 'ac:name');
      if (name && name !== '__proto__') params[name] = DomUtils.textContent(child);
    }
  }
  const rich = childTag(el, 'ac:rich-text-body');
  const plain = childTag(el, 'ac:plain-text-body');
  return {
    name: attr(el, 'ac:name') ?? '',
    // Storage written without ids (by hand, by REST) gets one that stays the same on every view.
    macroId: attr(el, 'ac:macro-id') ?? `macro-${index}`,
    params,
    ...(rich ? { body: DomUtils.getInnerHTML(rich, XML), bodyType: 'rich-text' as const } : {}),
    ...(plain ? { body: DomUtils.textContent(plain), bodyType: 'plain-text' as const } : {}),
  };
}

/**
 * Splits storage format into its macros and the rest: each outermost `ac:structured-macro` becomes
 * a slot, returned as `before`/`after` pieces so that callers put their own markup between them.
 * The rest is sanitised as page content. Macros inside a macro's body stay in that body.
 */
export function splitStorage(storage: string): { pieces: string[]; macros: MacroInstance[] } {
  const doc = parseDocument(storage, XML);
  const macros: MacroInstance[] = [];
  // A random marker per call: text that was in the page can never pose as a slot.
  const marker = `apbslot${randomBytes(8).toString('hex')}`;
  for (const el of DomUtils.findAll((n) => n.name === 'ac:structured-macro', doc.children)) {
    let outer = true;
    for (let p = el.parent; p; p = p.parent) if (p.type === 'tag' && isMacro(p)) outer = false;
    if (!outer) continue;
    macros.push(instanceOf(el, macros.length));
    DomUtils.replaceElement(el, parseDocument(`<span ${marker}="${macros.length - 1}"></span>`, XML).children[0]!);
  }
  // Storage is XHTML: serialise as XML, then let the sanitiser read it as the HTML it renders as.
  const clean = sanitizeHtml(DomUtils.getOuterHTML(doc.children, { xmlMode: true, selfClosingTags: false }), {
    ...CONTENT,
    allowedAttributes: { ...(CONTENT.allowedAttributes as Record<string, string[]>), span: [marker] },
  });
  const pieces = clean.split(new RegExp(`<span ${marker}="\\d+"></span>`));
  return { pieces, macros };
}

/** Storage format with each macro replaced by `render(macro)`: the page view and the editor. */
export function renderStorage(storage: string, render: (macro: MacroInstance, index: number) => string): string {
  const { pieces, macros } = splitStorage(storage);
  return pieces.map((piece, i) => piece + (i < macros.length ? render(macros[i]!, i) : '')).join('');
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** One macro in storage format, as Confluence writes it. */
export function macroStorage(macro: MacroInstance): string {
  const params = Object.entries(macro.params).map(([name, value]) => `<ac:parameter ac:name="${escapeXml(name)}">${escapeXml(value)}</ac:parameter>`).join('');
  let body = '';
  if (macro.bodyType === 'rich-text') body = `<ac:rich-text-body>${sanitizeContent(macro.body ?? '')}</ac:rich-text-body>`;
  // CDATA cannot hold "]]>": split it across two sections, as XML writers do.
  if (macro.bodyType === 'plain-text') body = `<ac:plain-text-body><![CDATA[${(macro.body ?? '').replaceAll(']]>', ']]]]><![CDATA[>')}]]></ac:plain-text-body>`;
  return `<ac:structured-macro ac:name="${escapeXml(macro.name)}" ac:schema-version="1" ac:macro-id="${escapeXml(macro.macroId)}">${params}${body}</ac:structured-macro>`;
}

/**
 * Storage format from the editor: its HTML (sanitised as page content) with `<span data-macro="n">`
 * placeholders, and the macros they stand for.
 */
export function storageFromEditor(html: string, macros: readonly MacroInstance[]): string {
  const marker = `apbslot${randomBytes(8).toString('hex')}`;
  const clean = sanitizeHtml(html, {
    ...CONTENT,
    allowedAttributes: { ...(CONTENT.allowedAttributes as Record<string, string[]>), span: [marker] },
    transformTags: { span: (tagName, attribs) => ({ tagName, attribs: attribs['data-macro'] ? { [marker]: attribs['data-macro'] } : {} }) },
  });
  return clean.replace(new RegExp(`<span ${marker}="(\\d+)">[^<]*</span>`, 'g'), (_m, index: string) => {
    const macro = macros[Number(index)];
    return macro ? macroStorage(macro) : '';
  });
}
