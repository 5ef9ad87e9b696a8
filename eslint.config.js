// Flat config: type-checked TypeScript rules plus Lit and web-component rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default tseslint.config(
  // src/generated and shell/generated: written by `npm run localize` (lit-localize build).
  { ignores: ['dist/', 'node_modules/', 'public/mockServiceWorker.js', 'coverage/', 'src/generated/', 'shell/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The root's config files and scripts/*.mjs are outside tsconfig's include: more than the default 8 of them.
        projectService: { allowDefaultProject: ['*.js', '*.mjs', 'scripts/*.mjs'], maximumDefaultProjectFileMatchCount_THIS_WILL_SLOW_DOWN_LINTING: 16 },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-namespace': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ['src/**/*.ts', 'shell/**/*.ts', 'mocks/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/**/*.ts', 'shell/**/*.ts', 'mocks/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    // Lit binds event listeners in templates to the element, so `@click=${this.close}` is safe.
    files: ['src/components/**/*.ts', 'shell/ui/**/*.ts'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: {
      // chai's property assertions (`to.be.true`) read as unused expressions.
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // @open-wc/testing types chai's `equal` as a promise (for DOM diffs), so this rule would flag every
      // plain assertion; the asynchronous assertions that matter are checked by name instead.
      '@typescript-eslint/no-floating-promises': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: "ExpressionStatement > CallExpression[callee.property.name=/^(accessible|isAccessible|isNotAccessible|rejectedWith|fulfilled)$/]",
          message: 'This assertion is asynchronous: await it.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { URL: 'readonly', process: 'readonly', console: 'readonly' } },
  },
);
