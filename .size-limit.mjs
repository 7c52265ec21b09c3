// Size budgets, checked in `npm test`: minified + gzip (level 9), in kB of 1000 bytes. Every check is
// bundled and minified by esbuild, the IIFEs too; for all.js that reads ~450 B above the terser-built
// file as shipped (`gzip -9 dist/all.js`), so the figures are an upper bound.
//
// "issue target" marks the goals of issues 7 and 11; the limits are ratchets set a little above the size when
// they were last measured. Lower them when a change shrinks a bundle; raise one only with a CHANGELOG
// line saying why.
export default [
  { name: 'dist/all.js: every plugin module (issue 11 target 9 kB)', path: 'dist/all.js', gzip: true, limit: '10.0 kB' },
  { name: 'apbridge/plugin: import { AP }', path: 'dist/plugin.mjs', import: '{ AP }', gzip: true, limit: '10.1 kB' },
  { name: 'apbridge/host: everything (issue target 16 kB)', path: 'dist/host.mjs', import: '*', gzip: true, limit: '24.3 kB' },
  { name: 'apbridge/host: import { createHost }', path: 'dist/host.mjs', import: '{ createHost }', gzip: true, limit: '24.05 kB' },
  // Tree-shaking proofs: the core alone, or with one module, must not pull in the other Connect
  // modules or the host UI (dialogs, flags and their styles are about half of `createHost`).
  { name: 'apbridge/host: import { createHostCore }', path: 'dist/host.mjs', import: '{ createHostCore }', gzip: true, limit: '9.85 kB' },
  { name: 'apbridge/host: import { createHostCore, cookieModule }', path: 'dist/host.mjs', import: '{ createHostCore, cookieModule }', gzip: true, limit: '10.55 kB' },
  { name: 'apbridge/host: import { createHostCore, historyModule }', path: 'dist/host.mjs', import: '{ createHostCore, historyModule }', gzip: true, limit: '10.95 kB' },
  { name: 'dist/host.js: IIFE global APHost', path: 'dist/host.js', gzip: true, limit: '24.15 kB' },
];
