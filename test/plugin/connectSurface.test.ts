// Every function `@types/atlassian-connect-js` declares on `AP` exists on apbridge's `AP`, read from
// the declaration file itself, so a name the type test's sample code never calls is covered too.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildAP } from '../../src/plugin/ap.js';

/** Declared on `AP` but not app API; the README's "Migrating" section says why. */
const NOT_APP_API = ['addRequestMarshal', 'defineGlobal', 'defineModule'];

/** Members of objects the API hands out; `jira.WorkflowConfiguration.trigger` is the product's (see README). */
const NOT_APP_MEMBERS = ['jira.WorkflowConfiguration.trigger'];

/**
 * Every function declared in `namespace AP` and its namespaces (`confluence.saveMacro`, `request`, …),
 * and every method (or function-typed property) of the interfaces declared there
 * (`dialog.DialogButton.enable`, …).
 */
function declared(): { functions: string[]; members: string[] } {
  const file = createRequire(import.meta.url).resolve('@types/atlassian-connect-js/index.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const functions = new Set<string>();
  const members = new Set<string>();
  function walk(node: ts.Node, path: string[]): void {
    if (ts.isModuleDeclaration(node)) {
      const inner = [...path, node.name.getText(source)];
      node.body?.forEachChild((child) => walk(child, inner));
    } else if (ts.isFunctionDeclaration(node) && node.name) {
      functions.add([...path.slice(1), node.name.text].join('.'));
    } else if (ts.isInterfaceDeclaration(node)) {
      for (const member of node.members) {
        const method = ts.isMethodSignature(member) || (ts.isPropertySignature(member) && member.type !== undefined && ts.isFunctionTypeNode(member.type));
        if (method) members.add([...path.slice(1), node.name.text, member.name.getText(source)].join('.'));
      }
    } else if (ts.isModuleBlock(node)) {
      node.forEachChild((child) => walk(child, path));
    }
  }
  source.forEachChild((node) => walk(node, []));
  return { functions: [...functions].sort(), members: [...members].sort() };
}

describe('the Connect API surface', () => {
  const { functions: declaredFunctions, members } = declared();
  const { ap } = buildAP({ window });
  const at = (path: string): unknown =>
    path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], ap);

  it('reads a plausible list from the declarations (the walk itself works)', () => {
    expect(declaredFunctions).toEqual(expect.arrayContaining(['request', 'confluence.saveMacro', 'jira.openDatePicker', 'history.popState', 'events.offAnyPublic']));
    expect(declaredFunctions.length).toBeGreaterThan(70);
  });

  it('has every declared function, in a plain AP before any connection', () => {
    const missing = declaredFunctions.filter((path) => !NOT_APP_API.includes(path) && typeof at(path) !== 'function');
    expect(missing).toEqual([]);
  });

  it('hands out objects with every declared method: dialog buttons, the custom content editor, workflow configuration', () => {
    // Objects made without a call to the host; a dialog and a flag are made by one (their methods: dialog.test.ts, flag.test.ts).
    const objects: Record<string, unknown> = {
      'dialog.DialogButton': ap.dialog.getButton('submit'),
      'customContent.EditComponent': ap.customContent.getEditComponent(),
      'jira.WorkflowConfiguration': ap.jira.WorkflowConfiguration,
    };
    const checked = Object.entries(objects).flatMap(([name, object]) =>
      members.filter((path) => path.startsWith(`${name}.`)).map((path) => ({ path, method: (object as Record<string, unknown>)[path.slice(name.length + 1)] })),
    );
    expect(checked.map(({ path }) => path)).toEqual(expect.arrayContaining(['dialog.DialogButton.enable', 'customContent.EditComponent.intercept', 'jira.WorkflowConfiguration.onSave']));
    const missing = checked.filter(({ path, method }) => !NOT_APP_MEMBERS.includes(path) && typeof method !== 'function').map(({ path }) => path);
    expect(missing).toEqual([]);
    expect(NOT_APP_MEMBERS.every((path) => members.includes(path))).toBe(true);
  });

  it('leaves out exactly the documented names that are not app API', () => {
    expect(NOT_APP_API.every((name) => declaredFunctions.includes(name))).toBe(true);
    expect(NOT_APP_API.filter((name) => at(name) !== undefined)).toEqual([]);
  });
});
