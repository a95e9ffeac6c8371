/**
 * The server reads the workspace's `.alpinist.yaml` / `.hadolint.yaml` as the CLI does, at the root of each workspace
 * folder, else the user's own file (`$XDG_CONFIG_HOME/hadolint.yaml`, …), with every severity the editor's settings
 * list winning.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { userConfigWatches } from '../../server/src/config/configFiles';
import { CLIENT_CAPABILITIES, startHarness, type Harness } from '../support/lspHarness';

const TEXT = 'FROM alpine:3.24\nRUN apk add curl\n';
const WATCHING_CLIENT = { ...CLIENT_CAPABILITIES, workspace: { ...CLIENT_CAPABILITIES.workspace, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } } };
/** A client that can watch files outside the workspace (LSP 3.17 relative patterns), as VS Code can. */
const RELATIVE_WATCHING_CLIENT = { ...WATCHING_CLIENT, workspace: { ...WATCHING_CLIENT.workspace, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } };
/** The user's own hadolint file, in the empty user config directory the tests' setup gives the process. */
const USER_FILE = path.join(process.env.XDG_CONFIG_HOME ?? '', 'hadolint.yaml');

/** Alpinist's diagnostics as `code:severity`. */
const found = (diagnostics: Diagnostic[]): string[] =>
  diagnostics.filter((diagnostic) => diagnostic.source === 'alpinist').map((diagnostic) => `${String(diagnostic.code)}:${diagnostic.severity}`);

describe('config files in the editor (.alpinist.yaml, .hadolint.yaml)', () => {
  let root: string;
  let harness: Harness | undefined;
  const uriOf = (...parts: string[]): string => pathToFileURL(path.join(root, ...parts)).href;
  const start = async (settings: Record<string, unknown> = { alpinist: { enable: true, rules: {} } }, capabilities: object = WATCHING_CLIENT): Promise<Harness> => {
    harness = await startHarness(settings, undefined, capabilities, {
      workspaceFolders: [
        { uri: uriOf('configured'), name: 'configured' },
        { uri: uriOf('plain'), name: 'plain' },
      ],
    });
    return harness;
  };

  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'alpinist-config-'));
    mkdirSync(path.join(root, 'configured', 'services', 'api'), { recursive: true });
    mkdirSync(path.join(root, 'plain'));
    mkdirSync(path.join(root, 'loose'));
  });
  afterEach(() => {
    harness?.dispose();
    harness = undefined;
    rmSync(root, { recursive: true, force: true });
    rmSync(USER_FILE, { force: true });
  });

  it("applies the folder root's .hadolint.yaml to every Dockerfile of the folder, and only there", async () => {
    writeFileSync(path.join(root, 'configured', '.hadolint.yaml'), 'ignored:\n  - DL3019\noverride:\n  error:\n    - DL3018\ncolour: yes\n');
    const server = await start();
    assert.deepEqual(found(await server.open(uriOf('configured', 'services', 'api', 'Dockerfile'), TEXT)), ['apk-require-pinned-versions:1']);
    assert.deepEqual(found(await server.open(uriOf('plain', 'Dockerfile'), TEXT)), ['apk-prefer-no-cache:2']);
    // A key no config file has is reported in the log, once.
    assert.equal(server.logs.filter((line) => line.includes('"colour"')).length, 1, server.logs.join('\n'));
    assert.ok(server.logs.some((line) => line.includes(path.join(root, 'configured', '.hadolint.yaml'))), server.logs.join('\n'));
  });

  it('reads .alpinist.yaml before .hadolint.yaml, and none for documents outside the workspace folders', async () => {
    writeFileSync(path.join(root, 'configured', '.alpinist.yaml'), 'rules:\n  apk-prefer-no-cache: info\n');
    writeFileSync(path.join(root, 'configured', '.hadolint.yaml'), 'ignored: [DL3019]\n');
    writeFileSync(path.join(root, 'loose', '.hadolint.yml'), 'ignored: [DL3019]\n');
    const server = await start();
    assert.deepEqual(found(await server.open(uriOf('configured', 'Dockerfile'), TEXT)), ['apk-prefer-no-cache:3']);
    assert.deepEqual(found(await server.open(uriOf('loose', 'Dockerfile'), TEXT)), ['apk-prefer-no-cache:2']);
    // Not on disk: no config file, and no error.
    assert.deepEqual(found(await server.open('untitled:Untitled-1', TEXT)), ['apk-prefer-no-cache:2']);
  });

  it("lets every severity the editor's settings list win over the file's, even a rule's default", async () => {
    writeFileSync(path.join(root, 'configured', '.hadolint.yaml'), 'ignored: [DL3019]\noverride:\n  error: [DL3018, DL3006]\n');
    // The client forwards only what the user set: here apk-prefer-no-cache at its default (warning) and
    // from-require-pinned-tag by its hadolint code; apk-require-pinned-versions is not set, so the file's error applies.
    const server = await start({ alpinist: { enable: true, rules: { 'apk-prefer-no-cache': 'warning', DL3006: 'info' } } });
    const text = 'FROM alpine\nRUN apk add curl\n';
    assert.deepEqual(found(await server.open(uriOf('configured', 'Dockerfile'), text)).sort(), ['apk-prefer-no-cache:2', 'apk-require-pinned-versions:1', 'from-require-pinned-tag:3']);
  });

  it('shows why a broken config file is ignored, once, and lints with the defaults', async () => {
    writeFileSync(path.join(root, 'configured', '.hadolint.yaml'), 'ignored: [DL3019\nrules: {\n');
    const server = await start();
    assert.deepEqual(found(await server.open(uriOf('configured', 'Dockerfile'), TEXT)), ['apk-prefer-no-cache:2']);
    assert.deepEqual(found(await server.open(uriOf('configured', 'other.Dockerfile'), TEXT)), ['apk-prefer-no-cache:2']);
    assert.equal(server.shownMessages.length, 1, JSON.stringify(server.shownMessages));
    const [shown] = server.shownMessages;
    assert.equal(shown.type, 2);
    assert.match(shown.message, /ignores a config file: .*\.hadolint\.yaml:\d+:\d+: invalid YAML/);
  });

  it('disable-ignore-pragma: suppression comments do nothing, and no action offers to add one', async () => {
    writeFileSync(path.join(root, 'configured', '.hadolint.yaml'), 'disable-ignore-pragma: true\n');
    const server = await start();
    const suppressed = 'FROM alpine:3.24\n# hadolint ignore=DL3019\nRUN apk add curl\n';
    assert.deepEqual(found(await server.open(uriOf('plain', 'Dockerfile'), suppressed)), []);
    const uri = uriOf('configured', 'Dockerfile');
    const diagnostics = (await server.open(uri, suppressed)).filter((diagnostic) => diagnostic.source === 'alpinist');
    assert.deepEqual(found(diagnostics), ['apk-prefer-no-cache:2']);
    const actions = await server.request<{ title: string }[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics, only: ['quickfix'] } });
    assert.deepEqual(actions.map((action) => action.title).filter((title) => title.startsWith('Ignore')), []);
    assert.ok(actions.some((action) => action.title.startsWith('Show documentation')), JSON.stringify(actions));
  });

  it('reads the .dockerignore beside a file Dockerfile (copy-no-ignored-file) and again when it changes', async () => {
    const server = await start();
    const uri = uriOf('configured', 'Dockerfile');
    const ignore = path.join(root, 'configured', '.dockerignore');
    writeFileSync(ignore, 'dist\n');
    const text = 'FROM alpine:3.24\nCOPY dist /app\n';
    assert.deepEqual(found(await server.open(uri, text)), ['copy-no-ignored-file:2']);
    assert.deepEqual(found(await server.open('untitled:Untitled-1', text)), [], 'an untitled document has no build context');
    rmSync(ignore);
    const relinted = server.nextDiagnostics(uri);
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(ignore).href, type: 3 }] });
    assert.deepEqual(found(await relinted), []);
  });

  it('watches the config files and lints open documents again when one changes', async () => {
    const server = await start();
    const uri = uriOf('configured', 'Dockerfile');
    assert.deepEqual(found(await server.open(uri, TEXT)), ['apk-prefer-no-cache:2']);
    // Registered on `initialized`, so before the diagnostics arrived.
    assert.deepEqual(
      server.registrations.filter((registration) => registration.method === 'workspace/didChangeWatchedFiles').map((registration) => registration.registerOptions),
      [{ watchers: [{ globPattern: '**/{.alpinist,.hadolint}.{yaml,yml}' }, { globPattern: '**/{.dockerignore,*.dockerignore}' }] }],
    );
    const file = path.join(root, 'configured', '.hadolint.yaml');
    writeFileSync(file, 'ignored: [DL3019]\n');
    const relinted = server.nextDiagnostics(uri);
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 1 }] });
    assert.deepEqual(found(await relinted), []);
    rmSync(file);
    const restored = server.nextDiagnostics(uri);
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 3 }] });
    assert.deepEqual(found(await restored), ['apk-prefer-no-cache:2']);
  });

  describe("the user's own file", () => {
    beforeEach(() => mkdirSync(path.dirname(USER_FILE), { recursive: true }));

    it('applies where no workspace folder provides a file: other folders, loose files, untitled documents', async () => {
      writeFileSync(USER_FILE, 'override:\n  error: [DL3019]\n');
      writeFileSync(path.join(root, 'configured', '.hadolint.yaml'), 'ignored: [DL3007]\n');
      const server = await start();
      assert.deepEqual(found(await server.open(uriOf('configured', 'Dockerfile'), TEXT)), ['apk-prefer-no-cache:2']);
      assert.deepEqual(found(await server.open(uriOf('plain', 'Dockerfile'), TEXT)), ['apk-prefer-no-cache:1']);
      assert.deepEqual(found(await server.open(uriOf('loose', 'Dockerfile'), TEXT)), ['apk-prefer-no-cache:1']);
      assert.deepEqual(found(await server.open('untitled:Untitled-1', TEXT)), ['apk-prefer-no-cache:1']);
      assert.ok(server.logs.some((line) => line.includes(`Using ${USER_FILE}`)), server.logs.join('\n'));
    });

    it("is not used in place of a folder's broken file", async () => {
      writeFileSync(USER_FILE, 'ignored: [DL3019]\n');
      writeFileSync(path.join(root, 'configured', '.hadolint.yaml'), 'ignored: [DL3019\n');
      const server = await start();
      assert.deepEqual(found(await server.open(uriOf('configured', 'Dockerfile'), TEXT)), ['apk-prefer-no-cache:2']);
      assert.deepEqual(found(await server.open(uriOf('plain', 'Dockerfile'), TEXT)), []);
      assert.equal(server.shownMessages.length, 1, JSON.stringify(server.shownMessages));
    });

    it('is watched by base folder when the client supports relative patterns, and read again when it changes', async () => {
      const server = await start(undefined, RELATIVE_WATCHING_CLIENT);
      const uri = uriOf('plain', 'Dockerfile');
      assert.deepEqual(found(await server.open(uri, TEXT)), ['apk-prefer-no-cache:2']);
      const [registration] = server.registrations.filter((registered) => registered.method === 'workspace/didChangeWatchedFiles');
      const watchers = (registration.registerOptions as { watchers: { globPattern: unknown }[] }).watchers;
      assert.deepEqual(watchers.slice(2), userConfigWatches().map(({ directory, pattern }) => ({ globPattern: { baseUri: pathToFileURL(directory).href, pattern } })));
      assert.deepEqual(watchers[2], { globPattern: { baseUri: pathToFileURL(path.dirname(USER_FILE)).href, pattern: '{alpinist.yaml,alpinist.yml,hadolint.yaml,hadolint.yml}' } });
      writeFileSync(USER_FILE, 'ignored: [DL3019]\n');
      const relinted = server.nextDiagnostics(uri);
      await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(USER_FILE).href, type: 1 }] });
      assert.deepEqual(found(await relinted), []);
    });
  });
});
