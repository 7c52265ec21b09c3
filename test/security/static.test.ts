// Source-level invariants that are cheap to check exhaustively: no '*' target origin on anything the
// bridge posts, and no HTML sinks anywhere the host renders app strings.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const sources = files('src').map((path) => ({ path, text: readFileSync(path, 'utf8') }));

describe('source invariants', () => {
  it('never posts to the "*" target origin', () => {
    const offenders = sources.filter(({ text }) => /postMessage\([^)]*['"`]\*['"`]/.test(text)).map((s) => s.path);
    expect(offenders).toEqual([]);
  });

  it('uses no HTML sinks (innerHTML, outerHTML, insertAdjacentHTML, document.write)', () => {
    const offenders = sources
      .filter(({ text }) => /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/.test(text))
      .map((s) => s.path);
    expect(offenders).toEqual([]);
  });

  it('the checks would notice an offender (twin)', () => {
    expect(/postMessage\([^)]*['"`]\*['"`]/.test("win.postMessage(data, '*')")).toBe(true);
    expect(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML/.test('el.innerHTML = title')).toBe(true);
  });
});
