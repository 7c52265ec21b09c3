// Every function `@types/atlassian-connect-js` declares on `AP` exists on apbridge's `AP`, read from
// the declaration file itself, so a name the type test's sample code never calls is covered too.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildAP } from '../../src/plugin/ap.js';

/** Declared on `AP` but not app API; the README's "Migrating" section says why. */
const NOT_APP_API = ['addRequestMarshal', 'defineGlobal', 'defineModule'];

/** `confluence.saveMacro`, `request`, …: every function declared in `namespace AP` and its namespaces. */
function declaredFunctions(): string[] {
  const file = createRequire(import.meta.url).resolve('@types/atlassian-connect-js/index.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const found = new Set<string>();
  function walk(node: ts.Node, path: string[]): void {
    if (ts.isModuleDeclaration(node)) {
      const inner = [...path, node.name.getText(source)];
      node.body?.forEachChild((child) => walk(child, inner));
    } else if (ts.isFunctionDeclaration(node) && node.name) {
      found.add([...path.slice(1), node.name.text].join('.'));
    } else if (ts.isModuleBlock(node)) {
      node.forEachChild((child) => walk(child, path));
    }
  }
  source.forEachChild((node) => walk(node, []));
  return [...found].sort();
}

describe('the Connect API surface', () => {
  const declared = declaredFunctions();
  const { ap } = buildAP({ window });
  const at = (path: string): unknown =>
    path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], ap);

  it('reads a plausible list from the declarations (the walk itself works)', () => {
    expect(declared).toEqual(expect.arrayContaining(['request', 'confluence.saveMacro', 'jira.openDatePicker', 'history.popState', 'events.offAnyPublic']));
    expect(declared.length).toBeGreaterThan(70);
  });

  it('has every declared function, in a plain AP before any connection', () => {
    const missing = declared.filter((path) => !NOT_APP_API.includes(path) && typeof at(path) !== 'function');
    expect(missing).toEqual([]);
  });

  it('leaves out exactly the documented names that are not app API', () => {
    expect(NOT_APP_API.every((name) => declared.includes(name))).toBe(true);
    expect(NOT_APP_API.filter((name) => at(name) !== undefined)).toEqual([]);
  });
});
