/** The sample app's descriptor: one of every module type the simulator renders, and webhooks. */
export function sampleDescriptor(baseUrl: string): Record<string, unknown> {
  return {
    key: 'acme-sample',
    name: 'Sample App',
    description: 'Uses every AP module through apbridge.',
    vendor: { name: 'apbridge', url: 'https://github.com/apbridge' },
    baseUrl,
    authentication: { type: 'jwt' },
    apiMigrations: { 'signed-install': true, gdpr: true },
    lifecycle: { installed: '/installed', uninstalled: '/uninstalled', enabled: '/enabled', disabled: '/disabled' },
    scopes: ['READ', 'WRITE', 'DELETE'],
    modules: {
      generalPages: [
        { key: 'sample-page', name: { value: 'Sample App' }, url: '/page?project={project.key}', location: 'system.top.navigation.bar' },
        // Hidden (location none): opened by a web item with context "product", as apps open their own pages.
        { key: 'sample-hidden', name: { value: 'Sample hidden page' }, url: '/m/hidden?from={ac.from}&project={project.key}', location: 'none' },
      ],
      adminPages: [{ key: 'sample-admin', name: { value: 'Sample admin' }, url: '/m/admin' }],
      configurePage: { key: 'sample-configure', name: { value: 'Configure Sample App' }, url: '/m/configure' },
      postInstallPage: { key: 'sample-get-started', name: { value: 'Get started' }, url: '/m/post-install' },
      jiraReports: [{ key: 'sample-report', name: { value: 'Sample report' }, description: { value: 'Issues by status' }, url: '/m/report?project={project.key}&projectId={project.id}', reportCategory: 'issue_analysis', thumbnailUrl: '/static/icon.svg' }],
      jiraProjectPages: [{ key: 'sample-project-page', name: { value: 'Sample project page' }, url: '/m/project-page?project={project.key}&projectId={project.id}' }],
      jiraProjectAdminTabPanels: [{ key: 'sample-project-settings', name: { value: 'Sample settings' }, url: '/m/project-admin?project={project.key}', location: 'projectgroup4' }],
      webPanels: [{ key: 'sample-panel', name: { value: 'Sample panel' }, url: '/panel?issueKey={issue.key}', location: 'atl.jira.view.issue.right.context' }],
      jiraIssueGlances: [{
        key: 'sample-glance', name: { value: 'Sample glance' }, url: '/m/glance?issue={issue.key}&issueId={issue.id}',
        content: { type: 'label', label: { value: '3 notes' } }, icon: { width: 24, height: 24, url: '/static/icon.svg' }, target: { type: 'issue_glance' },
        conditions: [{ condition: 'user_is_logged_in' }],
      }],
      jiraIssueContents: [{
        key: 'sample-content', name: { value: 'Sample content' }, url: '/m/content?issue={issue.key}&type={issuetype.name}',
        icon: { width: 24, height: 24, url: '/static/icon.svg' }, tooltip: { value: 'Add sample content' }, target: { type: 'issue_content' },
      }],
      jiraBackgroundScripts: [{ key: 'sample-background', url: '/m/background?issue={issue.key}' }],
      jiraIssueTabPanels: [{ key: 'sample-tab', name: { value: 'Sample tab' }, url: '/m/tab?issue={issue.key}&project={project.key}' }],
      jiraDashboardItems: [{
        key: 'sample-gadget', name: { value: 'Sample gadget' }, description: { value: 'Shows its dashboard context' },
        url: '/m/dashboard-item?dashboard={dashboard.id}&item={dashboardItem.id}&itemKey={dashboardItem.key}',
        thumbnailUrl: '/static/icon.svg', configurable: true,
      }],
      webSections: [{ key: 'sample-section', location: 'opsbar-operations', name: { value: 'Sample App' } }],
      webItems: [
        { key: 'sample-action', location: 'operations-top-level', name: { value: 'Sample action' }, url: '/m/web-item-dialog?issue={issue.key}', target: { type: 'dialog', options: { size: 'medium', header: { value: 'Sample action' } } } },
        { key: 'sample-inline', location: 'sample-section', name: { value: 'Sample inline' }, url: '/m/inline?issue={issue.key}', target: { type: 'inlinedialog' } },
        { key: 'sample-priority', location: 'sample-section', name: { value: 'Set priority (dialog module)' }, url: '/dialog', target: { type: 'dialog', options: { key: 'sample-dialog' } } },
        { key: 'sample-admin-action', location: 'operations-top-level', name: { value: 'Admins only action' }, url: '/m/admin-action?issue={issue.key}', conditions: [{ condition: 'user_is_admin' }] },
        { key: 'sample-user-action', location: 'operations-top-level', name: { value: 'Non-admins action' }, url: '/m/user-action?issue={issue.key}', conditions: [{ condition: 'user_is_admin', invert: true }] },
        { key: 'sample-top', location: 'system.top.navigation.bar', name: { value: 'Sample top link' }, url: '/plugins/servlet/ac/acme-sample/sample-hidden?ac.from=top', context: 'product' },
        { key: 'sample-sidebar', location: 'jira.project.sidebar.plugins.navigation', name: { value: 'Sample sidebar link' }, url: '/m/sidebar?project={project.key}', target: { type: 'page' } },
      ],
      dialogs: [{ key: 'sample-dialog', url: '/dialog', options: { chrome: true, header: { value: 'Set a priority' }, size: 'medium' } }],
      jiraIssueFields: [{ key: 'sample-score', name: { value: 'Sample score' }, description: { value: 'A number the app sets' }, type: 'number' }],
      jiraWorkflowPostFunctions: [{
        key: 'sample-post-function', name: { value: 'Sample post function' }, description: { value: 'Tells the app which issue took the transition' },
        create: { url: '/m/post-function-create' },
        edit: { url: '/m/post-function-edit?id={postFunction.id}&config={postFunction.config}' },
        view: { url: '/m/post-function-view?config={postFunction.config}' },
        triggered: { url: '/post-function/triggered' },
      }],
      jiraEntityProperties: [{
        key: 'sample-properties', name: { value: 'Sample properties' }, entityType: 'issue',
        keyConfigurations: [{ propertyKey: 'sample', extractions: [{ objectName: 'score', type: 'number' }] }],
      }],
      webhooks: [
        { event: 'jira:issue_created', url: '/webhook/created' },
        { event: 'jira:issue_updated', url: '/webhook/updated' },
        { event: 'jira:issue_updated', url: '/webhook/updated-bug', filter: 'issuetype = Bug' },
        { event: 'jira:issue_deleted', url: '/webhook/deleted' },
        { event: 'comment_created', url: '/webhook/comment-created' },
        { event: 'comment_updated', url: '/webhook/comment-updated', excludeBody: true },
      ],
    },
  };
}

/** A second, read-only app served from the same server, for installing by URL and scope refusals. */
export function readerDescriptor(baseUrl: string): Record<string, unknown> {
  return {
    key: 'acme-reader',
    name: 'Reader (read-only)',
    baseUrl,
    authentication: { type: 'jwt' },
    apiMigrations: { 'signed-install': true },
    lifecycle: { installed: '/installed', uninstalled: '/uninstalled' },
    scopes: ['READ'],
    modules: {
      generalPages: [{ key: 'reader-page', name: { value: 'Reader' }, url: '/page' }],
    },
  };
}

/**
 * The sample app's Confluence part, installed into Acme Wiki: a dynamic macro with an editor and a
 * plain-text body, a static macro with a rich-text body and one parameter of every type (edited with
 * the form the wiki generates), a byline item, content properties, a general page and page webhooks.
 */
export function wikiDescriptor(baseUrl: string): Record<string, unknown> {
  return {
    key: 'acme-macros',
    name: 'Sample Macros',
    description: 'Confluence macros, a byline item and content properties through apbridge.',
    vendor: { name: 'apbridge', url: 'https://github.com/apbridge' },
    baseUrl,
    authentication: { type: 'jwt' },
    apiMigrations: { 'signed-install': true, gdpr: true },
    lifecycle: { installed: '/installed', uninstalled: '/uninstalled', enabled: '/enabled', disabled: '/disabled' },
    scopes: ['READ', 'WRITE'],
    modules: {
      dynamicContentMacros: [{
        key: 'sample-chart', name: { value: 'Sample chart' }, description: { value: 'A chart drawn by the app in an iframe' },
        // No leading "/": public apps write their macro URLs this way; Connect joins them to baseUrl.
        url: 'macro?macroId={macro.id}&hash={macro.hash}&body={macro.body}&pageId={page.id}&pageVersion={page.version}&space={space.key}&output={output.type}&color={color}&title={title}',
        bodyType: 'plain-text', outputType: 'block',
        parameters: [
          { identifier: 'color', name: { value: 'Colour' }, type: 'enum', values: ['red', 'green', 'blue'], defaultValue: 'blue' },
          { identifier: 'title', name: { value: 'Title' }, type: 'string' },
        ],
        editor: { url: '/macro-editor?pageId={page.id}', insertTitle: { value: 'Insert sample chart' }, editTitle: { value: 'Edit sample chart' }, width: '560px', height: '360px' },
      }],
      staticContentMacros: [{
        key: 'sample-status', name: { value: 'Sample status' }, description: { value: 'A status lozenge rendered by the app server' },
        url: '/static-macro?status={status}&shout={shout}&count={count}&space={space}&owner={owner}&pageId={page.id}&body={macro.body}',
        bodyType: 'rich-text', outputType: 'inline',
        parameters: [
          { identifier: 'status', name: { value: 'Status' }, type: 'enum', values: ['green', 'yellow', 'red'], required: true, defaultValue: 'green' },
          { identifier: 'shout', name: { value: 'Shout' }, type: 'boolean' },
          { identifier: 'count', name: { value: 'Count' }, type: 'int' },
          { identifier: 'space', name: { value: 'Space' }, type: 'spacekey' },
          { identifier: 'owner', name: { value: 'Owner' }, type: 'username' },
        ],
      }],
      contentBylineItems: [{
        key: 'sample-byline', name: { value: 'Sample byline' }, tooltip: { value: 'What the sample app knows about this page' },
        url: '/m/byline?pageId={content.id}&space={space.key}', icon: { width: 16, height: 16, url: '/static/icon.svg' }, target: { type: 'inlinedialog' },
      }, {
        key: 'sample-byline-dialog', name: { value: 'Sample history' }, url: '/m/byline-dialog?pageId={content.id}&version={content.version}', target: { type: 'dialog' },
      }],
      confluenceContentProperties: [{
        key: 'sample-content-properties', name: { value: 'Sample score' },
        keyConfigurations: [{ propertyKey: 'sample', extractions: [{ objectName: 'score', type: 'number', alias: 'sampleScore' }] }],
      }],
      generalPages: [{ key: 'sample-wiki-page', name: { value: 'Sample wiki page' }, url: '/wiki-page?space={space.key}' }],
      webhooks: [
        { event: 'page_created', url: '/webhook/page_created' },
        { event: 'page_updated', url: '/webhook/page_updated' },
        { event: 'page_removed', url: '/webhook/page_removed' },
        { event: 'attachment_created', url: '/webhook/attachment_created' },
      ],
    },
  };
}
