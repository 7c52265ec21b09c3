/**
 * The Bitbucket sample app's descriptor, shaped like atlassian-connect-express's Bitbucket template
 * (`atlas-connect new -t bitbucket`): a repo page, a web panel, a web item and webhooks, plus a file view.
 */
export function bitbucketSampleDescriptor(baseUrl: string): Record<string, unknown> {
  return {
    key: 'acme-code-sample',
    name: 'Hello Bitbucket',
    description: 'The atlassian-connect-express Bitbucket template, on Acme Code',
    vendor: { name: 'apbridge', url: 'https://github.com/apbridge' },
    baseUrl,
    authentication: { type: 'jwt' },
    lifecycle: { installed: '/installed', uninstalled: '/uninstalled' },
    scopes: ['account', 'repository'],
    contexts: ['account'],
    modules: {
      webhooks: [{ event: 'repo:push', url: '/webhook' }],
      repoPages: [{
        key: 'example-repo-page', name: { value: 'Example Page' }, location: 'org.bitbucket.repository.navigation',
        url: '/connect-example?repoPath={repo_path}&repoUuid={repo_uuid}&userUuid={user_uuid}', params: { auiIcon: 'aui-iconfont-doc' },
      }],
      webPanels: [{
        key: 'example-web-panel', name: { value: 'Example Web Panel' }, location: 'org.bitbucket.repository.overview.informationPanel',
        url: '/panel?repoPath={repository.full_name}&repoUuid={repository.uuid}&userUuid={user.uuid}',
      }],
      webItems: [{
        key: 'example-web-item', name: { value: 'Example Web Item' }, location: 'org.bitbucket.repository.navigation',
        url: '/item?repoPath={repo_path}', params: { auiIcon: 'aui-iconfont-link' },
      }],
      fileViews: [{
        key: 'example-file-view', name: { value: 'Line counter' },
        url: '/file-view?path={file.path}&commit={file.commit.hash}&repoPath={repo_path}',
        file_matches: { extensions: ['js', 'md', 'json'] },
      }],
    },
  };
}
