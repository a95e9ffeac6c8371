// @vscode/test-cli configuration for machines that can download VS Code (`npx vscode-test` after
// `npm i -D @vscode/test-cli @vscode/test-electron`, under xvfb-run on Linux CI). It runs the extension-host suite
// (test/e2e/extension-host/*.test.ts, TypeScript through tsx) against the repository as extension development path,
// so build first (`npm run build`). Offline, test/e2e/extensionHost.test.ts runs the same files in code-server.
import { defineConfig } from '@vscode/test-cli';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export default defineConfig({
  label: 'extension-host',
  files: 'test/e2e/extension-host/**/*.test.ts',
  version: 'stable',
  workspaceFolder: 'test/e2e/fixtures/workspace',
  launchArgs: ['--disable-extensions'],
  mocha: { ui: 'bdd', timeout: 60000, preload: [require.resolve('tsx/cjs')] },
});
