// Lint, including the layering rules of ARCHITECTURE.md §3 as errors: which folder may import what.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const nodeOnlyPackages = ['better-sqlite3', 'better-sqlite3-multiple-ciphers', 'ws', 'fastify', 'conf', 'electron-store', 'pino'];

/** A no-restricted-imports rule from plain lists: exact module names, and path patterns with the reason. */
function restrict(names, patterns) {
  return [
    'error',
    {
      paths: names.map(([name, message]) => ({ name, message })),
      patterns: patterns.map(([group, message]) => ({ group, message })),
    },
  ];
}

const electronOnly = ['electron', 'only src/main/electron may import electron (ARCHITECTURE.md §3)'];
const noNode = (who) => nodeBuiltins.map((name) => [name, `${who} runs without Node: no node built-ins (ARCHITECTURE.md §3)`]);
const noNodePackages = (who) => nodeOnlyPackages.map((name) => [name, `${who} may not use the Node-only package ${name}`]);

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/lint-fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'chat text is rendered as text, never as HTML' },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [electronOnly, ...noNode('src/shared'), ...noNodePackages('src/shared')],
        [
          [['**/main/**', '**/server/**', '**/renderer/**'], 'src/shared imports nothing from other src folders'],
          [['react', 'react-dom', 'react/*', 'antd', 'antd/*'], 'src/shared is pure TypeScript, no UI'],
        ],
      ),
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [electronOnly],
        [[['**/main/**', '**/renderer/**', '../main', '../renderer'], 'src/server imports src/shared only']],
      ),
    },
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [electronOnly],
        [[['**/renderer/**', '**/electron/**', '**/host/**', '**/server/**'], 'src/main/core imports shared, node:* and packages only']],
      ),
    },
  },
  {
    files: ['src/main/host/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([electronOnly], [[['**/renderer/**', '**/electron/**'], 'the browser host never loads the Electron shell or renderer code']]),
    },
  },
  {
    files: ['src/main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([], [[['**/renderer/**', '**/host/**'], 'the Electron shell does not import renderer or host code']]),
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': restrict(
        [electronOnly, ...noNode('src/renderer'), ...noNodePackages('src/renderer')],
        [[['**/main/**', '**/server/**'], 'the renderer talks to the core through RPC only']],
      ),
    },
  },
);
