import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonFile, writeJsonFile } from '../jsonFile.js';
import { signForApp } from '../jwt.js';
import type { User } from '../store.js';
import { BitbucketDescriptorError, validateBitbucketDescriptor, type BitbucketDescriptor } from './descriptor.js';
import { REPO, WORKSPACE, bitbucketUser, type Commit } from './repo.js';

const FETCH_TIMEOUT = 10_000;

/** One app installed in the workspace `demo`. */
export interface BitbucketInstallation {
  key: string;
  descriptorUrl: string;
  descriptor: Record<string, unknown>;
  clientKey: string;
  sharedSecret: string;
  installedAt: string;
}

/** A lifecycle callback or webhook POST and what the app answered. */
export interface BitbucketDelivery {
  at: string;
  app: string;
  what: string;
  url: string;
  status: number | 'error';
}

interface Data {
  installations: Record<string, BitbucketInstallation>;
  /** Shared secrets kept across uninstall and reinstall, so a reinstall is signed with the secret the app has. */
  secrets: Record<string, string>;
  deliveries: BitbucketDelivery[];
}

/** Acme Code's installations, in `bitbucket.json` of the data directory (written atomically). */
export class BitbucketStore {
  private readonly file: string;
  private data: Data;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.file = join(dir, 'bitbucket.json');
    this.data = readJsonFile<Data>(this.file, () => ({ installations: {}, secrets: {}, deliveries: [] }));
  }

  private save(): void {
    writeJsonFile(this.file, this.data);
  }

  installations(): BitbucketInstallation[] {
    return Object.values(this.data.installations);
  }

  installation(key: string): BitbucketInstallation | undefined {
    return Object.hasOwn(this.data.installations, key) ? this.data.installations[key] : undefined;
  }

  secretFor(key: string): string {
    this.data.secrets[key] ??= randomBytes(32).toString('base64url');
    return this.data.secrets[key];
  }

  put(installation: BitbucketInstallation): void {
    this.data.installations[installation.key] = installation;
    this.save();
  }

  remove(key: string): void {
    delete this.data.installations[key];
    this.save();
  }

  deliveries(): readonly BitbucketDelivery[] {
    return this.data.deliveries;
  }

  record(delivery: BitbucketDelivery): void {
    this.data.deliveries.unshift(delivery);
    this.data.deliveries.length = Math.min(this.data.deliveries.length, 50);
    this.save();
  }
}

/** Where Acme Code lives: its base URL (the product origin + `/bitbucket`) and its store. */
export interface CodeProduct {
  baseUrl: string;
  store: BitbucketStore;
}

export function descriptorOfInstall(installation: BitbucketInstallation): BitbucketDescriptor {
  return validateBitbucketDescriptor(installation.descriptor);
}

/** Bitbucket's client key for an app installed in a workspace. */
export function clientKeyFor(appKey: string): string {
  return `ari:cloud:bitbucket::app/${WORKSPACE.uuid}/${appKey}`;
}

async function post(code: CodeProduct, installation: { key: string; clientKey: string; sharedSecret: string }, baseUrl: string, path: string, what: string, body: unknown, headers: Record<string, string> = {}): Promise<number | 'error'> {
  const url = baseUrl + path;
  const token = signForApp({ sharedSecret: installation.sharedSecret, clientKey: installation.clientKey, request: { method: 'POST', url, appBaseUrl: baseUrl } });
  let status: number | 'error' = 'error';
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `JWT ${token}`, 'user-agent': 'Bitbucket-Webhooks/2.0 (apbridge simulator)', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(FETCH_TIMEOUT),
    });
    status = response.status;
  } catch {
    status = 'error';
  }
  code.store.record({ at: new Date().toISOString(), app: installation.key, what, url, status });
  return status;
}

/**
 * Installs a Bitbucket app into the workspace `demo` from its descriptor URL: fetches and validates
 * the descriptor, then POSTs `installed` with the workspace (`principal`), the installing `user`,
 * `clientKey` and `sharedSecret`, HS256-signed with that secret (`iss` = clientKey), as Bitbucket does.
 */
export async function installBitbucketApp(code: CodeProduct, descriptorUrl: string, installer: User): Promise<BitbucketInstallation> {
  let json: unknown;
  try {
    const response = await fetch(descriptorUrl, { signal: AbortSignal.timeout(FETCH_TIMEOUT), headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    json = await response.json();
  } catch (error) {
    throw new BitbucketDescriptorError([`could not fetch ${descriptorUrl}: ${(error as Error).message}`]);
  }
  const descriptor = validateBitbucketDescriptor(json);
  const installation: BitbucketInstallation = {
    key: descriptor.key,
    descriptorUrl,
    descriptor: descriptor.raw,
    clientKey: clientKeyFor(descriptor.key),
    sharedSecret: code.store.secretFor(descriptor.key),
    installedAt: new Date().toISOString(),
  };
  if (descriptor.lifecycle.installed) {
    const status = await post(code, installation, descriptor.baseUrl, descriptor.lifecycle.installed, 'installed', {
      key: descriptor.key,
      clientKey: installation.clientKey,
      publicKey: '',
      sharedSecret: installation.sharedSecret,
      serverVersion: '1',
      pluginsVersion: '1',
      baseUrl: code.baseUrl,
      baseApiUrl: code.baseUrl,
      productType: 'bitbucket',
      description: 'Acme Code (apbridge host simulator)',
      eventType: 'installed',
      principal: { type: 'team', uuid: WORKSPACE.uuid, username: WORKSPACE.slug, display_name: WORKSPACE.name },
      user: bitbucketUser(installer),
    });
    if (status === 'error' || status >= 300) throw new BitbucketDescriptorError([`the app answered the installed callback with ${status === 'error' ? 'no response' : `HTTP ${status}`}`]);
  }
  code.store.put(installation);
  return installation;
}

/** Sends `repo:push` to every installed app that declares it (or `*`), JWT-signed per app. */
export async function firePush(code: CodeProduct, actor: User, pushed: { commit: Commit; old: Commit }): Promise<void> {
  const repository = { type: 'repository', uuid: REPO.uuid, name: REPO.name, full_name: REPO.fullName, links: { html: { href: `${code.baseUrl}/${REPO.fullName}` } } };
  const target = (c: Commit) => ({ type: 'commit', hash: c.hash, message: c.message, date: c.date });
  const body = {
    actor: bitbucketUser(actor),
    repository,
    push: { changes: [{ old: { type: 'branch', name: REPO.mainBranch, target: target(pushed.old) }, new: { type: 'branch', name: REPO.mainBranch, target: target(pushed.commit) }, created: false, closed: false, forced: false, commits: [target(pushed.commit)] }] },
  };
  await Promise.all(
    code.store.installations().flatMap((installation) => {
      const descriptor = descriptorOfInstall(installation);
      return descriptor.webhooks
        .filter((hook) => hook.event === 'repo:push' || hook.event === '*')
        .map((hook) => post(code, installation, descriptor.baseUrl, hook.url, 'repo:push', body, { 'x-event-key': 'repo:push', 'x-hook-uuid': installation.clientKey }));
    }),
  );
}

/** Uninstalls an app: `uninstalled` is POSTed (signed as `installed` was), then it is forgotten. */
export async function uninstallBitbucketApp(code: CodeProduct, key: string, by: User): Promise<void> {
  const installation = code.store.installation(key);
  if (!installation) return;
  const descriptor = descriptorOfInstall(installation);
  if (descriptor.lifecycle.uninstalled) {
    await post(code, installation, descriptor.baseUrl, descriptor.lifecycle.uninstalled, 'uninstalled', {
      key, clientKey: installation.clientKey, baseUrl: code.baseUrl, productType: 'bitbucket', eventType: 'uninstalled',
      principal: { type: 'team', uuid: WORKSPACE.uuid, username: WORKSPACE.slug, display_name: WORKSPACE.name }, user: bitbucketUser(by),
    });
  }
  code.store.remove(key);
}
