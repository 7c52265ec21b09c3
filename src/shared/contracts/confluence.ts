/** Contract of the `confluence` module: what a Confluence product answers, through its host options. */

import type { MethodKinds } from './types.js';

export const CONFLUENCE_MODULE = 'confluence';

/** A content property, as Connect's REST API returns it. */
export interface ContentProperty {
  key: string;
  value: unknown;
  version?: { number: number; [key: string]: unknown };
  [key: string]: unknown;
}

/** The confluence module on the wire. */
export interface ConfluenceContract {
  getMacroData(): Record<string, unknown>;
  getMacroBody(): string;
  saveMacro(params: Record<string, unknown>, body?: string): void;
  closeMacroEditor(): void;
  closeMacroPropertyPanel(): void;
  getContentProperty(key: string): ContentProperty | undefined;
  setContentProperty(property: ContentProperty): { property: ContentProperty } | { error: string };
  syncPropertyFromServer(key: string): ContentProperty | undefined;
}

export const ConfluenceKinds: MethodKinds<ConfluenceContract> = {
  getMacroData: 1,
  getMacroBody: 1,
  saveMacro: 0,
  closeMacroEditor: 0,
  closeMacroPropertyPanel: 0,
  getContentProperty: 1,
  setContentProperty: 1,
  syncPropertyFromServer: 1,
};

/** Prefix of the events `onMacroPropertyPanelEvent` listens to: `macro.property.panel.event.<name>`. */
export const MACRO_PANEL_EVENT = 'macro.property.panel.event.';
