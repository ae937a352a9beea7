import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// tfjs is heavy and blocks on kernels: it may only be imported by the worker (and by
// scripts and tests that run in Node), so the page's first download stays small.
const tfjsMessage = 'tfjs belongs in src/worker/ only; talk to it through src/client/.';
const tfjsFence = { patterns: [{ group: ['@tensorflow/*'], message: tfjsMessage }] };
// no-restricted-imports does not look at import(), which is how the worker loads its backends.
const tfjsDynamicFence = {
  selector: 'ImportExpression[source.value=/^@tensorflow\\//]',
  message: tfjsMessage,
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-*',
      'bench-results',
      'node_modules',
      'public/data',
      'test-results',
      'playwright-report',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      // `const { type: _type, ...rest } = message` is how we drop fields: allow the _ prefix.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/worker/**'],
    rules: {
      'no-restricted-imports': ['error', tfjsFence],
      'no-restricted-syntax': ['error', tfjsDynamicFence],
    },
  },
  {
    // The worker loads a backend only when it starts one (backendLoad.ts): a value import of a
    // backend package anywhere else would bundle it into the worker's start-up chunk again, and
    // the umbrella package would bring the converter and data packages too.
    files: ['src/worker/**/*.ts'],
    ignores: ['src/worker/backends/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@tensorflow/tfjs', message: 'Import tfjs-core and tfjs-layers.' }],
          patterns: [
            {
              group: ['@tensorflow/tfjs-backend-*'],
              allowTypeImports: true,
              message: 'Backends load lazily: see src/worker/backends/backendLoad.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['scripts/**', 'tests/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
