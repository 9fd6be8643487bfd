// ESLint flat config: typescript-eslint's type-aware rules on the project's
// TypeScript (tsconfig.json's program), the plain recommended rules on bin/*.js.
// Every rule turned off or narrowed here says why.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'fixtures/', 'helm/', 'eslint.config.mjs'] },
  {
    files: ['bin/**/*.js'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `typeof import('x')` annotates the lazy require()s below.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // A lazy require() is how an optional feature (TLS, bcrypt, ajv, koffi, prom-client's parts) is
      // loaded only when it is on, which keeps the exporter's memory down (issue 20); imports stay static elsewhere.
      '@typescript-eslint/no-require-imports': 'off',
      // Record fields are `unknown` by the mapping contract (numbers, bigints, strings from the parsers);
      // String() of them is the label or comparison value, as node_exporter formats them.
      '@typescript-eslint/no-base-to-string': 'off',
      // A timer cleared by a callback set up before the timer itself is assigned once, after that callback.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // Tests walk parsed JSON and YAML documents (manifests, dashboards, command output) whose
      // shape is what they assert; `any` there is the document, not an escape from the types.
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      // chai's property assertions (`.to.be.true`, `.to.be.NaN`) are expressions.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Expected values are written as the kernel prints them (64-bit counters); the literal and
      // the parser's result are the same nearest double.
      'no-loss-of-precision': 'off',
    },
  },
);
