import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tests/**/fixtures/**', 'tests/corpus/database/**', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The pure core must not reach the outside world (design.md: functional core, imperative shell).
    files: [
      'src/core/**',
      'src/rules/**',
      'src/policy/**',
      'src/report/**',
      'src/config/**',
      'src/database/**',
      'src/sql/**',
      'src/changes/model.ts',
      'src/changes/diff.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/github/**', '@actions/*', '@octokit/*'], message: 'The core never talks to GitHub.' },
            {
              group: ['node:child_process', 'child_process', 'node:fs', 'fs', 'node:fs/promises', 'node:net', 'node:http', 'node:https'],
              message: 'The core does no I/O.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'The core does no I/O.' }],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The clock is an input (now).' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'The clock is an input (now).' },
      ],
    },
  },
);
