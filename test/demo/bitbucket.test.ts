// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bitbucketSampleDescriptor } from '../../demo/bitbucket-app/descriptor.js';
import { BitbucketDescriptorError, validateBitbucketDescriptor } from '../../demo/server/bitbucket/descriptor.js';
import { codeVariables } from '../../demo/server/bitbucket/modules.js';
import { REPO, Repository, bitbucketUuid } from '../../demo/server/bitbucket/repo.js';
import { USERS } from '../../demo/server/store.js';

describe('Acme Code (Bitbucket Cloud)', () => {
  it('accepts the Bitbucket sample descriptor with its module types and webhooks', () => {
    const d = validateBitbucketDescriptor(bitbucketSampleDescriptor('http://localhost:1/bitbucket-app'));
    expect(Object.keys(d.modules)).toEqual(['repoPages', 'webPanels', 'webItems', 'fileViews']);
    expect(d.webhooks).toEqual([{ event: 'repo:push', url: '/webhook' }]);
    expect(d.scopes).toEqual(['account', 'repository']);
  });

  it('lists every problem: Jira scopes, unknown types, modules without key, name or url', () => {
    const bad = { key: 'x', baseUrl: 'ftp://x', authentication: { type: 'jwt' }, scopes: ['READ'], modules: { generalPages: [{ key: 'p' }], repoPages: [{ key: 'r', url: '/r' }] } };
    let problems: string[] = [];
    try {
      validateBitbucketDescriptor(bad);
    } catch (error) {
      expect(error).toBeInstanceOf(BitbucketDescriptorError);
      problems = (error as BitbucketDescriptorError).problems;
    }
    expect(problems).toEqual([
      '"baseUrl" must be http(s)',
      'unknown scope "READ" (Bitbucket scopes are account, account:write, repository, repository:write, repository:admin, pullrequest, pullrequest:write, issue, issue:write, wiki, webhook, team, team:write, email)',
      'module type "generalPages" is not one Acme Code renders (repoPages, webPanels, webItems, fileViews, webhooks)',
      'repoPages[0] needs "key", "name" and "url"',
    ]);
  });

  it('gives both spellings of the context parameters, and file ones only on a file', () => {
    const repo = new Repository();
    const vars = codeVariables({ user: USERS[0]!, file: { path: 'src/hello.js', commit: repo.head } });
    expect(vars.repo_uuid).toBe(REPO.uuid);
    expect(vars['repository.uuid']).toBe(REPO.uuid);
    expect(vars.repo_path).toBe('demo/hello');
    expect(vars.user_uuid).toBe(bitbucketUuid(`user:${USERS[0]!.name}`));
    expect(vars['file.name']).toBe('hello.js');
    expect(codeVariables({ user: USERS[0]! })['file.path']).toBeUndefined();
  });

  it('keeps history: a push is the new head with the old one as parent, findable by short hash', () => {
    const repo = new Repository();
    const { commit, old } = repo.push('alice', 'Change', { 'a.txt': 'a' });
    expect(repo.head).toBe(commit);
    expect(commit.parents).toEqual([old.hash]);
    expect(repo.commit(commit.hash.slice(0, 7))).toBe(commit);
    expect(repo.commit('main')).toBe(commit);
    expect(commit.files['README.md']).toBe(old.files['README.md']);
  });
});
