/**
 * The npm package: what the tarball holds, an offline install into an empty project, and both bins run from there
 * (`alpinist lint` on the example, `alpinist-language-server --stdio` answering `initialize` and publishing
 * diagnostics whose docs pages exist in the installed package).
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { exampleDirectory, installedPackage, PACKAGE_NAME, REPO_ROOT, run } from './support/installedPackage';

describe('npm package', () => {
  before(function () {
    this.timeout(180_000);
    installedPackage();
  });

  it('is not named like the unrelated `alpinist` package, and keeps the bins `alpinist` and `alpinist-language-server`', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; bin: Record<string, string> };
    assert.notEqual(manifest.name, 'alpinist');
    assert.deepEqual(Object.keys(manifest.bin).sort(), ['alpinist', 'alpinist-language-server']);
  });

  it('holds the bundled CLI and server, their wasm, the rule docs and the package texts, nothing else', () => {
    const { files } = installedPackage();
    const unexpected = files.filter(
      (file) => !/^(dist\/(cli|server)\.js|dist\/tree-sitter(-bash)?\.wasm|docs\/rules\/[a-z0-9-]+\.md|package\.json|README\.md|CHANGELOG\.md|LICENSE)$/.test(file),
    );
    assert.deepEqual(unexpected, []);
    for (const file of ['dist/cli.js', 'dist/server.js', 'dist/tree-sitter.wasm', 'dist/tree-sitter-bash.wasm', 'docs/rules/apk-prefer-no-cache.md']) {
      assert.ok(files.includes(file), file);
    }
  });

  it('installs offline with nothing but the tarball: no dependencies to fetch', () => {
    const { root } = installedPackage();
    const installedNames = fs.readdirSync(path.join(root, 'node_modules')).filter((name) => !name.startsWith('.'));
    assert.deepEqual(installedNames, [PACKAGE_NAME]);
  });

  it('`alpinist lint` lints the example and exits with 1', () => {
    const cwd = exampleDirectory();
    const result = run('alpinist', ['lint', 'Dockerfile'], { cwd });
    assert.equal(result.status, 1, result.stderr);
    assert.match(result.stdout, /^Dockerfile:5:5: warning apk-prefer-no-cache: /m);
    assert.match(result.stdout, /^8 findings in 1 file\.$/m);
  });

  it('`npx -p <package> alpinist lint .`, as the README writes it, runs this package offline', () => {
    const { root } = installedPackage();
    fs.copyFileSync(path.join(REPO_ROOT, 'examples', 'Dockerfile'), path.join(root, 'Dockerfile'));
    try {
      const result = run('npx', ['--offline', '-p', PACKAGE_NAME, 'alpinist', 'lint', '--format', 'json', '.'], { cwd: root });
      assert.equal(result.status, 1, result.stderr);
      assert.doesNotThrow(() => JSON.parse(result.stdout), result.stdout.slice(0, 500));
      assert.ok(result.stdout.includes('"apk-prefer-no-cache"'), result.stdout.slice(0, 500));
    } finally {
      fs.rmSync(path.join(root, 'Dockerfile'));
    }
  });

  it('`alpinist-language-server --stdio` answers initialize and publishes diagnostics linking to its own docs', async () => {
    const { root, binDir } = installedPackage();
    const server = spawn(path.join(binDir, 'alpinist-language-server'), ['--stdio'], { cwd: root, env: installedPackage().env(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    server.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ enable: true, rules: {} })));
    connection.onRequest('client/registerCapability', () => null);
    const uri = pathToFileURL(path.join(root, 'Dockerfile')).toString();
    const published = new Promise<PublishDiagnosticsParams>((resolve) => {
      connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
        if (params.uri === uri && params.diagnostics.length > 0) resolve(params);
      });
    });
    connection.listen();
    try {
      const result: InitializeResult = await connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: pathToFileURL(root).toString(),
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { codeDescriptionSupport: true } } },
      });
      assert.equal(result.serverInfo?.name, 'alpinist');
      assert.ok(result.capabilities.textDocumentSync, 'text document sync');
      await connection.sendNotification('initialized', {});
      const text = fs.readFileSync(path.join(REPO_ROOT, 'examples', 'Dockerfile'), 'utf8');
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
      const { diagnostics } = await published;
      const noCache = diagnostics.find((diagnostic) => diagnostic.code === 'apk-prefer-no-cache');
      assert.ok(noCache, JSON.stringify(diagnostics));
      const docs = fileURLToPath(noCache.codeDescription?.href ?? '');
      assert.ok(docs.startsWith(path.join(root, 'node_modules', PACKAGE_NAME)), docs);
      assert.ok(fs.existsSync(docs), docs);
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      if (server.exitCode === null) server.kill();
    }
    assert.equal(stderr.includes('Error'), false, stderr);
  });
});
