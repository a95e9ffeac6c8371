/**
 * The extension-host suite (extension-host/*.test.ts, `vscode` API) run by the same VS Code server: code-server is
 * started without the .vsix, and the browser window opens with `extensionDevelopmentPath` (the repository, with its
 * bundled dist/) and `extensionTestsPath` (a shim that loads tsx, then extension-host/index.ts) in its payload.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { makeHome, startCodeServer, type CodeServer } from './support/codeServer';
import { bundledServer } from './support/packaging';
import { E2E_FIXTURES, REPO_ROOT } from './support/paths';
import { waitUntil } from './support/workbench';
import type { ExtensionHostResult } from './extension-host/index';

describe('extension-host suite (vscode API) in code-server', function () {
  let home: string;
  let server: CodeServer | undefined;
  let browser: RunningBrowser | undefined;

  after(async function () {
    await browser?.stop();
    await server?.stop();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('passes getDiagnostics, executeCodeActionProvider, executeHoverProvider, settings and config file checks', async function () {
    bundledServer();
    home = makeHome('exthost');
    const resultFile = path.join(home, 'result.json');
    // Why a shim: the extension host loads the tests module with require(), which needs JavaScript.
    const shim = path.join(home, 'runner.js');
    writeFileSync(shim, `require(${JSON.stringify(require.resolve('tsx/cjs'))});\nmodule.exports = require(${JSON.stringify(path.join(REPO_ROOT, 'test', 'e2e', 'extension-host', 'index.ts'))});\n`);
    mkdirSync(path.join(home, 'workspace'));
    writeFileSync(path.join(home, 'workspace', 'Dockerfile'), readFileSync(path.join(E2E_FIXTURES, 'workspace', 'Dockerfile')));
    server = await startCodeServer({
      home,
      userSettings: { 'workbench.startupEditor': 'none', 'extensions.autoCheckUpdates': false, 'telemetry.telemetryLevel': 'off' },
      env: { EXTENSIONS_GALLERY: '{"serviceUrl":""}', ALPINIST_EXTHOST_RESULT: resultFile },
    });
    browser = await launchBrowser();
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const authority = new URL(server.url).host;
    const remote = (file: string): string => `vscode-remote://${authority}${file}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(REPO_ROOT)],
      ['extensionTestsPath', remote(shim)],
    ]);
    const started = performance.now();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(path.join(home, 'workspace'))}&payload=${encodeURIComponent(payload)}`, { timeout: 60_000 });
    try {
      await waitUntil(() => existsSync(resultFile), 120_000, 'the extension-host suite to write its result');
    } catch (error) {
      throw new Error(`${(error as Error).message}\ncode-server output:\n${server.output().slice(-4000)}\nbrowser console errors:\n${errors.slice(-20).join('\n')}`);
    }
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as ExtensionHostResult;
    process.stdout.write(`      extension host (${Math.round(performance.now() - started)} ms):\n`);
    for (const title of result.passes) process.stdout.write(`        ✔ ${title}\n`);
    for (const failure of result.failures) process.stdout.write(`        ✘ ${failure.title}\n${failure.error}\n`);
    assert.deepEqual(result.failures, []);
    assert.ok(result.passes.length >= 5, `only ${result.passes.length} extension-host tests passed`);
  });
});
