/**
 * Bitbucket Cloud app descriptors: the module types Acme Code renders, Bitbucket's scopes and
 * contexts. Jira's validator (../descriptor.ts) knows Jira's types and scopes; this one Bitbucket's.
 */

export interface BitbucketModule {
  key: string;
  name: string;
  url: string;
  location?: string;
  [field: string]: unknown;
}

export interface BitbucketDescriptor {
  key: string;
  name: string;
  baseUrl: string;
  scopes: string[];
  contexts: string[];
  lifecycle: { installed?: string; uninstalled?: string };
  modules: Record<string, BitbucketModule[]>;
  webhooks: { event: string; url: string }[];
  raw: Record<string, unknown>;
}

/** The module types Acme Code shows, where, and the default location of each. */
export const BITBUCKET_MODULE_TYPES = {
  repoPages: 'a page in the repository sidebar; /bitbucket/demo/hello/addon/<app>/<module>',
  webPanels: 'repository overview, information panel (org.bitbucket.repository.overview.informationPanel)',
  webItems: 'links in the repository sidebar (org.bitbucket.repository.navigation) or its actions (org.bitbucket.repository.actions)',
  fileViews: 'a "View with" choice on a file page (/bitbucket/demo/hello/src/<commit>/<path>)',
} as const;

/** Bitbucket Connect scopes (lower case, as Bitbucket spells them). */
export const BITBUCKET_SCOPES = ['account', 'account:write', 'repository', 'repository:write', 'repository:admin', 'pullrequest', 'pullrequest:write', 'issue', 'issue:write', 'wiki', 'webhook', 'team', 'team:write', 'email'] as const;

export class BitbucketDescriptorError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid Bitbucket descriptor: ${problems.join('; ')}`);
  }
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string') return (value as { value: string }).value;
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates a Bitbucket descriptor; every problem is listed. */
export function validateBitbucketDescriptor(input: unknown): BitbucketDescriptor {
  if (!isRecord(input)) throw new BitbucketDescriptorError(['the descriptor must be a JSON object']);
  const problems: string[] = [];
  const key = typeof input.key === 'string' && /^[\w.-]{1,64}$/.test(input.key) ? input.key : '';
  if (!key) problems.push('"key" must be 1-64 letters, digits, ".", "_" or "-"');
  let baseUrl = '';
  try {
    const url = new URL(String(input.baseUrl));
    if (url.protocol === 'http:' || url.protocol === 'https:') baseUrl = url.href.replace(/\/$/, '');
    else problems.push('"baseUrl" must be http(s)');
  } catch {
    problems.push('"baseUrl" must be an absolute URL');
  }
  if (!isRecord(input.authentication) || input.authentication.type !== 'jwt') problems.push('"authentication" must be { "type": "jwt" }');
  const scopes = Array.isArray(input.scopes) ? input.scopes.filter((s): s is string => typeof s === 'string') : [];
  for (const scope of scopes) if (!(BITBUCKET_SCOPES as readonly string[]).includes(scope)) problems.push(`unknown scope "${scope}" (Bitbucket scopes are ${BITBUCKET_SCOPES.join(', ')})`);
  const contexts = Array.isArray(input.contexts) ? input.contexts.filter((s): s is string => typeof s === 'string') : ['account'];
  for (const c of contexts) if (c !== 'account' && c !== 'personal') problems.push(`unknown context "${c}" (account or personal)`);
  const lifecycle = isRecord(input.lifecycle) ? input.lifecycle : {};
  const rawModules = isRecord(input.modules) ? input.modules : {};
  const modules: Record<string, BitbucketModule[]> = {};
  const webhooks: { event: string; url: string }[] = [];
  for (const [type, value] of Object.entries(rawModules)) {
    const list = Array.isArray(value) ? value : [value];
    if (type === 'webhooks') {
      list.forEach((hook, i) => {
        if (isRecord(hook) && typeof hook.event === 'string' && typeof hook.url === 'string') webhooks.push({ event: hook.event, url: hook.url });
        else problems.push(`webhooks[${i}] needs "event" and "url"`);
      });
      continue;
    }
    if (!(type in BITBUCKET_MODULE_TYPES)) {
      problems.push(`module type "${type}" is not one Acme Code renders (${Object.keys(BITBUCKET_MODULE_TYPES).join(', ')}, webhooks)`);
      continue;
    }
    modules[type] = list.flatMap((entry, i) => {
      const name = isRecord(entry) ? text(entry.name) : undefined;
      if (!isRecord(entry) || typeof entry.key !== 'string' || !/^[\w-]{1,100}$/.test(entry.key) || typeof entry.url !== 'string' || !name) {
        problems.push(`${type}[${i}] needs "key", "name" and "url"`);
        return [];
      }
      return [{ ...entry, key: entry.key, name, url: entry.url }];
    });
  }
  if (problems.length) throw new BitbucketDescriptorError(problems);
  return {
    key,
    name: text(input.name) ?? key,
    baseUrl,
    scopes,
    contexts,
    lifecycle: { ...(typeof lifecycle.installed === 'string' ? { installed: lifecycle.installed } : {}), ...(typeof lifecycle.uninstalled === 'string' ? { uninstalled: lifecycle.uninstalled } : {}) },
    modules,
    webhooks,
    raw: input,
  };
}
