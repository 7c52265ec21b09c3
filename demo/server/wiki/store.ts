import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonFile, writeJsonFile } from '../jsonFile.js';
import { USERS, isPropertyKey } from '../store.js';

export interface Space {
  id: string;
  key: string;
  name: string;
  type: 'global' | 'personal';
}

export interface WikiAttachment {
  id: string;
  title: string;
  mediaType: string;
  size: number;
  /** The file on disk, so that a rename never moves bytes. */
  fileId: string;
  authorId: string;
  created: string;
}

/** A content property: versioned JSON, as Confluence keeps it. */
export interface ContentPropertyRecord {
  id: string;
  key: string;
  value: unknown;
  version: number;
  when: string;
}

export interface WikiPage {
  id: string;
  spaceKey: string;
  title: string;
  /** Confluence storage format (XHTML with `ac:` macros). */
  body: string;
  version: number;
  parentId: string | null;
  authorId: string;
  created: string;
  updated: string;
  attachments: WikiAttachment[];
  properties: ContentPropertyRecord[];
}

interface WikiData {
  nextId: number;
  spaces: Space[];
  pages: WikiPage[];
}

const MAX_PROPERTY_BYTES = 32 * 1024;

function seed(): WikiData {
  const now = new Date().toISOString();
  const admin = USERS[0]!.accountId;
  const page = (id: string, title: string, body: string, parentId: string | null): WikiPage => ({
    id, spaceKey: 'DEMO', title, body, version: 1, parentId, authorId: admin, created: now, updated: now, attachments: [], properties: [],
  });
  return {
    nextId: 10_100,
    spaces: [{ id: '98305', key: 'DEMO', name: 'Demo space', type: 'global' }],
    pages: [
      page('10001', 'Welcome', '<p>Welcome to the <strong>Demo space</strong> of Acme Wiki.</p><p>Pages here are stored in Confluence storage format; apps add macros, byline items and content properties.</p>', null),
      page('10002', 'Meeting notes', '<h2>Agenda</h2><ul><li>Release checklist</li><li>Customer feedback</li></ul><p>Decisions go below.</p>', '10001'),
      page('10003', 'Macro playground', '<p>Insert app macros on this page from the editor.</p>', '10001'),
    ],
  };
}

/**
 * Acme Wiki's content: spaces, pages (storage format, versioned), attachments and content
 * properties, in `wiki.json` beside the wiki's installations, rewritten atomically like the
 * tracker's file. Attachment bytes are files in `attachments/`.
 */
export class WikiStore {
  readonly dir: string;
  private readonly file: string;
  private data: WikiData;

  constructor(dir: string) {
    this.dir = dir;
    this.file = join(dir, 'wiki.json');
    mkdirSync(join(dir, 'attachments'), { recursive: true });
    this.data = readJsonFile(this.file, seed);
  }

  private save(): void {
    writeJsonFile(this.file, this.data);
  }

  private nextId(): string {
    return String(this.data.nextId++);
  }

  spaces(): readonly Space[] {
    return this.data.spaces;
  }

  space(key: string): Space | undefined {
    return this.data.spaces.find((s) => s.key === key.toUpperCase());
  }

  pages(): readonly WikiPage[] {
    return this.data.pages;
  }

  page(id: string): WikiPage | undefined {
    return this.data.pages.find((p) => p.id === id);
  }

  createPage(fields: Pick<WikiPage, 'spaceKey' | 'title' | 'body' | 'parentId'>, authorId: string): WikiPage {
    const now = new Date().toISOString();
    const page: WikiPage = { ...fields, id: this.nextId(), version: 1, authorId, created: now, updated: now, attachments: [], properties: [] };
    this.data.pages.push(page);
    this.save();
    return page;
  }

  /** A new version of the page: its number goes up by one, as Confluence requires of an update. */
  updatePage(page: WikiPage, fields: Partial<Pick<WikiPage, 'title' | 'body' | 'parentId'>>, authorId: string): WikiPage {
    Object.assign(page, fields, { version: page.version + 1, authorId, updated: new Date().toISOString() });
    this.save();
    return page;
  }

  deletePage(page: WikiPage): void {
    this.data.pages = this.data.pages.filter((p) => p !== page);
    this.save();
  }

  attachmentPath(fileId: string): string {
    return join(this.dir, 'attachments', fileId.replace(/[^0-9a-z-]/gi, ''));
  }

  addAttachment(page: WikiPage, file: Pick<WikiAttachment, 'title' | 'mediaType' | 'size'>, bytes: Buffer, authorId: string): WikiAttachment {
    const attachment: WikiAttachment = { ...file, id: `att${this.nextId()}`, fileId: randomUUID(), authorId, created: new Date().toISOString() };
    writeFileSync(this.attachmentPath(attachment.fileId), bytes);
    page.attachments.push(attachment);
    this.save();
    return attachment;
  }

  property(page: WikiPage, key: string): ContentPropertyRecord | undefined {
    return page.properties.find((p) => p.key === key);
  }

  /**
   * Creates (version 1) or replaces a content property. `version` is the version the caller
   * writes, which must be one more than the stored one, as Confluence checks it.
   */
  setProperty(page: WikiPage, key: string, value: unknown, version: number | undefined): { property: ContentPropertyRecord } | { error: 'key' | 'size' | 'conflict' } {
    if (!isPropertyKey(key)) return { error: 'key' };
    if (Buffer.byteLength(JSON.stringify(value) ?? '') > MAX_PROPERTY_BYTES) return { error: 'size' };
    const existing = this.property(page, key);
    const expected = existing ? existing.version + 1 : 1;
    if (version !== undefined && version !== expected) return { error: 'conflict' };
    if (existing && version === undefined) return { error: 'conflict' };
    const when = new Date().toISOString();
    const property = existing ?? { id: this.nextId(), key, value, version: 0, when };
    Object.assign(property, { value, version: expected, when });
    if (!existing) page.properties.push(property);
    this.save();
    return { property };
  }

  deleteProperty(page: WikiPage, key: string): boolean {
    const before = page.properties.length;
    page.properties = page.properties.filter((p) => p.key !== key);
    if (page.properties.length === before) return false;
    this.save();
    return true;
  }
}
