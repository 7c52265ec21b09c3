import { descriptorOf, type ProductInfo } from './install.js';
import { signForApp } from './jwt.js';
import type { Installation, Issue, User } from './store.js';
import type { ModuleDeclaration } from './descriptor.js';

/** Where a page is, in Connect's terms: `{issue.key}`, `{project.key}` and friends come from here. */
export interface PageContext {
  issue?: Issue;
  projectKey?: string;
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

const CONNECT_VERSION = '1001.0.0-apbridge';

function variables(ctx: PageContext, user: User): Record<string, string> {
  const projectKey = ctx.issue?.projectKey ?? ctx.projectKey ?? '';
  return {
    'issue.key': ctx.issue?.key ?? '',
    'issue.id': ctx.issue?.id ?? '',
    'issuetype.name': ctx.issue?.issueType ?? '',
    'project.key': projectKey,
    'project.id': projectKey === 'DEMO' ? '10000' : '',
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
      ...(projectKey ? { project: { key: projectKey, id: projectKey === 'DEMO' ? '10000' : '' } } : {}),
    },
  };
}

/**
 * The iframe URL Connect builds: the module URL with context variables substituted, then `xdm_e`,
 * `xdm_c`, `cp`, `lic`, `cv`, `tz`, `loc`, and last `jwt`, whose `qsh` covers all of the above.
 */
export function moduleUrl(
  product: ProductInfo,
  installation: Installation,
  declaration: ModuleDeclaration,
  ctx: PageContext,
  user: User,
  seconds?: number,
): string {
  const descriptor = descriptorOf(installation);
  const vars = variables(ctx, user);
  const path = (declaration.url ?? '/').replace(/\{([\w.]+)\}/g, (_m, name: string) => encodeURIComponent(vars[name] ?? ''));
  const url = new URL(descriptor.baseUrl + path);
  const params: Record<string, string> = {
    xdm_e: new URL(product.baseUrl).origin,
    xdm_c: `channel-${installation.key}__${declaration.key}`,
    cp: '',
    lic: installation.license,
    cv: CONNECT_VERSION,
    tz: user.timeZone,
    loc: user.locale,
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const token = signForApp({
    sharedSecret: installation.sharedSecret,
    clientKey: product.store.clientKey,
    accountId: user.accountId,
    request: { method: 'GET', url: url.href, appBaseUrl: descriptor.baseUrl },
    ...(seconds ? { seconds } : {}),
  });
  url.searchParams.set('jwt', token);
  return url.href;
}

/** Enabled installations with their validated descriptors. */
export function enabledApps(product: ProductInfo): { installation: Installation; descriptor: ReturnType<typeof descriptorOf> }[] {
  return product.store.installations().filter((i) => i.enabled).map((installation) => ({ installation, descriptor: descriptorOf(installation) }));
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
