import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

// tfjs is heavy and blocks on kernels: it may only be imported by the worker (and by
// scripts and tests that run in Node), so the page's first download stays small.
const tfjsMessage = 'tfjs belongs in src/worker/ only; talk to it through src/page/client/.';
const tfjsFence = { patterns: [{ group: ['@tensorflow/*'], message: tfjsMessage }] };
// no-restricted-imports does not look at import(), which is how the worker loads its backends.
const tfjsDynamicFence = {
  selector: 'ImportExpression[source.value=/^@tensorflow\\//]',
  message: tfjsMessage,
};

// The rooms of src/ (ARCHITECTURE.md) and which may not reach into which. A process may use
// src/shared/ and its own folders only; inside a process, the leaf folders stay leaves. Import
// cycles, type imports included, are kept out by dpdm in `npm run lint` (import-x's no-cycle
// skips type imports).
const processFence = (target, others) => ({
  target,
  from: others,
  message: 'Processes talk through src/shared/protocol.ts messages, never through imports.',
});
const roomFences = [
  processFence('./src/shared', ['./src/page', './src/worker', './src/sw', './src/main.tsx']),
  processFence('./src/page', ['./src/worker', './src/sw']),
  processFence('./src/main.tsx', ['./src/worker', './src/sw']),
  processFence('./src/worker', ['./src/page', './src/sw', './src/main.tsx']),
  processFence('./src/sw', ['./src/page', './src/worker', './src/main.tsx']),
  {
    target: './src/page/ui',
    from: './src/page',
    except: ['./ui'],
    message: 'page/ui holds widgets every panel shares: it knows no panel, store or chapter.',
  },
  {
    // The data worker must stay small and free of tfjs: it starts before anything else.
    target: ['./src/worker/data', './src/worker/decode'],
    from: './src/worker',
    except: ['./data', './decode'],
    message: 'The data worker (data/, decode/) runs apart from training: it imports no tfjs code.',
  },
  {
    target: ['backends', 'data', 'decode', 'kernels', 'latent', 'models', 'training'].map(
      (room) => `./src/worker/${room}`,
    ),
    from: './src/worker/handler',
    message: 'Only the worker entry uses the message handler; the handler uses the rest.',
  },
];

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
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: roomFences }] },
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
    // backend package anywhere but its own chunk would bundle it into the worker's start-up
    // chunk again, and the umbrella package would bring the converter and data packages too.
    files: ['src/worker/**/*.ts'],
    ignores: ['src/worker/backends/{cpu,wasm,webgl}.ts'],
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
