// Asserts what `npm pack` would publish: the built bundles, the built simulator (dist/simulator: its
// JavaScript, declarations and static files) and the documents, nothing else (no src/, TypeScript
// sources, tests, examples, bench or dotfiles). Run from `npm test` after `npm run build`.
import { execFileSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const [pack] = JSON.parse(execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = pack.files.map((f) => f.path).sort();

const allowed = [
  /^dist\/[\w.-]+\.(js|mjs|d\.ts|map)$/,
  /^dist\/simulator\/([\w.-]+\/)*[\w.-]+\.(js|d\.ts|css|svg)$/,
  /^(README|SECURITY|CHANGELOG)\.md$/,
  /^LICENSE$/,
  /^package\.json$/,
];
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
  'dist/simulator/start.js',
  'dist/simulator/simulator.js',
  'dist/simulator/simulator.d.ts',
  'dist/simulator/testing.js',
  'dist/simulator/testing.d.ts',
  'dist/simulator/public/product.css',
  'dist/simulator/public/inspector.js',
];
// A TypeScript source next to the built files would mean the build copied instead of compiling.
const sources = files.filter((f) => f.startsWith('dist/simulator/') && f.endsWith('.ts') && !f.endsWith('.d.ts'));

const unexpected = [...files.filter((f) => !allowed.some((re) => re.test(f))), ...sources];
const missing = required.filter((f) => !files.includes(f));
if (unexpected.length || missing.length) {
  if (unexpected.length) console.error(`npm pack would ship unexpected files:\n  ${unexpected.join('\n  ')}`);
  if (missing.length) console.error(`npm pack would not ship:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`npm pack: ${files.length} files, ${(pack.size / 1024).toFixed(1)} KiB packed, ${(pack.unpackedSize / 1024).toFixed(1)} KiB unpacked`);
