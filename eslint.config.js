// The lint of `npm test`: the habits STYLE.md asks for, checked rather than hoped for.
// Type-aware where it matters (promises); import cycles through the TypeScript resolver.
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'action/**', 'node_modules/**', 'bench/estates/**', 'bench/results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      'import-x/no-cycle': 'error',
      // The layers of docs/architecture.md: a folder imports only from those below it.
      'import-x/no-restricted-paths': ['error', { zones: layerZones() }],
      'no-console': 'error',
      // Control characters are what the patterns that look for them must name.
      'no-control-regex': 'off',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'options come in as arguments: only the command line (src/cli/, src/action/) reads the environment' }],
    },
  },
  // Plain JavaScript (the bin shim, the build, the bench) is outside the TypeScript project.
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', performance: 'readonly', setTimeout: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Only the command line prints; the bench and the build are command lines of their own.
  { files: ['src/cli/**', 'bench/**', 'scripts/**', 'build.mjs'], rules: { 'no-console': 'off' } },
  { files: ['src/cli/**', 'src/action/**', 'bench/**', 'scripts/**', 'tests/**', 'build.mjs', '*.config.*'], rules: { 'no-restricted-properties': 'off' } },
);

/** Lowest first: schemas and the small helpers, the model, reading a backlog, the rules, what is built on them, formats, the command line. */
function layerZones() {
  const layers = [
    ['./schemas', './src/text', './src/files', './src/errors.ts'],
    ['./src/model'],
    ['./src/cache', './src/load'],
    ['./src/validate'],
    ['./src/query', './src/diff', './src/edit', './src/import', './src/git'],
    ['./src/format'],
    ['./src/cli', './src/action'],
  ];
  return layers.slice(0, -1).flatMap((targets, level) => targets.map((target) => ({ target, from: layers.slice(level + 1).flat(), message: 'a lower layer may not import a higher one (docs/architecture.md)' })));
}
