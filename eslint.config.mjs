// ESLint flat config: typescript-eslint recommended + stylistic, type-aware, with the project's hard rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { LAYERS, PARSING_LIBRARIES } from './scripts/layers.mjs';

/**
 * Import boundaries: a folder of server/src imports only its own layer's folder and the layers below it
 * (scripts/layers.mjs), and only dockerfile/ imports the parsing libraries.
 */
function layerBoundaries() {
  const configs = [];
  LAYERS.forEach((layer, rank) => {
    for (const folder of layer.folders) {
      const above = LAYERS.slice(rank + 1).flatMap((higher) => higher.folders);
      const siblings = layer.folders.filter((other) => other !== folder);
      const forbidden = [...above, ...siblings];
      const patterns = [];
      if (forbidden.length > 0) {
        patterns.push({
          regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
          message: `server/src/${folder} is in the ${layer.name} layer: it may import only its own folder and lower layers (${LAYERS.slice(0, rank).map((lower) => lower.name).join(', ') || 'none'}). See docs/architecture.md.`,
        });
      }
      const paths = folder === 'dockerfile' ? [] : PARSING_LIBRARIES.map((name) => ({ name, message: 'Only server/src/dockerfile reads the parsing libraries; read the model instead.' }));
      configs.push({ files: [`server/src/${folder}/**/*.ts`], rules: { 'no-restricted-imports': ['error', { paths, patterns }] } });
    }
  });
  configs.push({
    files: ['client/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: 'server/src/(?!protocol$)', message: 'The client shares only server/src/protocol.ts with the server.' }] }],
    },
  });
  return configs;
}

export default tseslint.config(
  { ignores: ['scripts/*.mjs', 'dist/**', 'node_modules/**', '.e2e/**', 'coverage/**', '.bench/**', '*.vsix', 'esbuild.mjs', 'eslint.config.mjs', '.vscode-test.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...tseslint.configs.stylistic,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(push|unshift)$/] > SpreadElement',
          message: 'A spread of an unbounded array overflows the call stack: use appendAll (server/src/util/arrays.ts).',
        },
      ],
    },
  },
  ...layerBoundaries(),
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
