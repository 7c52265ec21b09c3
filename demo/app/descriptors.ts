/** The sample app's descriptor: every module type the simulator renders, and issue webhooks. */
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
      generalPages: [{ key: 'sample-page', name: { value: 'Sample App' }, url: '/page?project={project.key}', location: 'system.top.navigation.bar' }],
      webPanels: [{ key: 'sample-panel', name: { value: 'Sample panel' }, url: '/panel?issueKey={issue.key}', location: 'atl.jira.view.issue.right.context' }],
      dialogs: [{ key: 'sample-dialog', url: '/dialog', options: { chrome: true, header: { value: 'Set a priority' }, size: 'medium' } }],
      webhooks: [
        { event: 'jira:issue_created', url: '/webhook/created' },
        { event: 'jira:issue_updated', url: '/webhook/updated' },
        { event: 'jira:issue_deleted', url: '/webhook/deleted' },
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
