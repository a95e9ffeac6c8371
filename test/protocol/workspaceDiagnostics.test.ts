/**
 * LSP 3.17 workspace diagnostics (`workspace/diagnostic`): the Dockerfiles of the workspace folders that are not open,
 * linted from disk with the folder's config file, without what `.gitignore` and `files.exclude` leave out; files that
 * are opened, deleted or fixed are cleared from the workspace report.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { CONFIG_FILE_GLOB } from '../../server/src/config/configFiles';
import { DOCKERIGNORE_GLOB } from '../../server/src/config/dockerignoreFile';
import { MAX_WORKSPACE_FILE_BYTES, WORKSPACE_FILES_GLOBS } from '../../server/src/lsp/workspaceDiagnostics';
import { CLIENT_CAPABILITIES, startHarness, type Harness } from '../support/lspHarness';

const DIRTY = 'FROM alpine:3.24\nRUN apk add curl\n';
const FIXED = 'FROM alpine:3.24\nRUN apk add --no-cache curl=8.14.1-r2\n';
/** A client that pulls diagnostics (Neovim 0.10+, and others) and re-pulls when asked. */
const PULLING_CLIENT = {
  ...CLIENT_CAPABILITIES,
  workspace: { ...CLIENT_CAPABILITIES.workspace, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
  textDocument: { ...CLIENT_CAPABILITIES.textDocument, diagnostic: { dynamicRegistration: false } },
};

const codes = (items: readonly Diagnostic[]): string[] => items.filter((item) => item.source === 'alpinist').map((item) => String(item.code)).sort();

describe('workspace diagnostics (workspace/diagnostic)', () => {
  let root: string;
  let harness: Harness | undefined;
  let refreshes = 0;
  let refreshed: (() => void) | undefined;
  const uriOf = (...parts: string[]): string => pathToFileURL(path.join(root, ...parts)).href;
  const write = (relative: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  };
  const start = async (capabilities: object = PULLING_CLIENT, initializationOptions?: unknown): Promise<Harness> => {
    harness = await startHarness(
      { alpinist: { enable: true, rules: {} }, 'files.exclude': { '**/excluded': true, '**/shown': false, '**/*.tmp.Dockerfile': true } },
      initializationOptions,
      capabilities,
      { workspaceFolders: [{ uri: uriOf('repo'), name: 'repo' }] },
    );
    harness.client.onRequest('workspace/diagnostic/refresh', () => {
      refreshes++;
      refreshed?.();
      return null;
    });
    return harness;
  };
  const nextRefresh = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no workspace/diagnostic/refresh within 5 s')), 5000);
      refreshed = () => {
        clearTimeout(timer);
        refreshed = undefined;
        resolve();
      };
    });
  const pull = async (previous: readonly WorkspaceDocumentDiagnosticReport[] = []): Promise<WorkspaceDocumentDiagnosticReport[]> => {
    const previousResultIds = previous.flatMap((item) => (item.resultId === undefined ? [] : [{ uri: item.uri, value: item.resultId }]));
    const report = await (harness as Harness).request<WorkspaceDiagnosticReport>('workspace/diagnostic', { identifier: 'alpinist', previousResultIds });
    return report.items;
  };
  /** The report as `relative path → kind: codes`. */
  const summary = (items: readonly WorkspaceDocumentDiagnosticReport[]): Record<string, string> =>
    Object.fromEntries(
      items.map((item) => [path.relative(path.join(root, 'repo'), new URL(item.uri).pathname), item.kind === 'full' ? `full: ${codes(item.items).join(' ')}` : 'unchanged']),
    );

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'alpinist-workspace-'));
    mkdirSync(path.join(root, 'repo', '.git'), { recursive: true });
    refreshes = 0;
    write('repo/Dockerfile', DIRTY);
    write('repo/services/api/Dockerfile.dev', DIRTY);
    write('repo/services/api/notes.txt', DIRTY);
    write('repo/.gitignore', 'generated/\n');
    write('repo/generated/Dockerfile', DIRTY);
    write('repo/excluded/Dockerfile', DIRTY);
    write('repo/shown/Dockerfile', DIRTY);
    write('repo/scratch.tmp.Dockerfile', DIRTY);
    write('repo/node_modules/pkg/Dockerfile', DIRTY);
    write('repo/.hadolint.yaml', 'ignored: [DL3019]\noverride:\n  error: [DL3018]\n');
  });
  afterEach(() => {
    harness?.dispose();
    harness = undefined;
    rmSync(root, { recursive: true, force: true });
  });

  it('reports the Dockerfiles that are not open, with the config file, without what .gitignore and files.exclude leave out', async () => {
    const server = await start();
    assert.deepEqual(server.initializeResult.capabilities.diagnosticProvider, { identifier: 'alpinist', interFileDependencies: false, workspaceDiagnostics: true });
    const first = await pull();
    assert.deepEqual(summary(first), {
      Dockerfile: 'full: apk-require-pinned-versions',
      'services/api/Dockerfile.dev': 'full: apk-require-pinned-versions',
      'shown/Dockerfile': 'full: apk-require-pinned-versions',
    });
    assert.ok(server.configurationRequests.some((item) => item.section === 'files.exclude' && item.scopeUri === uriOf('repo')));
    // The client sends back the result ids it holds: nothing changed, nothing is read again.
    assert.deepEqual(Object.values(summary(await pull(first))), ['unchanged', 'unchanged', 'unchanged']);
    // The server watches what changes the report.
    assert.deepEqual(
      server.registrations.filter((registration) => registration.method === 'workspace/didChangeWatchedFiles').flatMap((registration) => (registration.registerOptions as { watchers: { globPattern: unknown }[] }).watchers.map((watcher) => watcher.globPattern)),
      [CONFIG_FILE_GLOB, DOCKERIGNORE_GLOB, ...WORKSPACE_FILES_GLOBS],
    );
  });

  it('leaves open documents to their pushed diagnostics, and reports them from disk again once closed', async () => {
    const server = await start();
    const first = await pull();
    const uri = uriOf('repo', 'services', 'api', 'Dockerfile.dev');
    const refresh = nextRefresh();
    assert.deepEqual(codes(await server.open(uri, DIRTY, 4)), ['apk-require-pinned-versions']);
    await refresh;
    const whileOpen = await pull(first);
    assert.deepEqual(whileOpen.find((item) => item.uri === uri), { kind: 'full', uri, resultId: 'open', version: 4, items: [] });
    // A document pull is empty too: the pushed diagnostics are the document's.
    assert.deepEqual(await server.request('textDocument/diagnostic', { textDocument: { uri } }), { kind: 'full', items: [] });
    const closed = nextRefresh();
    await server.notify('textDocument/didClose', { textDocument: { uri } });
    await closed;
    assert.equal(summary(await pull(whileOpen))['services/api/Dockerfile.dev'], 'full: apk-require-pinned-versions');
  });

  it('clears a deleted file and a fixed one after the watcher reports them', async () => {
    const server = await start();
    const first = await pull();
    rmSync(path.join(root, 'repo', 'Dockerfile'));
    write('repo/services/api/Dockerfile.dev', FIXED);
    const refresh = nextRefresh();
    await server.notify('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: uriOf('repo', 'Dockerfile'), type: 3 },
        { uri: uriOf('repo', 'services', 'api', 'Dockerfile.dev'), type: 2 },
      ],
    });
    await refresh;
    const second = await pull(first);
    assert.deepEqual(summary(second), { 'services/api/Dockerfile.dev': 'full: ', 'shown/Dockerfile': 'unchanged', Dockerfile: 'full: ' });
    assert.deepEqual(second.find((item) => item.uri === uriOf('repo', 'Dockerfile')), { kind: 'full', uri: uriOf('repo', 'Dockerfile'), version: null, items: [] });
    // Cleared once; afterwards the file is simply not there.
    assert.deepEqual(Object.keys(summary(await pull(second))).sort(), ['services/api/Dockerfile.dev', 'shown/Dockerfile']);
    // A new .gitignore entry takes a file out of the report, cleared like a deleted one.
    write('repo/.gitignore', 'generated/\nshown/\n');
    const ignored = nextRefresh();
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf('repo', '.gitignore'), type: 2 }] });
    await ignored;
    const third = await pull(second);
    assert.equal(summary(third)['shown/Dockerfile'], 'full: ');
    // A file grown past the limit is not read from disk any more, and what it showed is cleared.
    write('repo/services/api/Dockerfile.dev', `${DIRTY}${'#'.repeat(MAX_WORKSPACE_FILE_BYTES)}\n`);
    assert.deepEqual(summary(await pull(third)), { 'services/api/Dockerfile.dev': 'full: ' });
    assert.ok(refreshes >= 2);
  });

  it('is not offered to clients without pull diagnostics, nor when the client asks for none', async () => {
    const withoutPull = await start(CLIENT_CAPABILITIES);
    assert.equal(withoutPull.initializeResult.capabilities.diagnosticProvider, undefined);
    withoutPull.dispose();
    const optedOut = await start(PULLING_CLIENT, { workspaceDiagnostics: false });
    assert.equal(optedOut.initializeResult.capabilities.diagnosticProvider, undefined);
    assert.ok(!optedOut.registrations.some((registration) => JSON.stringify(registration.registerOptions ?? null).includes('Containerfile')));
  });
});
