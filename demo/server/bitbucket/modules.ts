import type { ViewSpec } from '../modules.js';
import { signForApp } from '../jwt.js';
import type { User } from '../store.js';
import type { BitbucketModule } from './descriptor.js';
import { descriptorOfInstall, type BitbucketInstallation, type CodeProduct } from './install.js';
import { REPO, WORKSPACE, bitbucketUser, type Commit } from './repo.js';

/** Where a module is shown: the repository, and for file views the file at a commit. */
export interface CodeContext {
  user: User;
  file?: { path: string; commit: Commit };
}

/**
 * Bitbucket's context parameters: the legacy names (`repo_uuid`, `repo_path`, `user_uuid`…) and the
 * dotted ones (`repository.uuid`, `repository.full_name`, `user.uuid`, `file.path`…). Unknown names
 * become empty, as in Connect.
 */
export function codeVariables(ctx: CodeContext): Record<string, string> {
  const userUuid = String(bitbucketUser(ctx.user).uuid);
  const vars: Record<string, string> = {
    repo_uuid: REPO.uuid,
    repo_path: REPO.fullName,
    repo_name: REPO.name,
    repo_owner_uuid: WORKSPACE.uuid,
    user_uuid: userUuid,
    user_username: ctx.user.name,
    'repository.uuid': REPO.uuid,
    'repository.full_name': REPO.fullName,
    'repository.name': REPO.name,
    'repository.owner.uuid': WORKSPACE.uuid,
    'workspace.uuid': WORKSPACE.uuid,
    'workspace.slug': WORKSPACE.slug,
    'user.uuid': userUuid,
    'user.username': ctx.user.name,
  };
  if (ctx.file) {
    Object.assign(vars, {
      'file.path': ctx.file.path,
      'file.name': ctx.file.path.split('/').pop() ?? '',
      'file.commit.hash': ctx.file.commit.hash,
      file_path: ctx.file.path,
      file_cset: ctx.file.commit.hash,
    });
  }
  return vars;
}

/** What `AP.context.getContext()` answers in Acme Code. */
export function codeContext(ctx: CodeContext): Record<string, unknown> {
  return {
    repository: { uuid: REPO.uuid, full_name: REPO.fullName, name: REPO.name },
    workspace: { uuid: WORKSPACE.uuid, slug: WORKSPACE.slug },
    ...(ctx.file ? { file: { path: ctx.file.path, commit: { hash: ctx.file.commit.hash } } } : {}),
  };
}

/** The iframe URL: context parameters substituted, `xdm_e`, then a `jwt` (iss = clientKey, sub = the user's uuid) over it all. */
export function codeModuleUrl(code: CodeProduct, installation: BitbucketInstallation, module: BitbucketModule, ctx: CodeContext): string {
  const descriptor = descriptorOfInstall(installation);
  const vars = codeVariables(ctx);
  const path = module.url.replace(/\{([\w.]+)\}/g, (_m, name: string) => encodeURIComponent(Object.hasOwn(vars, name) ? vars[name]! : ''));
  const url = new URL(descriptor.baseUrl + path);
  url.searchParams.set('xdm_e', new URL(code.baseUrl).origin);
  url.searchParams.set('xdm_c', `channel-${installation.key}__${module.key}`);
  const token = signForApp({
    sharedSecret: installation.sharedSecret,
    clientKey: installation.clientKey,
    accountId: String(bitbucketUser(ctx.user).uuid),
    request: { method: 'GET', url: url.href, appBaseUrl: descriptor.baseUrl },
  });
  url.searchParams.set('jwt', token);
  return url.href;
}

/** One module of an installed app, with the app it belongs to. */
export interface CodeModule {
  installation: BitbucketInstallation;
  appName: string;
  type: string;
  module: BitbucketModule;
}

/** Every installed module of `type` (optionally at `location`), in install order. */
export function codeModules(code: CodeProduct, type: string, location?: string): CodeModule[] {
  return code.store.installations().flatMap((installation) => {
    const descriptor = descriptorOfInstall(installation);
    return (descriptor.modules[type] ?? [])
      .filter((module) => location === undefined || (module.location ?? defaultLocation(type)) === location)
      .map((module) => ({ installation, appName: descriptor.name, type, module }));
  });
}

function defaultLocation(type: string): string {
  return type === 'webPanels' ? 'org.bitbucket.repository.overview.informationPanel' : 'org.bitbucket.repository.navigation';
}

export function codeViewSpec(code: CodeProduct, m: CodeModule, ctx: CodeContext, container: string, options?: Record<string, unknown>): ViewSpec {
  return {
    app: m.installation.key,
    moduleKey: m.module.key,
    url: codeModuleUrl(code, m.installation, m.module, ctx),
    context: codeContext(ctx),
    container,
    height: m.type === 'webPanels' ? '120px' : '240px',
    ...(options ? { options } : {}),
  };
}
