import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The architecture in lint form: host and plugin never import each other; both may use src/shared.
const forbid = (side) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [{ group: [`**/${side}/**`, `../${side}/*`, `../../${side}/*`], message: `src/host and src/plugin must not import each other (only src/shared).` }] },
  ],
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'coverage/', '.data/', 'bench/results/', 'docs/api/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/host/**/*.ts'], rules: forbid('plugin') },
  { files: ['src/plugin/**/*.ts'], rules: forbid('host') },
  { files: ['src/shared/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: ['**/host/**', '**/plugin/**', '../host/*', '../plugin/*'] }] } },
  {
    files: ['test/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.{ts,mjs}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
