/** The dockerfile-language-service features reach the client through Alpinist's server. */
import assert from 'node:assert/strict';
import { applyTextEdits } from '../support/markers';
import type { CompletionItem, DocumentSymbol, FoldingRange, Hover, Location, SemanticTokens, SignatureHelp, SymbolInformation, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { startHarness, type Harness } from '../support/lspHarness';

const TEXT = [
  'ARG VERSION=3.20',
  'FROM alpine:${VERSION} AS build',
  'RUN apk add --no-cache \\',
  '    gcc',
  'FROM build',
  'COPY --from=build /a /b',
  'from alpine:3.24',
  '',
].join('\n');

describe('dockerfile-language-service features over JSON-RPC', () => {
  let harness: Harness;
  const uri = 'file:///work/features/Dockerfile';
  before(async () => {
    harness = await startHarness();
    await harness.open(uri, TEXT);
  });
  after(() => harness.dispose());
  const at = (line: number, character: number) => ({ textDocument: { uri }, position: { line, character } });

  it('completes instructions', async () => {
    const items = await harness.request<CompletionItem[]>('textDocument/completion', at(7, 0));
    const labels = items.map((item) => item.label);
    for (const keyword of ['RUN', 'COPY', 'HEALTHCHECK']) assert.ok(labels.some((label) => label.startsWith(keyword)), labels.join(','));
  });

  it('hovers instructions with their documentation', async () => {
    const hover = await harness.request<Hover>('textDocument/hover', at(5, 1));
    assert.match(JSON.stringify(hover.contents), /COPY|copies|Copy/);
  });

  it('lists symbols and folds the continued RUN', async () => {
    const symbols = await harness.request<(SymbolInformation | DocumentSymbol)[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.ok(symbols.some((symbol) => symbol.name === 'RUN'), JSON.stringify(symbols.map((symbol) => symbol.name)));
    const folds = await harness.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
    assert.ok(folds.some((fold) => fold.startLine === 2 && fold.endLine === 3), JSON.stringify(folds));
  });

  it('finds the definition of a stage and renames it everywhere', async () => {
    const definition = await harness.request<Location>('textDocument/definition', at(5, 14));
    assert.equal(definition.range.start.line, 1);
    const edit = await harness.request<WorkspaceEdit>('textDocument/rename', { ...at(5, 14), newName: 'compile' });
    const renamed = applyTextEdits(TEXT, (edit.changes?.[uri] ?? []) as TextEdit[]);
    assert.match(renamed, /AS compile\n/);
    assert.match(renamed, /FROM compile\n/);
    assert.match(renamed, /--from=compile /);
  });

  it('highlights ARG uses', async () => {
    const highlights = await harness.request<unknown[]>('textDocument/documentHighlight', at(0, 6));
    assert.ok(highlights.length >= 2);
  });

  it('formats the document', async () => {
    const edits = await harness.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    assert.ok(Array.isArray(edits));
  });

  it('offers signature help for a flag', async () => {
    const help = await harness.request<SignatureHelp | null>('textDocument/signatureHelp', at(5, 7));
    assert.ok(help === null || Array.isArray(help.signatures));
  });

  it('returns semantic tokens, but none for words of the shell body so the shell grammar shows', async () => {
    const tokens = await harness.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
    assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);
    let line = 0;
    let character = 0;
    const decoded: { line: number; character: number; type: number }[] = [];
    for (let index = 0; index < tokens.data.length; index += 5) {
      line += tokens.data[index];
      character = tokens.data[index] === 0 ? character + tokens.data[index + 1] : tokens.data[index + 1];
      decoded.push({ line, character, type: tokens.data[index + 3] });
    }
    assert.ok(decoded.some((token) => token.line === 2 && token.character === 0 && token.type === 0), 'RUN keyword kept');
    assert.ok(!decoded.some((token) => token.line === 3), 'no token on the continuation line of the shell body');
  });

  it('publishes the library syntax diagnostics next to ours', async () => {
    const diagnostics = await harness.open('file:///work/features/Bad.Dockerfile', 'FROM alpine:3.24\nFOO bar\nRUN apk add curl\n');
    assert.ok(diagnostics.some((diagnostic) => diagnostic.source === 'dockerfile-utils'), JSON.stringify(diagnostics));
    assert.ok(diagnostics.some((diagnostic) => diagnostic.source === 'alpinist'));
  });

  it('answers requests for unknown documents with empty results', async () => {
    const other = { textDocument: { uri: 'file:///nowhere' }, position: { line: 0, character: 0 } };
    assert.deepEqual(await harness.request('textDocument/completion', other), []);
    assert.equal(await harness.request('textDocument/definition', other), null);
    assert.deepEqual(await harness.request('textDocument/codeAction', { textDocument: { uri: 'file:///nowhere' }, range: { start: other.position, end: other.position }, context: { diagnostics: [] } }), []);
  });
});
