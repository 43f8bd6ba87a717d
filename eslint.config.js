import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['dist/', 'dev-dist/', 'node_modules/', 'src/generated/', 'training/', 'public/', 'test/.fixtures/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['src/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', { selector: 'TSAsExpression > TSAnyKeyword', message: 'No `as any`.' }],
    },
  },
  {
    // A test that dereferences a missing element fails, which is what it should do.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // The worker may only see its own folder and the shared types: no DOM components, no storage.
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '../components/**',
            '../controllers/**',
            '../storage/**',
            '../platform/**',
            '../live/**',
            '../i18n/**',
            '../styles/**',
          ],
        },
      ],
    },
  },
  {
    // Per-frame logic is pure: the shared types and itself, no DOM framework, no storage, no worker.
    files: ['src/live/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '../components/**',
            '../controllers/**',
            '../storage/**',
            '../platform/**',
            '../i18n/**',
            '../styles/**',
            '../worker/**',
            'lit',
            'lit/*',
            'idb',
            '@tensorflow/*',
          ],
        },
      ],
    },
  },
  {
    // Controllers sit below the elements: an element may use a controller, never the other way round.
    files: ['src/controllers/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['../components/**', '../i18n/**', '../styles/**'] }] },
  },
  {
    // FHIR mapping is pure: its own files, the shared types and `import type` from fhir/r4.
    files: ['src/fhir/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            '../components/**',
            '../controllers/**',
            '../storage/**',
            '../platform/**',
            '../i18n/**',
            '../styles/**',
            '../worker/**',
            '../live/**',
            'lit',
            'lit/*',
            'idb',
            '@tensorflow/*',
          ],
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../*/*', 'lit', 'lit/*', '@tensorflow/*', 'idb'] }],
    },
  },
);
