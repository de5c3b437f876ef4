// Lint rules that encode DESIGN.md §11: configuration is read in one place, no `any` in
// production code, no unused code. Type-aware rules are left out to keep the suite fast.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.cache/**', '**/.turbo/**', 'web/.next/**', 'web/next-env.d.ts', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through @quanta/config (services/config), the only reader of process.env.' },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // The one reader of the environment, and test gates on real backends (NEO4J_URL, MEILI_URL).
    // web/ has its own (src/lib/config.ts), set by its start script (start.mjs).
    files: ['services/config/src/**', 'web/src/lib/config.ts', 'ingest/src/client-config.ts', 'web/start.mjs', '**/*.test.ts', 'test/**', 'scripts/**', 'vitest.suite.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['test/**', '**/*.test.ts', '**/testing/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
