/**
 * The one table of Connect module types the simulator knows: where Jira renders each, which context
 * parameters its URL may name, and whether its `conditions` are evaluated. The page routes read it;
 * adding a module type is one row here plus the page (or page region) that shows it.
 */

/** A context parameter an app's URL template may name, e.g. `/panel?issue={issue.key}`. */
export type ContextParam =
  | 'issue.key' | 'issue.id' | 'issuetype.id' | 'issuetype.name'
  | 'project.key' | 'project.id'
  | 'dashboard.id' | 'dashboardItem.id' | 'dashboardItem.key' | 'dashboardItem.viewType'
  | 'postFunction.id' | 'postFunction.config'
  | 'user.accountId' | 'user.id';

/** A product page that shows one module full-page; `:app` and `:module` name it. */
export type PageRoute = 'general' | 'admin' | 'project' | 'projectAdmin';

/** Each full-page route: its URL pattern (Express syntax), its nav item, and whether only admins see it. */
export const PAGE_ROUTES: Record<PageRoute, { path: string; active: string; adminOnly: boolean }> = {
  general: { path: '/plugins/servlet/ac/:app/:module', active: 'apps', adminOnly: false },
  admin: { path: '/admin/apps/:app/:module', active: 'admin', adminOnly: true },
  project: { path: '/projects/DEMO/apps/:app/:module', active: 'project', adminOnly: false },
  projectAdmin: { path: '/projects/DEMO/settings/apps/:app/:module', active: 'project-settings', adminOnly: true },
};

/** The address of one full-page module. */
export function pagePath(route: PageRoute, app: string, module: string): string {
  return PAGE_ROUTES[route].path.replace(':app', encodeURIComponent(app)).replace(':module', encodeURIComponent(module));
}

export interface ModuleType {
  /** Where Jira shows it, in words (the Apps admin page and the README say the same). */
  renders: string;
  /** Set for full-page modules: the route that shows one of them. */
  page?: PageRoute;
  /** Set for modules shown inside the issue page. */
  issueRegion?: 'panel' | 'content' | 'glance' | 'tab' | 'background';
  /** The context parameters its URL is given; any other `{name}` becomes empty, as in Connect. */
  context: readonly ContextParam[];
  /** Whether the module's `conditions` decide if it is shown. */
  conditions: boolean;
  /** Set for dashboard items. */
  dashboard?: boolean;
  /** Set for workflow post functions. */
  workflow?: boolean;
  /** Set for web items: a link whose target (page, dialog, inline dialog) shows the app. */
  webItem?: boolean;
  /** The initial iframe height when neither the declaration nor the app says otherwise. */
  height?: string;
}

const USER: readonly ContextParam[] = ['user.accountId', 'user.id'];
const PROJECT: readonly ContextParam[] = ['project.key', 'project.id', ...USER];
const ISSUE: readonly ContextParam[] = ['issue.key', 'issue.id', 'issuetype.id', 'issuetype.name', ...PROJECT];
const DASHBOARD: readonly ContextParam[] = ['dashboard.id', 'dashboardItem.id', 'dashboardItem.key', 'dashboardItem.viewType', ...USER];
const POST_FUNCTION: readonly ContextParam[] = ['postFunction.id', 'postFunction.config', ...USER];

/** Rendered module types. Types a descriptor may declare but that have no face live in `UNRENDERED`. */
export const MODULE_TYPES = {
  generalPages: { renders: 'Apps menu and project sidebar; page /plugins/servlet/ac/<app>/<module>', page: 'general', context: PROJECT, conditions: true },
  adminPages: { renders: 'Settings sidebar; page /admin/apps/<app>/<module>', page: 'admin', context: USER, conditions: true },
  configurePage: { renders: '"Configure" on the Manage apps page; page /admin/apps/<app>/<module>', page: 'admin', context: USER, conditions: false },
  postInstallPage: { renders: '"Get started" after install on the Manage apps page; page /admin/apps/<app>/<module>', page: 'admin', context: USER, conditions: false },
  jiraProjectPages: { renders: 'Project sidebar; page /projects/DEMO/apps/<app>/<module>', page: 'project', context: PROJECT, conditions: true },
  jiraReports: { renders: 'Project sidebar, under Reports; page /projects/DEMO/apps/<app>/<module>', page: 'project', context: PROJECT, conditions: true },
  jiraProjectAdminTabPanels: { renders: 'Project settings sidebar; page /projects/DEMO/settings/apps/<app>/<module>', page: 'projectAdmin', context: PROJECT, conditions: true },
  webPanels: { renders: 'Issue page, right or left column (atl.jira.view.issue.right.context / left.context)', issueRegion: 'panel', context: ISSUE, conditions: true, height: '120px' },
  jiraIssueGlances: { renders: 'Issue page: a glance button in the right column that opens its panel', issueRegion: 'glance', context: ISSUE, conditions: true, height: '160px' },
  jiraIssueContents: { renders: 'Issue page: a button under the summary that adds its content below the description', issueRegion: 'content', context: ISSUE, conditions: true, height: '120px' },
  jiraBackgroundScripts: { renders: 'Issue page: a hidden iframe each, loaded with the page', issueRegion: 'background', context: ISSUE, conditions: true },
  jiraIssueTabPanels: { renders: 'Issue page: a tab in the Activity area', issueRegion: 'tab', context: ISSUE, conditions: true, height: '120px' },
  jiraDashboardItems: { renders: 'Dashboard /jira/dashboards/10000: one item each, view and edit modes', dashboard: true, context: DASHBOARD, conditions: true, height: '160px' },
  jiraWorkflowPostFunctions: { renders: 'Workflows /admin/workflows: added to a transition of the Demo workflow with its create page, shown with its view page, changed with its edit page; its triggered URL is called when an issue takes the transition', workflow: true, context: POST_FUNCTION, conditions: false, height: '80px' },
  webItems: { renders: 'Links and buttons at operations-top-level (issue page), opsbar-operations and webSections (issue actions menu), system.top.navigation.bar (top bar), jira.project.sidebar.plugins.navigation (project sidebar); target page, dialog or inlinedialog', page: 'general', webItem: true, context: ISSUE, conditions: true },
  webSections: { renders: 'Headed groups of web items in the issue actions menu (location opsbar-operations)', context: [], conditions: true },
  dialogs: { renders: 'Dialog opened by AP.dialog.create or a web item with target dialog', context: ISSUE, conditions: false },
} as const satisfies Record<string, ModuleType>;

export type RenderedType = keyof typeof MODULE_TYPES;

/** Declared, validated and handled, but with no iframe of their own (issue fields show as values). */
export const UNRENDERED = ['webhooks', 'jiraEntityProperties', 'jiraIssueFields'] as const;

export function moduleType(type: string): ModuleType | undefined {
  return (MODULE_TYPES as Record<string, ModuleType>)[type];
}

/** The module types a Jira descriptor declares that the tracker neither renders nor handles. */
export function unrenderedJiraTypes(modules: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(modules).filter((type) => !moduleType(type) && !(UNRENDERED as readonly string[]).includes(type));
}

/** The module types shown full-page on `route`. */
export function typesOnPage(route: PageRoute): string[] {
  return Object.entries(MODULE_TYPES as Record<string, ModuleType>).filter(([, row]) => row.page === route).map(([type]) => type);
}

/** The module types shown in one region of the issue page. */
export function typesInIssueRegion(region: NonNullable<ModuleType['issueRegion']>): string[] {
  return Object.entries(MODULE_TYPES as Record<string, ModuleType>).filter(([, row]) => row.issueRegion === region).map(([type]) => type);
}
