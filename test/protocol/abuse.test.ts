/**
 * Protocol abuse: bursts of out-of-order changes, requests for closed and unknown documents, malformed params,
 * unknown methods and cancelled requests. The server must answer each with a JSON-RPC result or a proper error,
 * and keep serving; memory after 10,000 edits is printed.
 */
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CancellationTokenSource, ErrorCodes, ResponseError } from 'vscode-jsonrpc';
import { LSPErrorCodes } from 'vscode-languageserver-protocol';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/analysis/analysis';
import { startHarness, type Harness } from '../support/lspHarness';

const TEXT = [
  'FROM alpine:3.24',
  'RUN apk update && \\',
  '    apk add --virtual .build-deps gcc musl-dev python && \\',
  '    pip install flask && \\',
  '    rm -rf /var/cache/apk/*',
  'RUN apk del .build-deps',
  '',
].join('\n');

/** Alpinist findings as the server publishes them, for comparing with a direct analysis. */
const ours = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics.filter((diagnostic) => diagnostic.source === 'alpinist').map((diagnostic) => `${diagnostic.code} ${JSON.stringify(diagnostic.range)}`).sort();

const expectedFindings = (text: string): string[] =>
  analyze(text)
    .findings.map((finding) => `${finding.ruleId} ${JSON.stringify(finding.range)}`)
    .sort();

/** Settles a request: its result, or the JSON-RPC error code it was rejected with. */
async function settle<R>(request: Promise<R>): Promise<{ result?: R; code?: number }> {
  try {
    return { result: await request };
  } catch (error) {
    assert.ok(error instanceof ResponseError, `not a JSON-RPC error: ${String(error)}`);
    return { code: error.code };
  }
}

/** Still serving: a hover on an open document answers with Alpinist's text. */
async function assertServing(harness: Harness, uri: string): Promise<void> {
  const hover = await harness.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
  assert.ok(hover, 'the server stopped answering hovers');
}

/** `global.gc`, enabled at run time so the test needs no node flag. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

describe('protocol abuse', function () {
  this.timeout(120_000);
  let harness: Harness;
  const uri = 'file:///work/abuse/Dockerfile';
  beforeEach(async () => {
    harness = await startHarness();
    await harness.open(uri, TEXT);
  });
  afterEach(() => harness.dispose());

  it('1,000 rapid didChange events with out-of-order versions end in the diagnostics of the last text', async () => {
    let local = TextDocument.create(uri, 'dockerfile', 1, TEXT);
    const lastVersion = 1_000_000;
    for (let index = 0; index < 1000; index++) {
      // Versions jump backwards and repeat; only the last one is unique.
      const version = index === 999 ? lastVersion : 2 + ((index * 7919) % 500);
      const line = 1 + (index % 4);
      const change = index % 50 === 49
        ? { text: `${TEXT}RUN apk add curl${index}\n` }
        : { range: { start: { line, character: 4 }, end: { line, character: 4 } }, text: index % 3 === 0 ? ' ' : 'x' };
      local = TextDocument.update(local, [change], version);
      void harness.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    }
    const diagnostics = await harness.nextDiagnostics(uri, lastVersion);
    assert.deepEqual(ours(diagnostics), expectedFindings(local.getText()));
    await assertServing(harness, uri);
  });

  it('answers requests for closed and unknown documents with empty results', async () => {
    const closed = 'file:///work/abuse/closed/Dockerfile';
    await harness.open(closed, TEXT);
    const cleared = harness.nextDiagnostics(closed);
    await harness.notify('textDocument/didClose', { textDocument: { uri: closed } });
    assert.deepEqual(await cleared, []);
    for (const target of [closed, 'file:///never/opened/Dockerfile', 'untitled:nothing', 'not a uri']) {
      const textDocument = { uri: target };
      const position = { line: 0, character: 0 };
      const range = { start: position, end: position };
      assert.equal(await harness.request('textDocument/hover', { textDocument, position }), null);
      assert.deepEqual(await harness.request('textDocument/codeAction', { textDocument, range, context: { diagnostics: [] } }), []);
      assert.deepEqual(await harness.request('textDocument/completion', { textDocument, position }), []);
      assert.deepEqual(await harness.request('textDocument/formatting', { textDocument, options: { tabSize: 4, insertSpaces: true } }), []);
      assert.deepEqual(await harness.request('textDocument/documentSymbol', { textDocument }), []);
      assert.deepEqual(await harness.request('textDocument/foldingRange', { textDocument }), []);
      assert.deepEqual(await harness.request('textDocument/semanticTokens/full', { textDocument }), { data: [] });
      assert.equal(await harness.request('textDocument/definition', { textDocument, position }), null);
      assert.equal(await harness.request('textDocument/rename', { textDocument, position, newName: 'x' }), null);
    }
    // Notifications about documents the server does not have are ignored.
    await harness.notify('textDocument/didChange', { textDocument: { uri: 'file:///never/opened/Dockerfile', version: 3 }, contentChanges: [{ text: 'FROM alpine' }] });
    await harness.notify('textDocument/didClose', { textDocument: { uri: 'file:///never/opened/Dockerfile' } });
    await harness.notify('textDocument/didSave', { textDocument: { uri: 'file:///never/opened/Dockerfile' } });
    await assertServing(harness, uri);
  });

  it('answers malformed params with a result or a JSON-RPC error, and keeps serving', async () => {
    const position = { line: 1, character: 6 };
    const malformed: [string, unknown][] = [
      ['textDocument/hover', null],
      ['textDocument/hover', {}],
      ['textDocument/hover', { textDocument: { uri } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: -1, character: -5 } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 1e9, character: 1e9 } }],
      ['textDocument/hover', { textDocument: { uri }, position: { line: 'one', character: null } }],
      ['textDocument/hover', { textDocument: { uri: 42 }, position }],
      ['textDocument/hover', [uri, position]],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: 'none' } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 5, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{ source: 'alpinist', code: 'apk-prefer-no-cache' }], only: 7 } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [null, 3, { range: null }] } }],
      ['textDocument/completion', { textDocument: { uri }, position: { line: 99, character: 99 } }],
      ['textDocument/completion', { textDocument: { uri } }],
      ['completionItem/resolve', null],
      ['completionItem/resolve', { label: 'RUN', data: { bogus: true } }],
      ['textDocument/formatting', { textDocument: { uri } }],
      ['textDocument/rangeFormatting', { textDocument: { uri }, range: 'all', options: {} }],
      ['textDocument/onTypeFormatting', { textDocument: { uri }, position, ch: null, options: null }],
      ['textDocument/rename', { textDocument: { uri }, position }],
      ['textDocument/prepareRename', { textDocument: { uri }, position: null }],
      ['textDocument/signatureHelp', { textDocument: { uri }, position: { line: 0 } }],
      ['textDocument/documentHighlight', { textDocument: { uri }, position: {} }],
      ['textDocument/definition', { textDocument: { uri }, position: { line: 0.5, character: NaN } }],
      ['documentLink/resolve', {}],
      ['textDocument/documentLink', { textDocument: null }],
      ['workspace/executeCommand', { command: 'alpinist.showDocumentation', arguments: 'apk-prefer-no-cache' }],
      ['workspace/executeCommand', { command: 'alpinist.showDocumentation', arguments: [{ id: 1 }] }],
      ['workspace/executeCommand', { command: 'rm -rf /', arguments: [] }],
      ['workspace/executeCommand', null],
      ['alpinist/doesNotExist', {}],
      ['$/unknownRequest', {}],
    ];
    for (const [method, params] of malformed) {
      const outcome = await settle(harness.request(method, params));
      if (outcome.code !== undefined) {
        const expected: number[] = [ErrorCodes.InvalidParams, ErrorCodes.InternalError, ErrorCodes.MethodNotFound, ErrorCodes.InvalidRequest];
        assert.ok(expected.includes(outcome.code), `${method}: unexpected error code ${outcome.code}`);
      }
      await assertServing(harness, uri);
    }
    assert.equal((await settle(harness.request('alpinist/doesNotExist', {}))).code, ErrorCodes.MethodNotFound);
    // Malformed notifications are dropped (the library logs them); they never take the server down.
    for (const [method, params] of [
      ['textDocument/didChange', { textDocument: { uri } , contentChanges: [{ text: 'FROM alpine' }] }],
      ['textDocument/didChange', { textDocument: { uri, version: 9 }, contentChanges: 'FROM alpine' }],
      ['textDocument/didChange', null],
      ['textDocument/didOpen', { textDocument: { uri: 'file:///work/abuse/other', languageId: 'dockerfile', version: 'x', text: 42 } }],
      ['textDocument/didClose', {}],
      ['workspace/didChangeConfiguration', { settings: { alpinist: { enable: 'maybe', rules: [1, 2, 3] } } }],
      ['workspace/didChangeConfiguration', null],
      ['$/cancelRequest', { id: 'never sent' }],
      ['alpinist/unknownNotification', 1],
    ] as [string, unknown][]) {
      await harness.notify(method, params);
      await assertServing(harness, uri);
    }
  });

  it('a document that makes the base library throw still gets Alpinist diagnostics and hovers', async () => {
    // Why: dockerfile-ast 0.7.1 recurses until the stack overflows on a tab-indented RUN `[ $VAR; \` before any FROM.
    const broken = 'file:///work/abuse/library-crash/Dockerfile';
    const text = '\tRUN [ $NAME; \\\nFROM alpine:3.24\nRUN apk add curl\n';
    const diagnostics = await harness.open(broken, text);
    assert.deepEqual(ours(diagnostics), expectedFindings(text));
    assert.ok(ours(diagnostics).length > 0);
    const hover = await harness.request<Hover | null>('textDocument/hover', { textDocument: { uri: broken }, position: { line: 2, character: 6 } });
    assert.match(JSON.stringify(hover), /apk-prefer-no-cache/);
  });

  it('cancelled in-flight requests settle with a result or RequestCancelled, and the server keeps serving', async () => {
    const big = `${TEXT}${'RUN apk add curl && pip install flask && rm -rf /var/cache/apk/*\n'.repeat(100)}`;
    const bigUri = 'file:///work/abuse/big/Dockerfile';
    await harness.open(bigUri, big);
    const pending: Promise<{ result?: unknown; code?: number }>[] = [];
    for (let index = 0; index < 60; index++) {
      const source = new CancellationTokenSource();
      const method = ['textDocument/codeAction', 'textDocument/semanticTokens/full', 'textDocument/hover', 'textDocument/documentSymbol'][index % 4];
      const position = { line: index, character: 5 };
      const params = { textDocument: { uri: bigUri }, position, range: { start: position, end: position }, context: { diagnostics: [], only: ['source.fixAll.alpinist'] } };
      pending.push(settle(harness.client.sendRequest(method, params, source.token)));
      if (index % 2 === 0) source.cancel();
    }
    // A change while requests are in flight, then a close: the answers must still come.
    void harness.notify('textDocument/didChange', { textDocument: { uri: bigUri, version: 2 }, contentChanges: [{ text: TEXT }] });
    void harness.notify('textDocument/didClose', { textDocument: { uri: bigUri } });
    const outcomes = await Promise.all(pending);
    for (const outcome of outcomes) {
      if (outcome.code !== undefined) assert.equal(outcome.code, LSPErrorCodes.RequestCancelled);
    }
    const cancelled = outcomes.filter((outcome) => outcome.code !== undefined).length;
    console.log(`\n  60 requests, 30 cancelled by the client: ${cancelled} answered RequestCancelled, ${outcomes.length - cancelled} with a result`);
    await assertServing(harness, uri);
  });

  it('10,000 edits: diagnostics stay right and memory is reported', async () => {
    collectGarbage();
    const before = process.memoryUsage();
    let local = TextDocument.create(uri, 'dockerfile', 1, TEXT);
    let version = 1;
    const started = performance.now();
    // Note: 1,000 didChange events of 10 edits each (as a client batches keystrokes), awaited 10 events at a time:
    // the server analyses every version it receives, so this keeps the test to a few seconds.
    for (let batch = 0; batch < 100; batch++) {
      for (let event = 0; event < 10; event++) {
        version++;
        const line = 2;
        // Typing `abcde` after `python` on the `apk add` line and deleting it again.
        const changes = Array.from({ length: 10 }, (_, key) =>
          key < 5
            ? { range: { start: { line, character: 52 + key }, end: { line, character: 52 + key } }, text: 'abcde'[key] }
            : { range: { start: { line, character: 52 + (9 - key) }, end: { line, character: 53 + (9 - key) } }, text: '' },
        );
        local = TextDocument.update(local, changes, version);
        void harness.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
      }
      const diagnostics = await harness.nextDiagnostics(uri, version);
      if (batch % 25 === 24) assert.deepEqual(ours(diagnostics), expectedFindings(local.getText()));
    }
    assert.equal(local.getText(), TEXT);
    const elapsed = performance.now() - started;
    collectGarbage();
    const after = process.memoryUsage();
    console.log(
      `\n  10,000 edits (1,000 didChange events) in ${(elapsed / 1000).toFixed(1)} s: heap ${mib(before.heapUsed)} → ${mib(after.heapUsed)}, ` +
        `RSS ${mib(before.rss)} → ${mib(after.rss)} (test process: client and server together)`,
    );
    // Why: a leak detector, not a budget; per-document state must not grow with the number of versions.
    assert.ok(after.heapUsed - before.heapUsed < 64 * 1024 * 1024, `heap grew by ${mib(after.heapUsed - before.heapUsed)}`);
    await assertServing(harness, uri);
  });

  it('300 documents opened and closed leave no per-document state behind', async () => {
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    for (let index = 0; index < 300; index++) {
      const target = `file:///work/abuse/many/${index}/Dockerfile`;
      await harness.open(target, `${TEXT}RUN echo ${'x'.repeat(index)}\n`);
      const cleared = harness.nextDiagnostics(target);
      await harness.notify('textDocument/didClose', { textDocument: { uri: target } });
      assert.deepEqual(await cleared, []);
    }
    collectGarbage();
    const grown = process.memoryUsage().heapUsed - before;
    console.log(`\n  300 documents opened and closed: heap grew by ${mib(grown)}`);
    assert.ok(grown < 32 * 1024 * 1024, `heap grew by ${mib(grown)}`);
    await assertServing(harness, uri);
  });
});
