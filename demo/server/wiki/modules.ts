import { createHash } from 'node:crypto';
import { CONFLUENCE_TYPES, type Descriptor, type ModuleDeclaration } from '../descriptor.js';
import { descriptorOf, type ProductInfo } from '../install.js';
import { signedIframeUrl, type Placed } from '../modules.js';
import type { Installation, User } from '../store.js';
import type { MacroInstance } from './storage.js';
import type { Space, WikiPage } from './store.js';

/**
 * Acme Wiki's table of module types: where each renders. The tracker's table (`moduleTypes.ts`)
 * says the same for Jira; module types Connect accepts in Confluence but missing here are stored
 * and listed on the Manage apps page as not rendered.
 */
export const WIKI_MODULE_TYPES: Record<string, string> = {
  generalPages: 'Apps menu; page /wiki/plugins/servlet/ac/<app>/<module>',
  dynamicContentMacros: 'Page view: an iframe where the macro is placed; the editor\'s "Insert macro" menu',
  staticContentMacros: 'Page view: HTML the wiki fetches from the app (JWT-signed) and sanitises; the editor\'s "Insert macro" menu',
  contentBylineItems: 'Page byline: a button opening an inline dialog (default) or a dialog',
  dialogs: 'Dialog opened by AP.dialog.create or a byline item with target dialog',
  confluenceContentProperties: 'Stored (content properties are read and written through REST and AP.confluence)',
  webhooks: 'Delivered: page_created, page_updated, page_removed, attachment_created',
};

/** The Confluence module types a descriptor declares that the wiki does not render. */
export function unrenderedWikiTypes(descriptor: Descriptor): string[] {
  return Object.keys(descriptor.modules).filter((type) => !(type in WIKI_MODULE_TYPES) && (CONFLUENCE_TYPES.has(type) || ['webPanels', 'webItems', 'webSections', 'adminPages', 'configurePage', 'postInstallPage'].includes(type)));
}

/** Where a module is shown: the page and space it is on, and the macro instance for macros. */
export interface WikiContext {
  page?: WikiPage;
  space?: Space;
  macro?: MacroInstance;
  outputType?: 'display' | 'preview';
}

/** Connect passes at most this much of a macro body in `{macro.body}` (and sets `{macro.truncated}`). */
const MAX_URL_BODY = 128;

export function macroHash(macro: MacroInstance): string {
  return createHash('sha256').update(macro.body ?? '').digest('hex').slice(0, 32);
}

/** The values a Confluence module URL may name, and a macro's declared parameters by identifier. */
export function wikiVariables(ctx: WikiContext, user: User): Record<string, string> {
  const vars: Record<string, string> = {
    'user.accountId': user.accountId,
    'user.id': user.accountId,
    'space.key': ctx.space?.key ?? '',
    'space.id': ctx.space?.id ?? '',
    'page.id': ctx.page?.id ?? '',
    'page.title': ctx.page?.title ?? '',
    'page.type': ctx.page ? 'page' : '',
    'page.version': ctx.page ? String(ctx.page.version) : '',
    'content.id': ctx.page?.id ?? '',
    'content.type': ctx.page ? 'page' : '',
    'content.version': ctx.page ? String(ctx.page.version) : '',
    'output.type': ctx.outputType ?? 'display',
  };
  const macro = ctx.macro;
  if (macro) {
    const body = macro.body ?? '';
    Object.assign(vars, {
      'macro.id': macro.macroId,
      'macro.hash': macroHash(macro),
      'macro.body': body.slice(0, MAX_URL_BODY),
      'macro.truncated': String(body.length > MAX_URL_BODY),
    });
    for (const [name, value] of Object.entries(macro.params)) if (!(name in vars)) vars[name] = value;
  }
  return vars;
}

/** What `AP.context.getContext()` answers in the wiki, in Confluence's shape. */
export function confluenceContext(ctx: WikiContext): Record<string, unknown> {
  return {
    confluence: {
      ...(ctx.macro ? { macro: { id: ctx.macro.macroId, hash: macroHash(ctx.macro), outputType: ctx.outputType ?? 'display' } } : {}),
      ...(ctx.page ? { content: { id: ctx.page.id, version: String(ctx.page.version), type: 'page' } } : {}),
      ...(ctx.space ? { space: { key: ctx.space.key, id: ctx.space.id } } : {}),
    },
  };
}

/** An app URL from a descriptor `url`: a relative one (`viewer.html?x`) joins the base with one `/`. */
export function joinAppUrl(baseUrl: string, path: string): URL {
  if (/^https?:\/\//i.test(path)) {
    const absolute = new URL(path);
    if (!absolute.href.startsWith(`${baseUrl}/`) && absolute.href !== baseUrl) throw new Error('module URL outside the app\'s baseUrl');
    return absolute;
  }
  return new URL(`${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
}

/**
 * The iframe (or static macro) URL Connect builds for the wiki: the template with context values
 * substituted, the Connect parameters with `cp=/wiki`, and last the JWT whose qsh covers them.
 */
export function wikiModuleUrl(
  wiki: ProductInfo,
  installation: Installation,
  template: string,
  ctx: WikiContext,
  user: User,
  channel: string,
): string {
  const descriptor = descriptorOf(installation);
  const vars = wikiVariables(ctx, user);
  const path = template.replace(/\{([\w.-]+)\}/g, (_m, name: string) => encodeURIComponent(Object.hasOwn(vars, name) ? vars[name]! : ''));
  return signedIframeUrl(wiki, installation, joinAppUrl(descriptor.baseUrl, path), channel, user);
}

/** One module of one enabled wiki app: the tracker's `Placed`. */
export type WikiPlaced = Placed;

export function wikiModules(wiki: ProductInfo, types: readonly string[]): WikiPlaced[] {
  return wiki.store.installations().filter((i) => i.enabled).flatMap((installation) => {
    const descriptor = descriptorOf(installation);
    return types.flatMap((type) => (descriptor.modules[type] ?? []).map((declaration) => ({ installation, descriptor, type, declaration })));
  });
}

export function findWikiModule(wiki: ProductInfo, types: readonly string[], app: string, moduleKey: string): WikiPlaced | undefined {
  return wikiModules(wiki, types).find((p) => p.installation.key === app && p.declaration.key === moduleKey);
}

/** The macro declared under `name` (its key), dynamic or static. */
export function findMacro(wiki: ProductInfo, name: string): WikiPlaced | undefined {
  return wikiModules(wiki, ['dynamicContentMacros', 'staticContentMacros']).find((p) => p.declaration.key === name);
}

/** A macro's `parameters`, as the editor's generated form and the URL read them. */
export interface MacroParameter {
  identifier: string;
  name: string;
  type: 'string' | 'enum' | 'boolean' | 'int' | 'spacekey' | 'username' | string;
  required: boolean;
  values: string[];
  defaultValue: string | undefined;
}

export function macroParameters(declaration: ModuleDeclaration): MacroParameter[] {
  const list = Array.isArray(declaration.parameters) ? (declaration.parameters as Record<string, unknown>[]) : [];
  return list
    .filter((p) => p && typeof p.identifier === 'string')
    .map((p) => {
      const name = p.name as { value?: unknown } | undefined;
      return {
        identifier: String(p.identifier),
        name: typeof name?.value === 'string' ? name.value : String(p.identifier),
        type: typeof p.type === 'string' ? p.type : 'string',
        required: p.required === true,
        values: Array.isArray(p.values) ? p.values.map(String) : [],
        defaultValue: typeof p.defaultValue === 'string' ? p.defaultValue : undefined,
      };
    });
}

/** `bodyType` of a macro declaration: Connect's `rich-text`, `plain-text` or `none`. */
export function bodyTypeOf(declaration: ModuleDeclaration): 'rich-text' | 'plain-text' | undefined {
  const type = declaration.bodyType;
  return type === 'rich-text' || type === 'plain-text' ? type : undefined;
}
