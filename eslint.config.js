import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/build/**',
      '**/dist/**',
      '**/.svelte-kit/**',
      'data/**',
      'server/drizzle/**',
      'web/test-results/**',
      'web/playwright-report/**',
      'bench/results/**',
      '**/*.config.js',
      '**/*.config.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        projectService: { allowDefaultProject: ['scripts/*.mjs', 'server/scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      curly: ['error', 'multi-line'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['**/test/**/*.ts', '**/*.test.ts', 'web/tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Dependencies point one way: standards ← model ← server, web (STYLE.md rule 1).
    files: ['packages/standards/**/*.ts'],
    // Tests may read the shared reference data from disk; the package's own code may not.
    ignores: ['packages/standards/**/*.test.ts', 'packages/standards/test/**', 'packages/standards/scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['yjs', 'y-*', '@anguan/model', '@anguan/server', 'node:*', 'fs', 'path'] },
      ],
    },
  },
  {
    files: ['packages/model/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@anguan/server', 'node:*', 'fs'] }] },
  },
  {
    files: ['web/**/*.ts', 'web/**/*.svelte'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['@anguan/server/*', '**/server/src/**'] }] },
  },
);
