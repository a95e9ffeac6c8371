/**
 * Extension-host suite: the `vscode` API against the real extension (development path = the repository, bundled
 * dist/). Documents are untitled, so nothing on disk changes, except in the config file test, which removes what it
 * writes. Run by extensionHost.test.ts through code-server, or by `@vscode/test-cli` (.vscode-test.mjs) where VS Code
 * can be downloaded.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';

const SEED = readFileSync(path.resolve(__dirname, '..', '..', 'fixtures', 'seed-first-example.Dockerfile'), 'utf8');

function waitForDiagnostics(uri: vscode.Uri, predicate: (diagnostics: vscode.Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!predicate(diagnostics)) return;
      done();
      resolve(diagnostics);
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`diagnostics of ${uri.toString()} did not match within ${timeoutMs} ms: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map(label))}`));
    }, timeoutMs);
    const done = (): void => {
      listener.dispose();
      clearTimeout(timer);
    };
    check();
  });
}

function ruleId(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

/** `rule-id@line` (1-based), as in the other e2e suites. */
function label(diagnostic: vscode.Diagnostic): string {
  return `${ruleId(diagnostic)}@${diagnostic.range.start.line + 1}`;
}

let untitledCount = 0;

/**
 * A new untitled Dockerfile holding `content`. Note: each gets its own name; `openTextDocument({ content })` may hand
 * back a just-closed `Untitled-1` that is not disposed yet, with its old text.
 */
async function openUntitled(content: string): Promise<vscode.TextDocument> {
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `/alpinist-e2e-${++untitledCount}/Dockerfile` });
  const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'dockerfile');
  const edit = new vscode.WorkspaceEdit();
  edit.insert(uri, new vscode.Position(0, 0), content);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.equal(document.getText(), content);
  await vscode.window.showTextDocument(document);
  return document;
}

const alpinistDiagnostics = (diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] => diagnostics.filter((diagnostic) => diagnostic.source === 'alpinist');

describe('Alpinist through the vscode API (extension host)', function () {
  afterEach(async function () {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  after(async function () {
    await vscode.workspace.getConfiguration('alpinist').update('rules', undefined, vscode.ConfigurationTarget.Global);
  });

  it('activates on a dockerfile document and publishes diagnostics (getDiagnostics)', async function () {
    const document = await openUntitled('FROM alpine:3.24\nRUN apk add curl\n');
    const diagnostics = alpinistDiagnostics(await waitForDiagnostics(document.uri, (all) => alpinistDiagnostics(all).length > 0));
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { publisher: string; name: string };
    const extension = vscode.extensions.getExtension(`${manifest.publisher}.${manifest.name}`);
    assert.ok(extension?.isActive, 'the Alpinist extension is active');
    assert.deepEqual(diagnostics.map(label), ['apk-prefer-no-cache@2']);
    const [diagnostic] = diagnostics;
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual([diagnostic.range.start.character, diagnostic.range.end.character], [4, 11]);
    assert.match(typeof diagnostic.code === 'object' ? diagnostic.code.target.toString() : '', /docs\/rules\/apk-prefer-no-cache\.md$/);
  });

  it('executeCodeActionProvider: the preferred quick fix rewrites the seed example to `apk add --no-cache`', async function () {
    const document = await openUntitled(SEED);
    const diagnostics = await waitForDiagnostics(document.uri, (all) => all.some((diagnostic) => ruleId(diagnostic) === 'apk-prefer-no-cache'));
    const target = diagnostics.find((diagnostic) => ruleId(diagnostic) === 'apk-prefer-no-cache')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, target.range, vscode.CodeActionKind.QuickFix.value);
    const preferred = actions.filter((action) => action.isPreferred);
    assert.deepEqual(preferred.map((action) => action.title), ['Add `--no-cache` to `apk add`']);
    assert.ok(await vscode.workspace.applyEdit(preferred[0].edit!));
    assert.equal(document.getText(), SEED.replace('--update-cache', '--no-cache').replace(' \\\n  && rm -rf /var/cache/apk/*', ''));
    await waitForDiagnostics(document.uri, (all) => !all.some((diagnostic) => ruleId(diagnostic) === 'apk-prefer-no-cache'));
  });

  it('executeCodeActionProvider with source.fixAll.alpinist applies only safe fixes', async function () {
    const document = await openUntitled('FROM alpine\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\nRUN apk add --no-cache git\n');
    await waitForDiagnostics(document.uri, (all) => all.some((diagnostic) => ruleId(diagnostic) === 'apk-prefer-no-cache'));
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, 'source.fixAll.alpinist');
    assert.deepEqual(actions.map((action) => action.kind?.value), ['source.fixAll.alpinist']);
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    assert.equal(document.getText(), 'FROM alpine\nRUN apk add --no-cache curl\nRUN apk add --no-cache git\n');
  });

  it('executeHoverProvider: an Alpine FROM explains musl versus glibc', async function () {
    const document = await openUntitled('FROM alpine:3.20\nRUN apk add --no-cache curl\n');
    await waitForDiagnostics(document.uri, () => true);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 8));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.match(text, /musl/);
    assert.match(text, /Alpine 3\.20/);
  });

  it(".hadolint.yaml at the workspace root silences its rules, and the server notices when it changes", async function () {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the suite runs in a workspace folder');
    const dockerfile = vscode.Uri.joinPath(folder.uri, 'config-check.Dockerfile');
    const config = vscode.Uri.joinPath(folder.uri, '.hadolint.yaml');
    await vscode.workspace.fs.writeFile(dockerfile, Buffer.from('FROM alpine:3.20\nRUN apk add curl\n'));
    try {
      const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(dockerfile), 'dockerfile');
      await vscode.window.showTextDocument(document);
      await waitForDiagnostics(document.uri, (all) => all.some((diagnostic) => ruleId(diagnostic) === 'apk-prefer-no-cache'));
      await vscode.workspace.fs.writeFile(config, Buffer.from('ignored:\n  - DL3019\n'));
      await waitForDiagnostics(document.uri, (all) => !all.some((diagnostic) => ruleId(diagnostic) === 'apk-prefer-no-cache'));
      await vscode.workspace.fs.delete(config);
      await waitForDiagnostics(document.uri, (all) => all.some((diagnostic) => ruleId(diagnostic) === 'apk-prefer-no-cache'));
    } finally {
      await vscode.workspace.fs.delete(config).then(undefined, () => undefined);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(dockerfile).then(undefined, () => undefined);
    }
  });

  it('Alpinist: Lint Workspace puts a Dockerfile that is not open into the Problems panel (task + $alpinist), without files.exclude, and clears it once fixed or deleted', async function () {
    this.timeout(180_000);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the suite runs in a workspace folder');
    const directory = vscode.Uri.joinPath(folder.uri, 'lint-workspace');
    const dockerfile = vscode.Uri.joinPath(directory, 'Dockerfile');
    const excluded = vscode.Uri.joinPath(directory, 'excluded', 'Dockerfile');
    const files = vscode.workspace.getConfiguration('files');
    const exclude = files.inspect<Record<string, boolean>>('exclude')?.globalValue;
    await files.update('exclude', { ...exclude, '**/excluded': true }, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.writeFile(dockerfile, Buffer.from('FROM alpine:3.20\nRUN apk add python\n'));
    await vscode.workspace.fs.writeFile(excluded, Buffer.from('FROM alpine:3.20\nRUN apk add python\n'));
    try {
      assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === dockerfile.toString()), 'not open');
      const ended = new Promise<number | undefined>((resolve) => {
        const listener = vscode.tasks.onDidEndTaskProcess((event) => {
          if (event.execution.task.definition.type !== 'alpinist') return;
          listener.dispose();
          resolve(event.exitCode);
        });
      });
      await vscode.commands.executeCommand('alpinist.lintWorkspace');
      assert.equal(await ended, 0, 'the task ends with 0 (--failure-threshold none)');
      const diagnostics = await waitForDiagnostics(dockerfile, (all) => all.some((diagnostic) => ruleId(diagnostic) === 'apk-no-renamed-packages'), 30_000);
      const renamed = diagnostics.find((diagnostic) => ruleId(diagnostic) === 'apk-no-renamed-packages');
      assert.equal(renamed?.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(renamed?.range.start.line, 1);
      assert.equal(renamed?.range.start.character, 12);
      assert.deepEqual(vscode.languages.getDiagnostics(excluded).map(label), [], 'files.exclude is respected');
      // Fixed on disk (not open): the task runs again and the finding goes.
      await vscode.workspace.fs.writeFile(dockerfile, Buffer.from('FROM alpine:3.20\nRUN apk add python3\n'));
      await waitForDiagnostics(dockerfile, (all) => all.length > 0 && !all.some((diagnostic) => ruleId(diagnostic) === 'apk-no-renamed-packages'), 30_000);
      // Deleted: nothing is left for it.
      await vscode.workspace.fs.delete(dockerfile);
      await waitForDiagnostics(dockerfile, (all) => all.length === 0, 30_000);
    } finally {
      await files.update('exclude', exclude, vscode.ConfigurationTarget.Global);
      await vscode.workspace.fs.delete(directory, { recursive: true }).then(undefined, () => undefined);
    }
  });

  it('alpinist.rules: a rule set to off stops reporting', async function () {
    const document = await openUntitled('FROM alpine:3.20\nRUN apk add curl\n');
    await waitForDiagnostics(document.uri, (all) => all.some((diagnostic) => ruleId(diagnostic) === 'apk-prefer-no-cache'));
    await vscode.workspace.getConfiguration('alpinist').update('rules', { 'apk-prefer-no-cache': 'off' }, vscode.ConfigurationTarget.Global);
    await waitForDiagnostics(document.uri, (all) => !all.some((diagnostic) => ruleId(diagnostic) === 'apk-prefer-no-cache'));
  });
});
