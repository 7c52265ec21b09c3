import express, { type Request, type Response } from 'express';
import { jsonError } from '../auth.js';
import { JwtError, verifyFromApp } from '../jwt.js';
import type { User } from '../store.js';
import { descriptorOfInstall, type CodeProduct } from './install.js';
import { REPO, WORKSPACE, bitbucketUser, bitbucketUuid, type Repository } from './repo.js';

/** Bitbucket scopes that include another (write includes read; admin includes both). */
const IMPLIED: Record<string, string[]> = {
  account: ['account', 'account:write'],
  repository: ['repository', 'repository:write', 'repository:admin'],
};

/** Who calls: the logged-in user (through an app's `AP.request` when `app` is set), or an app's server. */
export interface CodeActor {
  user?: User;
  app?: string;
}

function scopeHeld(code: CodeProduct, app: string, scope: string): boolean {
  const installation = code.store.installation(app);
  if (!installation) return false;
  const held = descriptorOfInstall(installation).scopes;
  return (IMPLIED[scope] ?? [scope]).some((s) => held.includes(s));
}

function notFound(res: Response, message: string): void {
  res.status(404).json({ type: 'error', error: { message } });
}

/**
 * A small Bitbucket Cloud REST API under the product's `/bitbucket`: `/2.0/user`,
 * `/2.0/repositories/{workspace}/{slug}` (+ `/commits`, `/src/{commit}/{path}`) and the 1.0
 * `/api/1.0/user/` that atlassian-connect-express's Bitbucket template calls. Calls through the
 * bridge (`AP-Client-Key`) or from an app's server (JWT, `iss` = app key) need the app's scope
 * (`account`, `repository`): `403 {"type":"error","error":{"message":…,"detail":{"required":[…]}}}`.
 */
export function codeApi(code: CodeProduct, repo: Repository, sessionUser: (req: Request) => User | undefined): express.Router {
  const api = express.Router();

  function actor(req: Request, res: Response, scope: string): CodeActor | undefined {
    const header = req.headers.authorization ?? '';
    if (header.startsWith('JWT ')) {
      try {
        // qsh is over the path under Acme Code's base URL, as Bitbucket hashes paths under its API.
        const { appKey } = verifyFromApp(header.slice(4), (iss) => code.store.installation(iss)?.sharedSecret, { method: req.method, url: req.originalUrl.replace(/^\/bitbucket/, '') });
        if (!scopeHeld(code, appKey, scope)) return void res.status(403).json({ type: 'error', error: { message: `The app lacks the scope ${scope}`, detail: { required: [scope] } } });
        return { app: appKey };
      } catch (error) {
        if (error instanceof JwtError) return void jsonError(res, 401, error.message);
        throw error;
      }
    }
    const user = sessionUser(req);
    if (!user) return void jsonError(res, 401, 'Not logged in');
    const app = req.headers['ap-client-key'];
    if (typeof app === 'string') {
      if (!scopeHeld(code, app, scope)) return void res.status(403).json({ type: 'error', error: { message: `The app lacks the scope ${scope}`, detail: { required: [scope] } } });
      return { user, app };
    }
    return { user };
  }

  function userJson(who: CodeActor): Record<string, unknown> {
    if (who.user) return { ...bitbucketUser(who.user), created_on: '2026-01-01T00:00:00Z', account_status: 'active' };
    const name = descriptorOfInstall(code.store.installation(who.app!)!).name;
    return { type: 'app_user', uuid: bitbucketUuid(`app:${who.app}`), display_name: name, username: who.app };
  }

  api.get('/2.0/user', (req, res) => {
    const who = actor(req, res, 'account');
    if (who) res.json(userJson(who));
  });
  api.get('/api/1.0/user', (req, res) => {
    const who = actor(req, res, 'account');
    if (!who) return;
    const user = userJson(who);
    const [first, ...rest] = String(user.display_name).split(' ');
    res.json({ user: { username: user.username, display_name: user.display_name, first_name: first, last_name: rest.join(' '), is_team: false, avatar: '', resource_uri: `/1.0/users/${String(user.username)}` }, repositories: [] });
  });

  const repoPath = `/2.0/repositories/${WORKSPACE.slug}/${REPO.slug}`;
  api.get(repoPath, (req, res) => {
    if (!actor(req, res, 'repository')) return;
    res.json({
      type: 'repository', uuid: REPO.uuid, name: REPO.name, slug: REPO.slug, full_name: REPO.fullName, is_private: true, scm: 'git',
      mainbranch: { type: 'branch', name: REPO.mainBranch },
      owner: { type: 'team', uuid: WORKSPACE.uuid, username: WORKSPACE.slug, display_name: WORKSPACE.name },
      workspace: { type: 'workspace', uuid: WORKSPACE.uuid, slug: WORKSPACE.slug, name: WORKSPACE.name },
      links: { html: { href: `${code.baseUrl}/${REPO.fullName}` } },
    });
  });
  api.get(`${repoPath}/commits`, (req, res) => {
    if (!actor(req, res, 'repository')) return;
    res.json({ pagelen: 30, values: repo.history().map((c) => ({ type: 'commit', hash: c.hash, message: c.message, date: c.date, author: { raw: c.author }, parents: c.parents.map((hash) => ({ hash })) })) });
  });
  // A file's raw content, or a directory's listing (`commit_file` / `commit_directory` entries).
  api.get([`${repoPath}/src/:commit`, `${repoPath}/src/:commit/*path`], (req, res) => {
    if (!actor(req, res, 'repository')) return;
    const commit = repo.commit(String(req.params.commit));
    if (!commit) return notFound(res, `Commit not found: ${String(req.params.commit)}`);
    const raw = (req.params as { path?: string | string[] }).path;
    const path = (Array.isArray(raw) ? raw.join('/') : (raw ?? '')).replace(/\/$/, '');
    if (Object.hasOwn(commit.files, path)) return void res.type('text/plain').send(commit.files[path]);
    const prefix = path ? `${path}/` : '';
    const entries = new Map<string, 'commit_file' | 'commit_directory'>();
    for (const file of Object.keys(commit.files)) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      entries.set(prefix + (slash < 0 ? rest : rest.slice(0, slash)), slash < 0 ? 'commit_file' : 'commit_directory');
    }
    if (!entries.size) return notFound(res, `No such file or directory: ${path}`);
    res.json({ pagelen: 100, page: 1, values: [...entries].sort().map(([p, type]) => ({ type, path: p, commit: { type: 'commit', hash: commit.hash } })) });
  });
  return api;
}
