// ESLint flat config: typescript-eslint's recommended rules for the sources, tests and scripts.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // Alert data is untyped JSON from a hostile source: `any` is used deliberately, at the edges.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Control characters in the patterns are what the neutralisers remove.
      'no-control-regex': 'off'
    }
  },
  {
    // A house a newcomer can read: no function longer than a screen, no module longer than one concern.
    // Lines are counted as written (blank lines and comments included).
    files: ['src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: false, skipComments: false }],
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }]
    }
  },
  { files: ['__tests__/**/*.ts'], languageOptions: { globals: { ...globals.jest } } }
);
