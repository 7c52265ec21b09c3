import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonFile, writeJsonFile } from './jsonFile.js';

export interface User {
  name: string;
  accountId: string;
  displayName: string;
  email: string;
  siteAdmin: boolean;
  timeZone: string;
  locale: string;
}

export interface Attachment {
  id: string;
  issueKey: string;
  filename: string;
  mimeType: string;
  size: number;
  authorId: string;
  created: string;
}

export interface Comment {
  id: string;
  authorId: string;
  body: string;
  created: string;
  updated: string;
}

export interface Issue {
  id: string;
  key: string;
  projectKey: string;
  summary: string;
  description: string;
  status: 'To Do' | 'In Progress' | 'Done';
  issueType: 'Task' | 'Bug' | 'Story';
  priority: 'Low' | 'Medium' | 'High';
  assigneeId: string | null;
  reporterId: string;
  created: string;
  updated: string;
  attachments: Attachment[];
  /** Absent in data files written before comments existed. */
  comments?: Comment[];
  /** Values of app issue fields (`jiraIssueFields`), by field key (`<app key>__<module key>`). */
  fieldValues?: Record<string, unknown>;
}

export interface Project {
  id: string;
  key: string;
  name: string;
  nextNumber: number;
}

/** Result of one lifecycle callback or webhook POST, shown on the admin page. */
export interface Delivery {
  at: string;
  appKey: string;
  kind: string;
  url: string;
  status: number | 'error';
  detail?: string;
}

export interface Installation {
  key: string;
  descriptorUrl: string;
  descriptor: Record<string, unknown>;
  sharedSecret: string;
  enabled: boolean;
  license: 'active' | 'none';
  installedAt: string;
  /** Scopes the last re-install added to what the app had before, shown to the admin. */
  addedScopes?: string[];
}

/** An app's post function on a transition of the Demo workflow, with the configuration its page saved. */
export interface PostFunction {
  id: string;
  appKey: string;
  moduleKey: string;
  transitionId: number;
  config: string;
}

interface Data {
  clientKey: string;
  nextIssueId: number;
  projects: Project[];
  issues: Issue[];
  installations: Installation[];
  deliveries: Delivery[];
  /** Entity properties: `app:<key>`, `issue:<id>` or `project:<key>`, then the property key. */
  properties?: Record<string, Record<string, unknown>>;
  /** Dashboard item titles set by `AP.jira.setDashboardItemTitle`, by item id. */
  dashboardTitles?: Record<string, string>;
  /** Post functions added on the Workflows page, in the order they run on a transition. */
  postFunctions?: PostFunction[];
  nextCommentId?: number;
}

/** Property keys as Jira accepts them, minus the names that would reach an object's prototype. */
export function isPropertyKey(key: string): boolean {
  return /^[\w.:-]{1,255}$/.test(key) && !['__proto__', 'constructor', 'prototype'].includes(key);
}

/** Whose entity property: an app's own, an issue's or a project's. */
export type PropertyOwner = `app:${string}` | `issue:${string}` | `project:${string}`;

const MAX_PROPERTY_BYTES = 32 * 1024;

/** Fixed so that docs and tests can rely on them. */
export const USERS: readonly User[] = [
  { name: 'admin', accountId: '557058:a1b2c3d4-0000-4000-8000-00000000ad01', displayName: 'Ada Admin', email: 'admin@acme.test', siteAdmin: true, timeZone: 'Europe/London', locale: 'en-GB' },
  { name: 'alice', accountId: '557058:a1b2c3d4-0000-4000-8000-0000000a11ce', displayName: 'Alice Doe', email: 'alice@acme.test', siteAdmin: false, timeZone: 'America/New_York', locale: 'en-US' },
];

function seed(): Data {
  const now = new Date().toISOString();
  const [admin, alice] = USERS as [User, User];
  const issue = (n: number, summary: string, description: string, extra: Partial<Issue>): Issue => ({
    id: String(10_000 + n), key: `DEMO-${n}`, projectKey: 'DEMO', summary, description, status: 'To Do',
    issueType: 'Task', priority: 'Medium', assigneeId: alice.accountId, reporterId: admin.accountId,
    created: now, updated: now, attachments: [], ...extra,
  });
  return {
    clientKey: randomUUID(),
    nextIssueId: 10_004,
    projects: [{ id: '10000', key: 'DEMO', name: 'Demo project', nextNumber: 4 }],
    issues: [
      issue(1, 'Checkout page times out under load', 'Customers report a spinner after pressing Pay. Happens above ~200 concurrent sessions.', { issueType: 'Bug', priority: 'High', status: 'In Progress' }),
      issue(2, 'Add dark mode to the settings page', 'Follow the design system tokens; keep contrast above 4.5:1.', { issueType: 'Story' }),
      issue(3, 'Rotate the staging TLS certificate', 'The current certificate expires at the end of the month.', { assigneeId: admin.accountId }),
    ],
    installations: [],
    deliveries: [],
  };
}

const MAX_DELIVERIES = 200;

/**
 * The simulator's embedded database: one JSON file in the data directory, rewritten atomically
 * (write to a temporary file, then rename) so a crash never leaves half a file. Attachments are files
 * beside it. Single process only, which is what a local simulator is.
 */
export class Store {
  readonly dir: string;
  private readonly file: string;
  private data: Data;

  constructor(dir: string) {
    this.dir = dir;
    this.file = join(dir, 'simulator.json');
    mkdirSync(join(dir, 'attachments'), { recursive: true });
    this.data = readJsonFile(this.file, seed);
  }

  private save(): void {
    writeJsonFile(this.file, this.data);
  }

  get clientKey(): string {
    return this.data.clientKey;
  }

  attachmentPath(id: string): string {
    return join(this.dir, 'attachments', id.replace(/[^0-9a-z-]/gi, ''));
  }

  projects(): readonly Project[] {
    return this.data.projects;
  }

  issues(): readonly Issue[] {
    return this.data.issues;
  }

  issue(keyOrId: string): Issue | undefined {
    return this.data.issues.find((i) => i.key === keyOrId.toUpperCase() || i.id === keyOrId);
  }

  createIssue(fields: Pick<Issue, 'projectKey' | 'summary'> & Partial<Issue>, reporterId: string): Issue {
    const project = this.data.projects.find((p) => p.key === fields.projectKey);
    if (!project) throw new Error(`No project ${fields.projectKey}`);
    const now = new Date().toISOString();
    const issue: Issue = {
      description: '', status: 'To Do', issueType: 'Task', priority: 'Medium', assigneeId: null,
      ...fields,
      id: String(this.data.nextIssueId++), key: `${project.key}-${project.nextNumber++}`, reporterId,
      created: now, updated: now, attachments: [],
    };
    this.data.issues.push(issue);
    this.save();
    return issue;
  }

  updateIssue(issue: Issue, fields: Partial<Issue>): Issue {
    Object.assign(issue, fields, { updated: new Date().toISOString() });
    this.save();
    return issue;
  }

  deleteIssue(issue: Issue): void {
    this.data.issues = this.data.issues.filter((i) => i !== issue);
    this.save();
  }

  addAttachment(issue: Issue, attachment: Omit<Attachment, 'id' | 'issueKey' | 'created'>, bytes: Buffer): Attachment {
    const full: Attachment = { ...attachment, id: randomUUID(), issueKey: issue.key, created: new Date().toISOString() };
    writeFileSync(this.attachmentPath(full.id), bytes);
    issue.attachments.push(full);
    this.save();
    return full;
  }

  attachment(id: string): Attachment | undefined {
    for (const issue of this.data.issues) {
      const found = issue.attachments.find((a) => a.id === id);
      if (found) return found;
    }
    return undefined;
  }

  installations(): readonly Installation[] {
    return this.data.installations;
  }

  installation(key: string): Installation | undefined {
    return this.data.installations.find((i) => i.key === key);
  }

  putInstallation(installation: Installation): void {
    this.data.installations = [...this.data.installations.filter((i) => i.key !== installation.key), installation];
    this.save();
  }

  updateInstallation(installation: Installation, fields: Partial<Installation>): void {
    Object.assign(installation, fields);
    this.save();
  }

  removeInstallation(key: string): void {
    this.data.installations = this.data.installations.filter((i) => i.key !== key);
    this.save();
  }

  addComment(issue: Issue, authorId: string, body: string): Comment {
    const now = new Date().toISOString();
    const comment: Comment = { id: String((this.data.nextCommentId ??= 10_000)), authorId, body, created: now, updated: now };
    this.data.nextCommentId++;
    (issue.comments ??= []).push(comment);
    this.save();
    return comment;
  }

  updateComment(comment: Comment, body: string): Comment {
    Object.assign(comment, { body, updated: new Date().toISOString() });
    this.save();
    return comment;
  }

  properties(owner: PropertyOwner): Readonly<Record<string, unknown>> {
    return this.data.properties?.[owner] ?? {};
  }

  /** Stores a property value (JSON); false when the key is not a plain key or the value is over 32 KB. */
  setProperty(owner: PropertyOwner, key: string, value: unknown): boolean {
    if (!isPropertyKey(key) || Buffer.byteLength(JSON.stringify(value) ?? '') > MAX_PROPERTY_BYTES) return false;
    ((this.data.properties ??= {})[owner] ??= {})[key] = value;
    this.save();
    return true;
  }

  deleteProperty(owner: PropertyOwner, key: string): boolean {
    const bag = this.data.properties?.[owner];
    if (!bag || !Object.hasOwn(bag, key)) return false;
    delete bag[key];
    this.save();
    return true;
  }

  dashboardTitle(itemId: string): string | undefined {
    return this.data.dashboardTitles?.[itemId];
  }

  setDashboardTitle(itemId: string, title: string): void {
    (this.data.dashboardTitles ??= {})[itemId] = title;
    this.save();
  }

  postFunctions(): readonly PostFunction[] {
    return this.data.postFunctions ?? [];
  }

  /** Adds a post function, or replaces the configuration of the one with its id. */
  savePostFunction(fn: PostFunction): void {
    const list = (this.data.postFunctions ??= []);
    const at = list.findIndex((f) => f.id === fn.id);
    if (at >= 0) list[at] = { ...list[at]!, config: fn.config };
    else list.push({ ...fn });
    this.save();
  }

  removePostFunction(id: string): boolean {
    const list = this.data.postFunctions ?? [];
    const at = list.findIndex((f) => f.id === id);
    if (at < 0) return false;
    list.splice(at, 1);
    this.save();
    return true;
  }

  deliveries(): readonly Delivery[] {
    return this.data.deliveries;
  }

  recordDelivery(delivery: Delivery): void {
    this.data.deliveries = [delivery, ...this.data.deliveries].slice(0, MAX_DELIVERIES);
    this.save();
  }
}
