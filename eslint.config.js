// eslint (flat config) with typescript-eslint's recommended rules, without type information so
// that `make lint` stays fast; formatting is prettier's job (.prettierrc.json), so
// eslint-config-prettier turns off the rules that would fight it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/**', 'node_modules/**', 'figures/**', 'tests/fixtures/**', 'tests/snapshots/**', 'coverage/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // The sources keep directives for type-aware rules (no-implied-eval around new Function) that
    // this fast, untyped setup does not run: not worth a warning.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: globals.node,
    },
    rules: {
      // `catch {}` is how cleanup says a second failure must not hide the first.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // `_`-prefixed arguments are deliberately unused (callbacks with a fixed signature).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    // Reference values are quoted with all the digits their source printed; terminal output is
    // matched with its escape codes.
    files: ['tests/**'],
    rules: { 'no-loss-of-precision': 'off', 'no-control-regex': 'off' },
  },
  prettier,
);
