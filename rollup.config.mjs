import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const ts = () =>
  typescript({ tsconfig: './tsconfig.build.json', declaration: false, noEmitOnError: true, outDir: 'dist' });

// The host UI's stylesheet is written readably in template literals; ship it without comments and
// runs of whitespace (about 370 B of gzip). Only whitespace next to `{ } ; ,` is dropped, never
// around `:` or between selectors, so no selector or value changes meaning.
const compactCss = () => ({
  name: 'compact-css',
  transform(code, id) {
    if (!id.replace(/\\/g, '/').endsWith('src/host/ui/styles.ts')) return null;
    const compacted = code.replace(/`[^`]*`/g, (literal) =>
      literal
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,])\s*/g, '$1'),
    );
    return { code: compacted, map: null };
  },
});

// Property names starting with `_` are internal and safe to mangle; nothing public uses one.
const minify = () => terser({ ecma: 2020, compress: { passes: 2 }, format: { comments: false } });

export default [
  {
    input: 'src/plugin/global.ts',
    output: { file: 'dist/all.js', format: 'iife', sourcemap: true, plugins: [minify()] },
    plugins: [nodeResolve(), ts()],
  },
  {
    input: { plugin: 'src/plugin/index.ts', host: 'src/host/index.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].mjs', chunkFileNames: 'shared-[hash].mjs', sourcemap: true },
    plugins: [nodeResolve(), ts(), compactCss()],
  },
  {
    input: 'src/host/index.ts',
    output: { file: 'dist/host.js', format: 'iife', name: 'APHost', sourcemap: true, plugins: [minify()] },
    plugins: [nodeResolve(), ts(), compactCss()],
  },
  {
    input: { plugin: 'src/plugin/index.ts', host: 'src/host/index.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].d.ts', chunkFileNames: 'shared-[hash].d.ts' },
    plugins: [dts({ tsconfig: './tsconfig.build.json' })],
  },
];
