// Which views show a whole page: what sizeToParent, history, page titles and scroll events need.
import { isRecord, own as field } from '../shared/guards.js';
import { viewKind } from '../shared/viewOptions.js';
import type { View } from './types.js';

/** Connect module types that render as a whole page (where sizeToParent makes sense). */
const PAGE_MODULES = [
  'generalPages',
  'adminPages',
  'configurePage',
  'postInstallPage',
  'jiraProjectPages',
  'jiraProjectAdminTabPanels',
  'spaceToolsTabs',
  'profilePages',
];

function declares(entries: unknown, key: string): boolean {
  if (Array.isArray(entries)) return entries.some((entry) => isRecord(entry) && field(entry, 'key') === key);
  if (!isRecord(entries)) return false;
  return field(entries, 'key') === key || isRecord(field(entries, key));
}

/** True when the view shows a full-page module (from the descriptor, or the view option `isFullPage`). */
export function isFullPage(view: View): boolean {
  if (viewKind(view.options).isFullPage) return true;
  const modules = view.app.modules as Record<string, unknown>;
  return PAGE_MODULES.some((type) => declares(field(modules, type), view.moduleKey));
}
