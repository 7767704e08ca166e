// Type-aware lint, kept small: the rules that catch what the compiler cannot
// (docs/decisions/0007-ci-rules.md). Formatting is prettier's job, unused code knip's.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'libs/*/dist/', 'data/', 'node_modules/', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.base],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Mixed arrays are deliberate where a burst's results are mostly ready: only those that must wait are promises.
      '@typescript-eslint/await-thenable': ['error', { allowMixedPromiseArrays: true }],
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/only-throw-error': 'error',
    },
  },
  {
    // Business time comes from the Clock port, so the training clock moves every rule (docs/decisions/0011-training-clock.md).
    // Only the apps that decide rules; the exceptions mean the real time: the training clock's own real date and demo seeding.
    files: ['apps/{applicants,landlords,listings,messages,statistics}/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'apps/*/src/demo/**', 'apps/applicants/src/training-clock/training-clock.controller.ts'],
    rules: {
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the Clock port (clock.now()) for the business time.' }],
    },
  },
);
