// @vitest-environment node
// Error codes and drop reasons are API: each one must be documented in the README's tables.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../src/shared/errors.js';
import { DropReason } from '../src/shared/guards.js';

const readme = readFileSync('README.md', 'utf8');
const rows = (heading: string): string => {
  const start = readme.indexOf(heading);
  expect(start, heading).toBeGreaterThan(-1);
  return readme.slice(start, readme.indexOf('\n#', start + heading.length));
};

describe('README documents every code', () => {
  it.each(Object.values(ErrorCode))('error code %s has a row in "Error codes"', (code) => {
    expect(rows('## Error codes')).toContain(`| \`${code}\` |`);
  });

  it.each(Object.values(DropReason))('drop reason %s has a row in "Drop reasons"', (reason) => {
    expect(rows('### Drop reasons')).toContain(`| \`${reason}\` |`);
  });
});

// The guide shows examples/ace-app's files, and `npm test` runs that app's test: the two must not drift.
describe('docs/run-locally.md', () => {
  const guide = readFileSync('docs/run-locally.md', 'utf8');
  it.each(['config.json', 'atlassian-connect.json', 'app.js', 'memory-store.js', 'playwright.config.js', 'tests/hello-world.spec.js'])(
    'shows examples/ace-app/%s as it is',
    (file) => {
      expect(guide).toContain(readFileSync(`examples/ace-app/${file}`, 'utf8').trimEnd());
    },
  );
});
