import { createHash } from 'node:crypto';
import type { User } from '../store.js';

/**
 * Acme Code's fixed content: the workspace `demo` and its repository `demo/hello`, a few files and
 * commits. Pushes made while the simulator runs add commits in memory (a restart starts over).
 */

/** A Bitbucket-style `{uuid}` that stays the same for the same name. */
export function bitbucketUuid(name: string): string {
  const h = createHash('sha256').update(`acme-code:${name}`).digest('hex');
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}}`;
}

export const WORKSPACE = { slug: 'demo', name: 'Demo workspace', uuid: bitbucketUuid('workspace:demo') } as const;
export const REPO = { slug: 'hello', name: 'hello', fullName: 'demo/hello', uuid: bitbucketUuid('repo:demo/hello'), mainBranch: 'main' } as const;

export interface Commit {
  hash: string;
  message: string;
  author: string;
  date: string;
  parents: string[];
  /** Every file at this commit (path to content). */
  files: Record<string, string>;
}

/** A user as Bitbucket's 2.0 API shows one. */
export function bitbucketUser(user: User): Record<string, unknown> {
  return {
    type: 'user',
    uuid: bitbucketUuid(`user:${user.name}`),
    account_id: user.accountId,
    username: user.name,
    nickname: user.name,
    display_name: user.displayName,
    links: { avatar: { href: `data:,${user.name}` } },
  };
}

function hashOf(parent: string, message: string, files: Record<string, string>): string {
  return createHash('sha1').update(JSON.stringify([parent, message, files])).digest('hex');
}

const SEED: { message: string; author: string; files: Record<string, string> }[] = [
  { message: 'Initial commit', author: 'admin', files: { 'README.md': '# hello\n\nA small repository in Acme Code.\n' } },
  {
    message: 'Add the greeting',
    author: 'alice',
    files: { 'src/hello.js': "export function hello(name) {\n  return `Hello, ${name}!`;\n}\n", 'package.json': '{\n  "name": "hello",\n  "version": "1.0.0",\n  "type": "module"\n}\n' },
  },
  { message: 'Document usage', author: 'admin', files: { 'README.md': '# hello\n\nA small repository in Acme Code.\n\n```js\nimport { hello } from "./src/hello.js";\nhello("world");\n```\n' } },
];

/** The repository's history, newest first. */
export class Repository {
  private readonly commits: Commit[] = [];

  constructor() {
    let files: Record<string, string> = {};
    let parent = '';
    SEED.forEach((step, i) => {
      files = { ...files, ...step.files };
      const hash = hashOf(parent, step.message, files);
      this.commits.unshift({ hash, message: step.message, author: step.author, date: new Date(Date.UTC(2026, 10, 2 + i, 9)).toISOString(), parents: parent ? [parent] : [], files });
      parent = hash;
    });
  }

  get head(): Commit {
    return this.commits[0]!;
  }

  history(): readonly Commit[] {
    return this.commits;
  }

  /** A commit by full hash, short hash (at least 7 characters) or the branch name. */
  commit(ref: string): Commit | undefined {
    if (ref === REPO.mainBranch) return this.head;
    return ref.length >= 7 ? this.commits.find((c) => c.hash.startsWith(ref)) : undefined;
  }

  /** A new commit on main with these files changed; returns it and the commit it replaced. */
  push(author: string, message: string, changes: Record<string, string>): { commit: Commit; old: Commit } {
    const old = this.head;
    const files = { ...old.files, ...changes };
    const commit: Commit = { hash: hashOf(old.hash, message, files), message, author, date: new Date().toISOString(), parents: [old.hash], files };
    this.commits.unshift(commit);
    return { commit, old };
  }
}
