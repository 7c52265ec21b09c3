/** A Connect descriptor, validated: only what the simulator reads, with the rest kept as is. */
export interface Descriptor {
  key: string;
  name: string;
  baseUrl: string;
  scopes: Scope[];
  lifecycle: Partial<Record<LifecycleEvent, string>>;
  modules: Record<string, ModuleDeclaration[]>;
  signedInstall: boolean;
  raw: Record<string, unknown>;
}

export interface ModuleDeclaration {
  key: string;
  name: string;
  url?: string;
  location?: string;
  event?: string;
  [field: string]: unknown;
}

export const SCOPES = ['READ', 'WRITE', 'DELETE', 'PROJECT_ADMIN', 'ADMIN', 'ACT_AS_USER', 'ACCESS_EMAIL_ADDRESSES'] as const;
export type Scope = (typeof SCOPES)[number];
export type LifecycleEvent = 'installed' | 'uninstalled' | 'enabled' | 'disabled';

/** The products an app can be installed into. */
export type ProductType = 'jira' | 'confluence';

/** Module types Connect accepts in every product. */
const SHARED_TYPES = ['generalPages', 'webPanels', 'dialogs', 'adminPages', 'webhooks', 'webItems', 'webSections', 'configurePage', 'postInstallPage'];

/** Module types only Confluence accepts: a descriptor declaring one installs into Confluence. */
export const CONFLUENCE_TYPES: ReadonlySet<string> = new Set([
  'dynamicContentMacros', 'staticContentMacros', 'contentBylineItems', 'confluenceContentProperties',
  'blueprints', 'customContent', 'spaceToolsTabs', 'profilePages', 'keyboardShortcuts', 'confluenceThemes',
]);

const MACRO_TYPES: ReadonlySet<string> = new Set(['dynamicContentMacros', 'staticContentMacros']);

/**
 * Module types only Jira accepts (Jira platform, Jira Software's DevOps providers, Jira Service
 * Management's customer portal and agent view). A type missing
 * here fails the install as unknown, as it does in Connect, so every type real apps declare is listed,
 * rendered or not (the Manage apps page names those the tracker only stores).
 */
const JIRA_TYPES = new Set([
  'jiraIssueGlances', 'jiraIssueContents', 'jiraProjectPages',
  'jiraProjectAdminTabPanels', 'jiraIssueTabPanels', 'jiraDashboardItems', 'jiraEntityProperties',
  'jiraIssueFields', 'jiraWorkflowPostFunctions', 'jiraWorkflowValidators', 'jiraWorkflowConditions',
  'jiraSearchRequestViews', 'jiraReports', 'jiraBackgroundScripts', 'jiraKeyboardShortcuts',
  'jiraProjectTabPanels', 'jiraProfileTabPanels', 'jiraGlobalPermissions', 'jiraProjectPermissions',
  'jiraTimeTrackingProviders', 'jiraDevelopmentTool', 'jiraBuildInfoProvider', 'jiraDeploymentInfoProvider',
  'jiraFeatureFlagInfoProvider', 'jiraRemoteLinkInfoProvider', 'jiraSecurityInfoProvider',
  'serviceDeskPortalHeaders', 'serviceDeskPortalSubHeaders', 'serviceDeskPortalFooters',
  'serviceDeskPortalRequestViewPanels', 'serviceDeskPortalRequestViewDetailsPanels', 'serviceDeskPortalRequestViewActions',
  'serviceDeskPortalRequestCreatePropertyPanels', 'serviceDeskPortalUserMenuActions', 'serviceDeskPortalProfilePanels',
  'serviceDeskQueueGroups', 'serviceDeskQueues', 'serviceDeskReportGroups', 'serviceDeskReports', 'serviceDeskOrganizationPanels',
]);
const MODULE_TYPES = new Set([...SHARED_TYPES, ...JIRA_TYPES, ...CONFLUENCE_TYPES]);

/** The product a descriptor is written for: Confluence when it declares a Confluence-only module type. */
export function productTypeOf(descriptor: Pick<Descriptor, 'modules'>): ProductType {
  return Object.keys(descriptor.modules).some((type) => CONFLUENCE_TYPES.has(type)) ? 'confluence' : 'jira';
}
const KEY = /^[a-zA-Z0-9._-]{1,64}$/;
const MODULE_KEY = /^[a-zA-Z0-9-]{1,100}$/;

/** Every problem found in a descriptor, each led by its JSON path (`$.modules.webPanels[0].key: ...`), so the admin sees them all at once. */
export class DescriptorError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid descriptor: ${problems.join('; ')}`);
    this.problems = problems;
  }
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string') {
    return (value as { value: string }).value;
  }
  return undefined;
}

/** Checks a parsed `atlassian-connect.json` and returns what the simulator needs from it. */
export function validateDescriptor(input: unknown): Descriptor {
  const problems: string[] = [];
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new DescriptorError(['$: the descriptor is not a JSON object']);
  const raw = input as Record<string, unknown>;
  const key = typeof raw.key === 'string' ? raw.key : '';
  if (!key) problems.push('$.key: missing');
  else if (!KEY.test(key)) problems.push(`$.key: must be 1-64 letters, digits, ".", "_" or "-" (got "${key}")`);
  let baseUrl = '';
  if (typeof raw.baseUrl !== 'string' || !raw.baseUrl) problems.push('$.baseUrl: missing');
  else {
    try {
      const url = new URL(raw.baseUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push('$.baseUrl: must be an http(s) URL');
      baseUrl = url.href.replace(/\/$/, '');
    } catch {
      problems.push(`$.baseUrl: not a URL ("${raw.baseUrl}")`);
    }
  }
  const scopes: Scope[] = [];
  if (raw.scopes !== undefined && !Array.isArray(raw.scopes)) problems.push('$.scopes: must be an array');
  for (const [index, scope] of (Array.isArray(raw.scopes) ? raw.scopes : []).entries()) {
    const upper = typeof scope === 'string' ? scope.toUpperCase() : '';
    if ((SCOPES as readonly string[]).includes(upper)) scopes.push(upper as Scope);
    else problems.push(`$.scopes[${index}]: unknown scope ${JSON.stringify(scope)} (expected one of ${SCOPES.join(', ')})`);
  }
  const lifecycle: Descriptor['lifecycle'] = {};
  const rawLifecycle = (raw.lifecycle ?? {}) as Record<string, unknown>;
  for (const event of ['installed', 'uninstalled', 'enabled', 'disabled'] as const) {
    const url = rawLifecycle[event];
    if (url === undefined) continue;
    if (typeof url !== 'string' || !url.startsWith('/')) problems.push(`$.lifecycle.${event}: must be a path starting with "/"`);
    else lifecycle[event] = url;
  }
  const modules: Record<string, ModuleDeclaration[]> = {};
  const rawModules = raw.modules ?? {};
  if (typeof rawModules !== 'object' || Array.isArray(rawModules)) problems.push('$.modules: must be an object');
  for (const [type, value] of Object.entries(rawModules as Record<string, unknown>)) {
    if (!MODULE_TYPES.has(type)) {
      problems.push(`$.modules.${type}: unknown module type`);
      continue;
    }
    const list = Array.isArray(value) ? value : [value];
    modules[type] = [];
    list.forEach((entry: unknown, index) => {
      if (!entry || typeof entry !== 'object') {
        problems.push(`$.modules.${type}[${index}]: not an object`);
        return;
      }
      const declaration = entry as Record<string, unknown>;
      const moduleKey = typeof declaration.key === 'string' ? declaration.key : type === 'webhooks' ? `webhook-${index}` : '';
      if (!MODULE_KEY.test(moduleKey)) problems.push(`$.modules.${type}[${index}].key: needs letters, digits and "-"`);
      if (declaration.url !== undefined && typeof declaration.url !== 'string') problems.push(`$.modules.${type}[${index}].url: must be a string`);
      if (type === 'webhooks' && typeof declaration.event !== 'string') problems.push(`$.modules.webhooks[${index}].event: missing`);
      if (type === 'jiraWorkflowPostFunctions') {
        for (const page of ['create', 'edit', 'view', 'triggered']) {
          const value = declaration[page] as { url?: unknown } | undefined;
          const valid = value !== undefined && typeof value === 'object' && value !== null && typeof value.url === 'string' && value.url.startsWith('/');
          if ((value !== undefined || page === 'triggered') && !valid) problems.push(`$.modules.${type}[${index}].${page}.url: ${value === undefined ? 'missing' : 'must be a path starting with "/"'}`);
        }
      }
      if (MACRO_TYPES.has(type) || type === 'contentBylineItems') {
        if (typeof declaration.url !== 'string') problems.push(`$.modules.${type}[${index}].url: missing`);
        const editor = declaration.editor as { url?: unknown } | undefined;
        if (editor !== undefined && (typeof editor !== 'object' || editor === null || typeof editor.url !== 'string')) problems.push(`$.modules.${type}[${index}].editor.url: missing`);
        if (declaration.parameters !== undefined && (!Array.isArray(declaration.parameters) || declaration.parameters.some((p: unknown) => typeof (p as { identifier?: unknown } | null)?.identifier !== 'string'))) {
          problems.push(`$.modules.${type}[${index}].parameters: must be a list of { identifier, type }`);
        }
      }
      modules[type]!.push({ ...declaration, key: moduleKey, name: text(declaration.name) ?? moduleKey });
    });
  }
  const types = Object.keys(modules);
  const jiraOnly = types.filter((t) => JIRA_TYPES.has(t));
  const confluenceOnly = types.filter((t) => CONFLUENCE_TYPES.has(t));
  if (jiraOnly.length && confluenceOnly.length) {
    problems.push(`the descriptor mixes Jira modules (${jiraOnly.join(', ')}) and Confluence modules (${confluenceOnly.join(', ')}); a Connect app is written for one product`);
  }
  const migrations = (raw.apiMigrations ?? {}) as Record<string, unknown>;
  if (problems.length > 0) throw new DescriptorError(problems);
  return { key, name: text(raw.name) ?? key, baseUrl, scopes, lifecycle, modules, signedInstall: migrations['signed-install'] === true, raw };
}
