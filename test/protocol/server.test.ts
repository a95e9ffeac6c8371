import assert from 'node:assert/strict';
import { applyTextEdits } from '../support/markers';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CodeAction, Diagnostic, Hover, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { KEPT_ANALYSES } from '../../server/src/lsp/languageServer';
import { CLIENT_CAPABILITIES, startHarness, type Harness } from '../support/lspHarness';

const fixture = (name: string): string => readFileSync(path.join(__dirname, '..', 'fixtures', name), 'utf8');
const editsFor = (edit: WorkspaceEdit | undefined, uri: string): TextEdit[] => (edit?.changes?.[uri] ?? []) as TextEdit[];

describe('language server over JSON-RPC', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.dispose());

  it('advertises the features of dockerfile-language-service and Alpinist', () => {
    const capabilities = harness.initializeResult.capabilities;
    for (const key of ['hoverProvider', 'completionProvider', 'codeActionProvider', 'documentFormattingProvider', 'documentSymbolProvider', 'foldingRangeProvider', 'renameProvider', 'semanticTokensProvider', 'signatureHelpProvider', 'documentLinkProvider', 'definitionProvider', 'documentHighlightProvider']) {
      assert.ok(capabilities[key as keyof typeof capabilities], key);
    }
  });

  it('publishes Alpinist diagnostics with source, code, docs link and data', async () => {
    const uri = 'file:///work/Dockerfile';
    const diagnostics = await harness.open(uri, 'FROM alpine:3.24\nRUN apk add curl\n');
    const ours = diagnostics.filter((diagnostic) => diagnostic.source === 'alpinist');
    assert.equal(ours.length, 1);
    const [diagnostic] = ours;
    assert.equal(diagnostic.code, 'apk-prefer-no-cache');
    assert.deepEqual(diagnostic.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 11 } });
    assert.equal(diagnostic.severity, 2);
    assert.match(diagnostic.codeDescription?.href ?? '', /^file:\/\/.*docs\/rules\/apk-prefer-no-cache\.md$/);
    assert.deepEqual(diagnostic.data, { ruleId: 'apk-prefer-no-cache' });
  });

  it('applies the preferred quick fix on the seed article example', async () => {
    const uri = 'file:///work/seed/Dockerfile';
    const text = fixture('seed-first-example.Dockerfile');
    const diagnostics = await harness.open(uri, text);
    const target = diagnostics.find((diagnostic) => diagnostic.code === 'apk-prefer-no-cache') as Diagnostic;
    assert.ok(target);
    const actions = await harness.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } });
    const preferred = actions.filter((action) => action.isPreferred);
    assert.equal(preferred.length, 1);
    assert.equal(preferred[0].title, 'Add `--no-cache` to `apk add`');
    const fixed = applyTextEdits(text, editsFor(preferred[0].edit, uri));
    assert.ok(fixed.includes('RUN apk add --no-cache \\\n    python \\'), fixed);
    assert.ok(!fixed.includes('rm -rf /var/cache/apk/*'));
    assert.ok(!fixed.includes('--update-cache'));
    const titles = actions.map((action) => action.title);
    assert.ok(titles.includes('Ignore `apk-prefer-no-cache` for this instruction'), titles.join(' | '));
    assert.ok(titles.includes('Show documentation for `apk-prefer-no-cache`'));
    const after = await harness.change(uri, fixed, 2);
    assert.equal(after.filter((diagnostic) => diagnostic.code === 'apk-prefer-no-cache').length, 0);
  });

  it('inserts a suppression comment that silences the diagnostic', async () => {
    const uri = 'file:///work/suppress/Dockerfile';
    const text = 'FROM alpine:3.24\n  RUN apk add curl\n';
    const diagnostics = await harness.open(uri, text);
    const target = diagnostics.find((diagnostic) => diagnostic.code === 'apk-prefer-no-cache') as Diagnostic;
    const actions = await harness.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target] } });
    const ignore = actions.find((action) => action.title.startsWith('Ignore')) as CodeAction;
    const suppressed = applyTextEdits(text, editsFor(ignore.edit, uri));
    assert.equal(suppressed, 'FROM alpine:3.24\n  # alpinist ignore=apk-prefer-no-cache\n  RUN apk add curl\n');
    const after = await harness.change(uri, suppressed, 2);
    assert.deepEqual(after.filter((diagnostic) => diagnostic.source === 'alpinist'), []);
  });

  it('opens documentation through window/showDocument', async () => {
    await harness.request('workspace/executeCommand', { command: 'alpinist.showDocumentation', arguments: ['apk-prefer-no-cache'] });
    assert.equal(harness.shownDocuments.length, 1);
    assert.match((harness.shownDocuments[0] as { uri: string }).uri, /apk-prefer-no-cache\.md$/);
  });

  it('source.fixAll.alpinist applies only safe fixes', async () => {
    const uri = 'file:///work/fixall/Dockerfile';
    const text = 'FROM alpine:3.24\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\nRUN apk add --no-cache git\n';
    await harness.open(uri, text);
    const actions = await harness.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.alpinist'] } });
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.alpinist');
    assert.equal(applyTextEdits(text, editsFor(actions[0].edit, uri)), 'FROM alpine:3.24\nRUN apk add --no-cache curl\nRUN apk add --no-cache git\n');
  });

  it('turns dockerfile-language-service commands into code actions with edits', async () => {
    const uri = 'file:///work/lower/Dockerfile';
    const text = 'from alpine:3.24\n';
    const diagnostics = await harness.open(uri, text);
    const library = diagnostics.filter((diagnostic) => diagnostic.source !== 'alpinist');
    assert.ok(library.length > 0, JSON.stringify(diagnostics));
    const actions = await harness.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: library[0].range, context: { diagnostics: library } });
    const convert = actions.find((action) => action.edit && editsFor(action.edit, uri).length > 0);
    assert.ok(convert, JSON.stringify(actions));
    assert.equal(applyTextEdits(text, editsFor(convert.edit, uri)), 'FROM alpine:3.24\n');
  });

  it('hovers an Alpine FROM with musl knowledge and the instruction documentation', async () => {
    const uri = 'file:///work/hover/Dockerfile';
    await harness.open(uri, 'FROM alpine:3.24\nRUN apk add --no-cache curl\n');
    const hover = await harness.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } });
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /musl/);
    assert.match(value, /Alpine 3\.24/);
    const flag = await harness.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 16 } });
    assert.match((flag.contents as { value: string }).value, /--no-cache/);
  });

  it('updates diagnostics when a rule is turned off in settings', async () => {
    const uri = 'file:///work/settings/Dockerfile';
    const before = await harness.open(uri, 'FROM alpine:3.24\nRUN apk add curl\n');
    assert.equal(before.filter((diagnostic) => diagnostic.code === 'apk-prefer-no-cache').length, 1);
    harness.settings = { alpinist: { enable: true, rules: { 'apk-prefer-no-cache': 'off' } } };
    const next = harness.nextDiagnostics(uri);
    await harness.notify('workspace/didChangeConfiguration', { settings: null });
    assert.equal((await next).filter((diagnostic) => diagnostic.code === 'apk-prefer-no-cache').length, 0);
  });

  it('with alpinist.enable off, offers no Alpinist diagnostics, fixes, fix-all or refactorings', async () => {
    harness.settings = { alpinist: { enable: false, rules: {} } };
    const uri = 'file:///work/disabled/Dockerfile';
    const diagnostics = await harness.open(uri, 'FROM alpine:3.24\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n');
    assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.source === 'alpinist'), []);
    const everything = await harness.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, context: { diagnostics: [] } });
    assert.deepEqual(everything, []);
    const fixAll = await harness.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll.alpinist'] } });
    assert.deepEqual(fixAll, []);
  });

  it('survives invalid settings and binary junk', async () => {
    harness.settings = { alpinist: { enable: 'yes', rules: { 'apk-prefer-no-cache': 'loud', nope: 'off' } } };
    const uri = 'file:///work/junk/Dockerfile';
    const junk = 'FROM alpine\u0000\nRUN apk add \u0007\u0000 x \uD800\n' + '\\'.repeat(5000);
    const diagnostics = await harness.open(uri, junk);
    assert.ok(Array.isArray(diagnostics));
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'apk-prefer-no-cache'));
    const hover = await harness.request('textDocument/hover', { textDocument: { uri: 'file:///not/open' }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
  });

  it('lints a document again when its analysis was dropped for newer ones, and fixes it', async () => {
    const first = 'file:///work/many/0/Dockerfile';
    const target = (await harness.open(first, 'FROM alpine:3.24\nRUN apk add curl\n')).find((diagnostic) => diagnostic.code === 'apk-prefer-no-cache') as Diagnostic;
    // More documents than the server keeps analyses for.
    for (let index = 1; index <= KEPT_ANALYSES + 4; index++) await harness.open(`file:///work/many/${index}/Dockerfile`, `FROM alpine:3.24\nRUN apk add x${index}\n`);
    const actions = await harness.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: first },
      range: target.range,
      context: { diagnostics: [target] },
    });
    const fix = actions.find((action) => action.isPreferred);
    assert.ok(fix, JSON.stringify(actions.map((action) => action.title)));
    assert.equal(applyTextEdits('FROM alpine:3.24\nRUN apk add curl\n', editsFor(fix.edit, first)), 'FROM alpine:3.24\nRUN apk add --no-cache curl\n');
  });
});

describe('settings per workspace folder', () => {
  const folders = [
    { uri: 'file:///work/a', name: 'a' },
    { uri: 'file:///work/b', name: 'b' },
  ];
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness(
      {
        alpinist: { enable: true, rules: {} },
        'file:///work/b': { alpinist: { enable: true, rules: { 'apk-prefer-no-cache': 'off' } } },
      },
      undefined,
      { ...CLIENT_CAPABILITIES, workspace: { ...CLIENT_CAPABILITIES.workspace, workspaceFolders: true } },
      { workspaceFolders: folders },
    );
  });
  afterEach(() => harness.dispose());

  const codes = (diagnostics: Diagnostic[]): string[] => diagnostics.filter((diagnostic) => diagnostic.source === 'alpinist').map((diagnostic) => String(diagnostic.code));
  const text = 'FROM alpine:3.24\nRUN apk add curl\n';

  it("asks once per folder, and applies each folder's settings to its documents", async () => {
    assert.deepEqual(codes(await harness.open('file:///work/a/Dockerfile', text)), ['apk-prefer-no-cache']);
    assert.deepEqual(codes(await harness.open('file:///work/a/sub/app.Dockerfile', text)), ['apk-prefer-no-cache']);
    assert.deepEqual(codes(await harness.open('file:///work/b/Dockerfile', text)), []);
    assert.deepEqual(codes(await harness.open('file:///work/b/x/Dockerfile', text)), []);
    // A folder whose name extends another's is a different folder.
    assert.deepEqual(codes(await harness.open('file:///work/bb/Dockerfile', text)), ['apk-prefer-no-cache']);
    assert.deepEqual(
      harness.configurationRequests.map((item) => item.scopeUri),
      ['file:///work/a', 'file:///work/b', 'file:///work/bb/Dockerfile'],
    );
  });

  it('asks again after a settings change and after the folders change', async () => {
    await harness.open('file:///work/a/Dockerfile', text);
    harness.settings = { alpinist: { enable: true, rules: { 'apk-prefer-no-cache': 'error' } } };
    const changed = harness.nextDiagnostics('file:///work/a/Dockerfile');
    await harness.notify('workspace/didChangeConfiguration', { settings: null });
    const [diagnostic] = (await changed).filter((item) => item.source === 'alpinist');
    assert.equal(diagnostic.severity, 1);
    const refolded = harness.nextDiagnostics('file:///work/a/Dockerfile');
    await harness.notify('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: 'file:///work/a/sub', name: 'sub' }], removed: [folders[1]] } });
    await refolded;
    await harness.open('file:///work/a/sub/Dockerfile', text);
    assert.deepEqual(harness.configurationRequests.map((item) => item.scopeUri), ['file:///work/a', 'file:///work/a', 'file:///work/a', 'file:///work/a/sub']);
  });
  it('takes the settings the client sent with initialize until they change, without asking', async () => {
    harness.dispose();
    harness = await startHarness(
      { alpinist: { enable: true, rules: {} } },
      // As the VS Code extension sends them: per folder, '' outside the folders; a folder not in the workspace is ignored.
      { settingsByFolder: { 'file:///work/a': { enable: true, rules: { 'apk-prefer-no-cache': 'error' } }, '': { enable: false, rules: {} }, 'file:///elsewhere': { enable: false } } },
      { ...CLIENT_CAPABILITIES, workspace: { ...CLIENT_CAPABILITIES.workspace, workspaceFolders: true } },
      { workspaceFolders: folders },
    );
    const [seeded] = (await harness.open('file:///work/a/Dockerfile', text)).filter((item) => item.source === 'alpinist');
    assert.equal(seeded.severity, 1);
    assert.deepEqual(codes(await harness.open('file:///loose/Dockerfile', text)), []);
    assert.deepEqual(codes(await harness.open('file:///work/b/Dockerfile', text)), ['apk-prefer-no-cache']);
    assert.deepEqual(harness.configurationRequests.filter((item) => item.section === 'alpinist').map((item) => item.scopeUri), ['file:///work/b']);
    const changed = harness.nextDiagnostics('file:///work/a/Dockerfile');
    await harness.notify('workspace/didChangeConfiguration', { settings: null });
    const [asked] = (await changed).filter((item) => item.source === 'alpinist');
    assert.equal(asked.severity, 2);
  });

  it('ignores the echo of its settings registration when it repeats the settings sent with initialize, and no later change', async () => {
    harness.dispose();
    const initial = { enable: true, rules: {} };
    harness = await startHarness({ alpinist: initial }, { settings: initial }, { ...CLIENT_CAPABILITIES, workspace: { ...CLIENT_CAPABILITIES.workspace, workspaceFolders: true } }, { workspaceFolders: folders });
    await harness.open('file:///work/a/Dockerfile', text);
    assert.ok(harness.registrations.some((registration) => registration.method === 'workspace/didChangeConfiguration'));
    const asked = harness.configurationRequests.length;
    // The echo, keys in another order: nothing is asked again, nothing is linted again.
    await harness.notify('workspace/didChangeConfiguration', { settings: { alpinist: { rules: {}, enable: true } } });
    const relinted = harness.nextDiagnostics('file:///work/a/Dockerfile', undefined, 300).then(() => true, () => false);
    assert.equal(await relinted, false);
    assert.equal(harness.configurationRequests.length, asked);
    // The same payload again is a change notification (a folder's settings may have changed): asked and linted again.
    const changed = harness.nextDiagnostics('file:///work/a/Dockerfile');
    await harness.notify('workspace/didChangeConfiguration', { settings: { alpinist: { rules: {}, enable: true } } });
    await changed;
    assert.equal(harness.configurationRequests.length, asked + 1);
  });
});
