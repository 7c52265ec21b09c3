import { createHash } from 'node:crypto';
import type { ProductInfo } from './install.js';
import { placedModules, type Placed } from './modules.js';
import type { Issue } from './store.js';

/**
 * Issue fields apps declare (`jiraIssueFields`). Each gets a custom field id (`customfield_<n>`,
 * stable per app and module) and key (`<app key>__<module key>`), as Jira gives them; its values live
 * on the issue, appear in the issue's REST shape and on the issue page, and are written by the app
 * (`PUT /rest/api/3/app/field/{id or key}/value`) or, unless the field is `read_only`, through
 * `PUT /rest/api/3/issue/{key}` like any field.
 */
export interface AppField {
  id: string;
  key: string;
  name: string;
  appKey: string;
  type: string;
}

/** Field types whose values the simulator checks; any other declared type stores a JSON value as given. */
type CheckedType = 'string' | 'text' | 'number' | 'single_select' | 'multi_select' | 'read_only';

const MAX_TEXT = 32_000;
const MAX_JSON = 32 * 1024;

const FIRST_ID = 10_100;
const IDS = 89_900;

/** The fields of enabled apps, in install order. Ids come from the key, so they stay across restarts. */
export function appFields(product: ProductInfo): AppField[] {
  const taken = new Set<number>();
  return placedModules(product, ['jiraIssueFields']).map((p: Placed) => {
    const key = `${p.installation.key}__${p.declaration.key}`;
    let n = createHash('sha256').update(key).digest().readUInt32BE(0) % IDS;
    while (taken.has(n)) n = (n + 1) % IDS;
    taken.add(n);
    const type = typeof p.declaration.type === 'string' ? p.declaration.type : 'string';
    return { id: `customfield_${FIRST_ID + n}`, key, name: p.declaration.name, appKey: p.installation.key, type };
  });
}

export function findField(product: ProductInfo, idOrKey: string): AppField | undefined {
  return appFields(product).find((f) => f.id === idOrKey || f.key === idOrKey);
}

/** A value as the field's type allows it (null clears it), or an error message. */
export function checkValue(field: AppField, value: unknown): { value: unknown } | { error: string } {
  if (value === null) return { value: null };
  switch (field.type as CheckedType) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? { value } : { error: `${field.name} takes a number` };
    case 'string':
    case 'read_only':
      return typeof value === 'string' && value.length <= 255 ? { value } : { error: `${field.name} takes a string of at most 255 characters` };
    case 'text':
      return typeof value === 'string' && value.length <= MAX_TEXT ? { value } : { error: `${field.name} takes a string of at most ${MAX_TEXT} characters` };
    case 'single_select': {
      const option = typeof value === 'object' && value !== null ? (value as { value?: unknown }).value : value;
      return typeof option === 'string' && option.length <= 255 ? { value: { value: option } } : { error: `${field.name} takes an option ({ value })` };
    }
    case 'multi_select': {
      const options = Array.isArray(value) ? value.map((o: unknown) => (typeof o === 'object' && o !== null ? (o as { value?: unknown }).value : o)) : null;
      return options && options.length <= 100 && options.every((o) => typeof o === 'string' && o.length <= 255)
        ? { value: (options as string[]).map((o) => ({ value: o })) }
        : { error: `${field.name} takes a list of options ([{ value }])` };
    }
    default: {
      const json = JSON.stringify(value);
      return json !== undefined && json.length <= MAX_JSON ? { value: JSON.parse(json) as unknown } : { error: `${field.name} takes a JSON value of at most 32 KB` };
    }
  }
}

/** The issue's app field values, by field id, as its REST shape carries them (null when unset). */
export function fieldValuesJson(product: ProductInfo, issue: Issue): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of appFields(product)) out[field.id] = issue.fieldValues?.[field.key] ?? null;
  return out;
}

/** A value as the issue page shows it. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (Array.isArray(value)) return value.map(displayValue).join(', ');
  if (typeof value === 'object') return typeof (value as { value?: unknown }).value === 'string' ? String((value as { value: string }).value) : JSON.stringify(value);
  return String(value);
}
