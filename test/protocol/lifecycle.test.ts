/**
 * The protocol under load and misuse: the LSP lifecycle (no answers before `initialize`, one `initialize`, nothing
 * after `shutdown`, `exit` codes, a broken header ends the process), coalesced changes, honoured cancellation,
 * bounded code actions and bounded semantic tokens. Inputs are generated here.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { CancellationTokenSource, createMessageConnection, ErrorCodes, ResponseError, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { LSPErrorCodes, type CodeAction, type Diagnostic, type SemanticTokens } from 'vscode-languageserver-protocol';
import { createLanguageServer } from '../../server/src/lsp/languageServer';
import { lifecycleOptions } from '../../server/src/lsp/lifecycle';
import { MAX_CODE_ACTIONS } from '../../server/src/lsp/features/codeActionHandler';
import { MAX_SEMANTIC_TOKEN_LINES } from '../../server/src/lsp/features/semanticTokens';
import { createFramingCheck, MAX_MESSAGE_BYTES } from '../../server/src/lsp/stdioFraming';
import { FIX_ALL_KIND } from '../../server/src/protocol';
import { startHarness, type Harness } from '../support/lspHarness';

const ROOT = path.join(__dirname, '..', '..');

/** The JSON-RPC error code a request was answered with, or `result` when it was answered. */
async function codeOf(request: Promise<unknown>): Promise<number | 'result'> {
  try {
    await request;
    return 'result';
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return error.code;
  }
}

/** A server in this process and a bare client: nothing sent yet, not even `initialize`. */
function bareServer() {
  const clientToServer = new PassThrough();
  const serverToClient = new PassThrough();
  const server = createConnection(ProposedFeatures.all, new StreamMessageReader(clientToServer), new StreamMessageWriter(serverToClient), lifecycleOptions());
  createLanguageServer(server);
  server.listen();
  const client = createMessageConnection(new StreamMessageReader(serverToClient), new StreamMessageWriter(clientToServer));
  const published: string[] = [];
  client.onNotification('textDocument/publishDiagnostics', (params: { uri: string }) => void published.push(params.uri));
  client.onNotification(() => undefined);
  client.onRequest(() => null);
  client.listen();
  const dispose = () => {
    client.dispose();
    server.dispose();
  };
  return { client, published, dispose };
}

/** Runs the real server (`server.ts --stdio`) as a child process; resolves with its exit code and stderr. */
function runServer(input: (write: (text: string) => void) => void): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(ROOT, 'server', 'src', 'server.ts'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.resume();
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the server did not exit; stderr: ${stderr}`));
    }, 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
    input((text) => child.stdin.write(text));
  });
}

const frame = (message: object): string => {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
};
const INITIALIZE = frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });

describe('LSP lifecycle', function () {
  this.timeout(60_000);

  it('answers nothing before initialize, refuses a second initialize and every request after shutdown', async () => {
    const { client, dispose } = bareServer();
    try {
      const hover = { textDocument: { uri: 'file:///x/Dockerfile' }, position: { line: 0, character: 0 } };
      assert.equal(await codeOf(client.sendRequest('textDocument/hover', hover)), ErrorCodes.ServerNotInitialized);
      assert.equal(await codeOf(client.sendRequest('shutdown')), ErrorCodes.ServerNotInitialized);
      assert.equal(await codeOf(client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })), 'result');
      assert.equal(await codeOf(client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} })), ErrorCodes.InvalidRequest);
      await client.sendNotification('initialized', {});
      assert.equal(await codeOf(client.sendRequest('textDocument/hover', hover)), 'result');
      assert.equal(await codeOf(client.sendRequest('shutdown')), 'result');
      assert.equal(await codeOf(client.sendRequest('textDocument/hover', hover)), ErrorCodes.InvalidRequest);
      assert.equal(await codeOf(client.sendRequest('shutdown')), ErrorCodes.InvalidRequest);
    } finally {
      dispose();
    }
  });

  it('ignores notifications before initialize: a document opened then is not linted', async () => {
    const { client, published, dispose } = bareServer();
    try {
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///early/Dockerfile', languageId: 'dockerfile', version: 1, text: 'FROM alpine:3.24\nRUN apk add curl\n' } });
      await client.sendRequest('initialize', { processId: null, rootUri: null, capabilities: {} });
      await client.sendNotification('initialized', {});
      await client.sendRequest('textDocument/hover', { textDocument: { uri: 'file:///early/Dockerfile' }, position: { line: 0, character: 0 } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(published, []);
    } finally {
      dispose();
    }
  });

  it('exit ends the process with 0 after shutdown, 1 without', async () => {
    const clean = await runServer((write) => write(INITIALIZE + frame({ id: 2, method: 'shutdown' }) + frame({ method: 'exit' })));
    assert.equal(clean.code, 0, clean.stderr);
    const abrupt = await runServer((write) => write(INITIALIZE + frame({ method: 'exit' })));
    assert.equal(abrupt.code, 1, abrupt.stderr);
  });

  for (const [name, header] of [
    ['a Content-Length that is not a number', 'Content-Length: ten\r\n\r\n{}'],
    ['no Content-Length', 'Content-Type: application/json\r\n\r\n{}'],
    ['a Content-Length above the limit', `Content-Length: ${MAX_MESSAGE_BYTES + 1}\r\n\r\n{`],
  ] as const) {
    it(`${name}: one line on stderr and exit 1, never a hang`, async () => {
      const result = await runServer((write) => write(INITIALIZE + header));
      assert.equal(result.code, 1);
      assert.match(result.stderr, /^alpinist: the client sent .*; the connection cannot go on, exiting\.$/m);
    });
  }

  it('the framing check: messages split anywhere pass; the first broken header is named', () => {
    const stream = Buffer.from(INITIALIZE + frame({ method: 'initialized', params: {} }) + 'Content-Length: 0\r\n\r\n');
    for (const size of [1, 2, 7, 64, stream.length]) {
      const check = createFramingCheck();
      for (let index = 0; index < stream.length; index += size) assert.equal(check(stream.subarray(index, index + size)), undefined, `chunks of ${size}`);
    }
    const check = createFramingCheck();
    assert.equal(check(Buffer.from(INITIALIZE)), undefined);
    assert.match(check(Buffer.from('Content-Length: 5\r\nContent-Length: 6\r\n\r\n')) ?? '', /several Content-Length/);
    assert.match(createFramingCheck()(Buffer.from('x'.repeat(10_000))) ?? '', /header longer than/);
  });
});

describe('protocol under load', function () {
  this.timeout(120_000);
  let harness: Harness;
  beforeEach(async () => {
    harness = await startHarness();
  });
  afterEach(() => harness.dispose());

  it('1,000 changes sent at once: only the newest version is linted and published', async () => {
    const uri = 'file:///work/burst/Dockerfile';
    await harness.open(uri, 'FROM alpine:3.24\n');
    const versions: number[] = [];
    // Replaces the harness's handler: this test counts every publish itself.
    const last = new Promise<Diagnostic[]>((resolve) => {
      harness.client.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
        if (params.uri !== uri) return;
        versions.push(params.version ?? -1);
        if (params.version === 1001) resolve(params.diagnostics);
      });
    });
    for (let version = 2; version <= 1001; version++) {
      void harness.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: `FROM alpine:3.24\nRUN apk add p${version}\n` }] });
    }
    const diagnostics: Diagnostic[] = await last;
    assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.source === 'alpinist').map((diagnostic) => diagnostic.code), ['apk-prefer-no-cache']);
    // Why a few and not one: the client's writes may reach the server in more than one chunk.
    assert.ok(versions.length <= 10, `published ${versions.length} times: ${versions.slice(0, 20).join(', ')}`);
    assert.equal(versions.at(-1), 1001);
  });

  it('cancelled semantic-token, hover and code-action requests answer RequestCancelled, and a hover after them is answered', async () => {
    const uri = 'file:///work/cancel/Dockerfile';
    const text = Array.from({ length: 2000 }, (_, index) => (index === 0 ? 'FROM alpine:3.24' : `RUN apk add p${index} && echo "$HOME ${index}"`)).join('\n');
    await harness.open(uri, text);
    const requests: Promise<number | 'result'>[] = [];
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    for (let index = 0; index < 5; index++) {
      const source = new CancellationTokenSource();
      requests.push(codeOf(harness.client.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri } }, source.token)));
      requests.push(codeOf(harness.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 5 } }, source.token)));
      requests.push(codeOf(harness.client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } }, source.token)));
      source.cancel();
    }
    const started = performance.now();
    const hover = await harness.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 6 } });
    const waited = performance.now() - started;
    assert.ok(hover);
    const codes = await Promise.all(requests);
    assert.deepEqual(codes, codes.map(() => LSPErrorCodes.RequestCancelled));
    assert.ok(waited < 5000, `the hover waited ${waited.toFixed(0)} ms behind cancelled requests`);
  });

  it(`code actions are bounded: at most ${MAX_CODE_ACTIONS} actions and one fix-all for a RUN of 1,000 commands`, async () => {
    const uri = 'file:///work/bounded/Dockerfile';
    const text = `FROM alpine:3.24\nRUN ${Array.from({ length: 1000 }, (_, index) => `apk add p${index}`).join(' && ')}\n`;
    const diagnostics = await harness.open(uri, text);
    assert.ok(diagnostics.length >= 1000, `${diagnostics.length} diagnostics`);
    const whole = { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } };
    const started = performance.now();
    const actions = await harness.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics } });
    const elapsed = performance.now() - started;
    assert.ok(actions.length <= MAX_CODE_ACTIONS + 1, `${actions.length} actions`);
    assert.equal(actions.filter((action) => action.kind === FIX_ALL_KIND).length, 1);
    const size = JSON.stringify(actions).length;
    assert.ok(size < 5_000_000, `${size} characters of code actions`);
    console.log(`\n  code actions for ${diagnostics.length} diagnostics: ${actions.length} actions, ${(size / 1024).toFixed(0)} KiB, ${elapsed.toFixed(0)} ms`);
  });

  it(`semantic tokens: computed up to ${MAX_SEMANTIC_TOKEN_LINES} lines, none above, and the time does not grow past the limit`, async () => {
    const lines = (count: number): string => Array.from({ length: count }, (_, index) => (index === 0 ? 'FROM alpine:3.24' : `ENV V${index}=x${index}`)).join('\n');
    const small = 'file:///work/tokens/small/Dockerfile';
    await harness.open(small, lines(200));
    assert.ok((await harness.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri: small } })).data.length > 0);
    const timings: number[] = [];
    for (const count of [MAX_SEMANTIC_TOKEN_LINES + 1, 4 * (MAX_SEMANTIC_TOKEN_LINES + 1)]) {
      const uri = `file:///work/tokens/${count}/Dockerfile`;
      await harness.open(uri, lines(count));
      const started = performance.now();
      const tokens = await harness.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
      timings.push(performance.now() - started);
      assert.deepEqual(tokens.data, []);
    }
    console.log(`\n  semanticTokens/full above the limit: ${timings.map((ms) => `${ms.toFixed(0)} ms`).join(', ')} at n and 4n lines`);
    assert.ok(timings[1] < 2000, `${timings[1].toFixed(0)} ms at ${4 * (MAX_SEMANTIC_TOKEN_LINES + 1)} lines`);
    assert.ok(harness.logs.some((line) => line.includes(`above ${MAX_SEMANTIC_TOKEN_LINES}`)), harness.logs.join('\n'));
  });

  it('semantic tokens by range: the visible lines of a 20,000-line file get their tokens in bounded time, placed on their own lines', async () => {
    const capabilities = harness.initializeResult.capabilities.semanticTokensProvider as { range?: boolean } | undefined;
    assert.equal(capabilities?.range, true);
    const lines = (count: number): string => Array.from({ length: count }, (_, index) => (index === 0 ? 'FROM alpine:3.24' : `LABEL k${index}=v${index}`)).join('\n');
    const timings: number[] = [];
    for (const count of [5_000, 20_000]) {
      const uri = `file:///work/tokens/range-${count}/Dockerfile`;
      await harness.open(uri, lines(count));
      const started = performance.now();
      const tokens = await harness.request<SemanticTokens>('textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: { line: 4000, character: 0 }, end: { line: 4060, character: 0 } } });
      timings.push(performance.now() - started);
      // The first token is the keyword LABEL of line 4000; every line of the range has its keyword.
      assert.deepEqual(tokens.data.slice(0, 5), [4000, 0, 5, 0, 0]);
      let line = 0;
      const keywordLines = new Set<number>();
      for (let index = 0; index < tokens.data.length; index += 5) {
        line += tokens.data[index];
        if (tokens.data[index + 3] === 0) keywordLines.add(line);
      }
      for (let expected = 4000; expected <= 4060; expected++) assert.ok(keywordLines.has(expected), `no keyword token on line ${expected}`);
    }
    console.log(`\n  semanticTokens/range of 61 lines: ${timings.map((ms) => `${ms.toFixed(0)} ms`).join(', ')} at 5,000 and 20,000 lines`);
    assert.ok(timings[1] < 3000, `${timings[1].toFixed(0)} ms at 20,000 lines`);
  });
});
