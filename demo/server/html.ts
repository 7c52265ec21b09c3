/** HTML that is already safe (built by `html`), as opposed to text that must be escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

/**
 * Tagged template for server-rendered pages: every interpolation is escaped unless it is itself
 * `html`. App-supplied strings (names, descriptor fields) can therefore never become markup.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** JSON for a `<script type="application/json">` block: `<` is escaped so no tag can close it. */
export function jsonScript(id: string, data: unknown): SafeHtml {
  return new SafeHtml(`<script type="application/json" id="${id}">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`);
}

/** The start of every product page: the head with the product's stylesheets, then `<body>`. */
export function documentStart(title: string, stylesheets: readonly string[], bodyClass?: string): SafeHtml {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${stylesheets.map((href) => html`<link rel="stylesheet" href="${href}">\n`)}<link rel="icon" href="data:,">
</head>
<body${bodyClass ? html` class="${bodyClass}"` : ''}>`;
}
