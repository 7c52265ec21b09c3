// Asserts what `npm pack` would publish: the built bundles and the documents, nothing else (no src/,
// tests, demo, bench or dotfiles). Run from `npm test` after `npm run build`.
import { execFileSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const [pack] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = pack.files.map((f) => f.path).sort();

const allowed = [/^dist\/[\w.-]+\.(js|mjs|d\.ts|map)$/, /^(README|SECURITY|CHANGELOG)\.md$/, /^LICENSE$/, /^package\.json$/];
const required = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'dist/all.js',
  'dist/plugin.mjs',
  'dist/plugin.d.ts',
  'dist/host.mjs',
  'dist/host.js',
  'dist/host.d.ts',
];

const unexpected = files.filter((f) => !allowed.some((re) => re.test(f)));
const missing = required.filter((f) => !files.includes(f));
if (unexpected.length || missing.length) {
  if (unexpected.length) console.error(`npm pack would ship unexpected files:\n  ${unexpected.join('\n  ')}`);
  if (missing.length) console.error(`npm pack would not ship:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`npm pack: ${files.length} files, ${(pack.size / 1024).toFixed(1)} KiB packed, ${(pack.unpackedSize / 1024).toFixed(1)} KiB unpacked`);
