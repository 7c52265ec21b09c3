import { conditionsHold } from './conditions.js';
import { descriptorOf, type ProductInfo } from './install.js';
import { signForApp } from './jwt.js';
import { moduleType, type ContextParam } from './moduleTypes.js';
import type { Installation, Issue, User } from './store.js';
import type { Descriptor, ModuleDeclaration } from './descriptor.js';

/** Where a page is, in Connect's terms: `{issue.key}`, `{project.key}` and friends come from here. */
export interface PageContext {
  issue?: Issue;
  projectKey?: string;
  dashboard?: { id: string; itemId: string; itemKey: string; viewType: 'default' | 'edit' };
  /** A workflow post function's page: its id and stored configuration. */
  postFunction?: { id: string; config: string };
  /** `ac.*` parameters from the page's query, substituted as `{ac.name}` into any module's URL. */
  ac?: Record<string, string>;
}

const MAX_AC_PARAMS = 20;

/** The `ac.*` query parameters of a product page (Connect passes them on to the app's URL). */
export function acParams(query: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (Object.keys(out).length >= MAX_AC_PARAMS) break;
    if (/^ac\.[\w.-]{1,64}$/.test(name) && typeof value === 'string') out[name] = value.slice(0, 1000);
  }
  return out;
}

/** A module iframe the product page asks the host bundle to create. */
export interface ViewSpec {
  app: string;
  moduleKey: string;
  url: string;
  context: Record<string, unknown>;
  container: string;
  height?: string;
  options?: Record<string, unknown>;
}

/** One module of one enabled app, with the type it was declared under. */
export interface Placed {
  installation: Installation;
  descriptor: Descriptor;
  type: string;
  declaration: ModuleDeclaration;
}

const CONNECT_VERSION = '1001.0.0-apbridge';

function projectId(key: string): string {
  return key === 'DEMO' ? '10000' : '';
}

/** Every context value this page knows; a module type's row says which of them its URL gets. */
function variables(ctx: PageContext, user: User): Record<ContextParam, string> {
  const projectKey = ctx.issue?.projectKey ?? ctx.projectKey ?? '';
  return {
    'issue.key': ctx.issue?.key ?? '',
    'issue.id': ctx.issue?.id ?? '',
    'issuetype.id': ctx.issue ? String(['Task', 'Bug', 'Story'].indexOf(ctx.issue.issueType) + 10_001) : '',
    'issuetype.name': ctx.issue?.issueType ?? '',
    'project.key': projectKey,
    'project.id': projectId(projectKey),
    'dashboard.id': ctx.dashboard?.id ?? '',
    'dashboardItem.id': ctx.dashboard?.itemId ?? '',
    'dashboardItem.key': ctx.dashboard?.itemKey ?? '',
    'dashboardItem.viewType': ctx.dashboard?.viewType ?? '',
    'postFunction.id': ctx.postFunction?.id ?? '',
    'postFunction.config': ctx.postFunction?.config ?? '',
    'user.accountId': user.accountId,
    'user.id': user.accountId,
  };
}

/** What `AP.context.getContext()` answers on this page, in Jira's shape. */
export function jiraContext(ctx: PageContext): Record<string, unknown> {
  const projectKey = ctx.issue?.projectKey ?? ctx.projectKey;
  return {
    jira: {
      ...(ctx.issue ? { issue: { key: ctx.issue.key, id: ctx.issue.id, issuetype: { name: ctx.issue.issueType } } } : {}),
      ...(projectKey ? { project: { key: projectKey, id: projectId(projectKey) } } : {}),
      ...(ctx.dashboard ? { dashboard: { id: ctx.dashboard.id }, dashboardItem: { id: ctx.dashboard.itemId, key: ctx.dashboard.itemKey, viewType: ctx.dashboard.viewType } } : {}),
    },
  };
}

/**
 * The iframe URL Connect builds: the module URL with context variables substituted, then `xdm_e`,
 * `xdm_c`, `cp`, `lic`, `cv`, `tz`, `loc`, and last `jwt`, whose `qsh` covers all of the above.
 */
export function moduleUrl(product: ProductInfo, placed: Omit<Placed, 'descriptor'>, ctx: PageContext, user: User, seconds?: number): string {
  const { installation, declaration } = placed;
  const descriptor = descriptorOf(installation);
  const known = new Set<string>(moduleType(placed.type)?.context ?? []);
  const vars: Record<string, string> = variables(ctx, user);
  const value = (name: string): string => (name.startsWith('ac.') ? (ctx.ac?.[name] ?? '') : known.has(name) ? (vars[name] ?? '') : '');
  const path = (declaration.url ?? '/').replace(/\{([\w.]+)\}/g, (_m, name: string) => encodeURIComponent(value(name)));
  return signedIframeUrl(product, installation, new URL(descriptor.baseUrl + path), declaration.key, user, seconds);
}

/**
 * Adds Connect's iframe parameters to an app URL (`xdm_e`, `xdm_c`, the product's context path as
 * `cp`, `lic`, `cv`, `tz`, `loc`), and last `jwt`, whose `qsh` covers all of them. Every product of
 * the simulator that signs as Atlassian Cloud does (Tracker, Wiki) builds its iframe URLs here.
 */
export function signedIframeUrl(product: ProductInfo, installation: Installation, url: URL, channel: string, user: User, seconds?: number): string {
  const params: Record<string, string> = {
    xdm_e: new URL(product.baseUrl).origin,
    xdm_c: `channel-${installation.key}__${channel}`,
    cp: product.contextPath,
    lic: installation.license,
    cv: CONNECT_VERSION,
    tz: user.timeZone,
    loc: user.locale,
  };
  for (const [name, v] of Object.entries(params)) url.searchParams.set(name, v);
  const token = signForApp({
    sharedSecret: installation.sharedSecret,
    clientKey: product.store.clientKey,
    accountId: user.accountId,
    request: { method: 'GET', url: url.href, appBaseUrl: descriptorOf(installation).baseUrl },
    ...(seconds ? { seconds } : {}),
  });
  url.searchParams.set('jwt', token);
  return url.href;
}

/**
 * The iframe's first height: the declaration's `layout.height` if it gives one, else the type's
 * default, else the host's. The app then sets its own (AP.resize or autoresize).
 */
function initialHeight(placed: Placed): string | undefined {
  const layout = placed.declaration.layout;
  const declared = layout && typeof layout === 'object' ? (layout as { height?: unknown }).height : undefined;
  if (typeof declared === 'string' || typeof declared === 'number') return String(declared);
  return moduleType(placed.type)?.height;
}

/** The view the page's host creates for a placed module inside `container`. */
export function viewSpec(product: ProductInfo, placed: Placed, ctx: PageContext, user: User, container: string, options?: Record<string, unknown>): ViewSpec {
  const height = initialHeight(placed);
  return {
    app: placed.installation.key,
    moduleKey: placed.declaration.key,
    url: moduleUrl(product, placed, ctx, user),
    context: jiraContext(ctx),
    container,
    ...(height ? { height } : {}),
    ...(options ? { options } : {}),
  };
}

/** A DOM id for a module's container that no app-chosen key can break out of. */
export function containerId(prefix: string, placed: Pick<Placed, 'installation' | 'declaration'>): string {
  return `${prefix}-${placed.installation.key}-${placed.declaration.key}`.replace(/[^\w-]/g, '_');
}

/** Enabled installations with their validated descriptors. */
export function enabledApps(product: ProductInfo): { installation: Installation; descriptor: Descriptor }[] {
  return product.store.installations().filter((i) => i.enabled).map((installation) => ({ installation, descriptor: descriptorOf(installation) }));
}

/** Every declared module of the given types across enabled apps, in install order. */
export function placedModules(product: ProductInfo, types: readonly string[]): Placed[] {
  return enabledApps(product).flatMap(({ installation, descriptor }) =>
    types.flatMap((type) => (descriptor.modules[type] ?? []).map((declaration) => ({ installation, descriptor, type, declaration }))),
  );
}

/** The placed modules of the given types whose conditions hold for this user on this page. */
export function visibleModules(product: ProductInfo, types: readonly string[], user: User, ctx: PageContext): Placed[] {
  return placedModules(product, types).filter((p) => !moduleType(p.type)?.conditions || conditionsHold(p.declaration, user, ctx));
}

/** One module of one enabled app, looked up among the given types. */
export function findModule(product: ProductInfo, types: readonly string[], appKey: string, moduleKey: string): Placed | undefined {
  return placedModules(product, types).find((p) => p.installation.key === appKey && p.declaration.key === moduleKey);
}

/**
 * The apps as the page's host registers them: descriptor modules in Connect's array form. Dialog URLs
 * stay unsigned here: the page's host asks `/simulator/module-url` for a freshly signed one when
 * `AP.dialog.create` opens the dialog (host option `resolveModuleUrl`).
 */
export function hostApps(product: ProductInfo): Record<string, unknown>[] {
  return enabledApps(product).map(({ installation, descriptor }) => {
    const modules: Record<string, unknown> = {};
    for (const [type, list] of Object.entries(descriptor.modules)) {
      if (type === 'webhooks') continue;
      modules[type] = list;
    }
    return { key: installation.key, name: descriptor.name, baseUrl: descriptor.baseUrl, modules };
  });
}
