/** "Split into compile and runtime stages" over JSON-RPC: the refactor on a FROM line, and the quick fix on a finding. */
import assert from 'node:assert/strict';
import { applyTextEdits } from '../support/markers';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CodeAction, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { startHarness, type Harness } from '../support/lspHarness';

const fixture = (name: string): string => readFileSync(path.join(__dirname, '..', 'fixtures', name), 'utf8');
const editsFor = (edit: WorkspaceEdit | undefined, uri: string): TextEdit[] => (edit?.changes?.[uri] ?? []) as TextEdit[];
const SPLIT = 'Split into compile and runtime stages';

describe('split into compile and runtime stages over JSON-RPC', () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.dispose());

  const fromLine = { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } };

  it('advertises refactor.rewrite code actions', () => {
    const provider = harness.initializeResult.capabilities.codeActionProvider;
    assert.ok(typeof provider === 'object' && provider.codeActionKinds?.includes('refactor.rewrite'), JSON.stringify(provider));
  });

  it("rewrites the seed article's example from the FROM line (only: ['refactor'])", async () => {
    const uri = 'file:///work/split/Dockerfile';
    const text = fixture('seed-virtual-packages.Dockerfile');
    await harness.open(uri, text);
    const actions = await harness.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: fromLine, context: { diagnostics: [], only: ['refactor'] } });
    assert.deepEqual(actions.map((action) => [action.title, action.kind]), [[SPLIT, 'refactor.rewrite']]);
    const split = applyTextEdits(text, editsFor(actions[0].edit, uri));
    assert.equal(split, fixture('seed-virtual-packages.split.Dockerfile'));
    const after = await harness.change(uri, split, 2);
    const codes = after.filter((diagnostic) => diagnostic.source === 'alpinist').map((diagnostic) => diagnostic.code);
    assert.ok(!codes.includes('apk-virtual-prefer-multi-stage') && !codes.includes('copy-manifest-before-install'), codes.join(', '));
  });

  it('offers no refactor for a quick-fix request, away from FROM, or where no strategy applies', async () => {
    const uri = 'file:///work/split-none/Dockerfile';
    await harness.open(uri, fixture('seed-virtual-packages.Dockerfile'));
    const request = (range: typeof fromLine, only: string[]) => harness.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only } });
    assert.deepEqual(await request(fromLine, ['quickfix']), []);
    const cmdLine = { start: { line: 14, character: 0 }, end: { line: 14, character: 0 } };
    assert.deepEqual(await request(cmdLine, ['refactor']), []);
    const other = 'file:///work/split-other/Dockerfile';
    await harness.open(other, 'FROM alpine:3.24\nRUN apk add --no-cache curl\n');
    const none = await harness.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: other }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['refactor'] } });
    assert.deepEqual(none, []);
  });

  it('offers the same split as a quick fix on apk-virtual-prefer-multi-stage', async () => {
    const uri = 'file:///work/split-fix/Dockerfile';
    const text = fixture('seed-virtual-packages.Dockerfile');
    const diagnostics = await harness.open(uri, text);
    const target = diagnostics.find((diagnostic) => diagnostic.code === 'apk-virtual-prefer-multi-stage') as Diagnostic;
    assert.ok(target, diagnostics.map((diagnostic) => diagnostic.code).join(', '));
    const actions = await harness.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: target.range, context: { diagnostics: [target], only: ['quickfix'] } });
    const split = actions.find((action) => action.title === SPLIT);
    assert.ok(split, actions.map((action) => action.title).join(' | '));
    assert.equal(split.kind, 'quickfix');
    assert.ok(!split.isPreferred, 'a suggestion is never preferred');
    assert.equal(applyTextEdits(text, editsFor(split.edit, uri)), fixture('seed-virtual-packages.split.Dockerfile'));
  });
});
