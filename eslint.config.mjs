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
  { files: ['__tests__/**/*.ts'], languageOptions: { globals: { ...globals.jest } } }
);
