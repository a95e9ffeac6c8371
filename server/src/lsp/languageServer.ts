/**
 * Wiring only: the modules of lsp/ and the connection. `workspaceSettings` (the editor's settings per folder) and
 * `configWatcher` (config files) give each document its settings, resolved once here with `combineSeverities`;
 * `documentAnalyses` keeps one analysis per document version and publishes diagnostics; every request handler
 * lives in `features/` and reads that analysis.
 */
import path from 'node:path';
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocuments, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { combineSeverities } from '../config/severities';
import { getDockerfileService } from '../dockerfile/languageService';
import { ALPINE_DATA_OPTIONS_NOTIFICATION, ALPINE_DATA_STATUS_NOTIFICATION, SETTINGS_SECTION, type AlpineDataStatus } from '../protocol';
import { createEditorAlpineData, readAlpineDataSettings } from './alpineData';
import { initShellParser } from '../shell/treeSitter';
import { configureLibrary, SERVER_CAPABILITIES } from './capabilities';
import { createConfigWatcher } from './configWatcher';
import { createDocumentAnalyses, today, type AnalysisInputs, type LintSettings } from './documentAnalyses';
import { createDocumentLinter } from '../analysis/documentLinter';
import { createDockerignoreCache } from './dockerignores';
import { createShellCheckDiagnostics, readShellCheckOptions, type ShellCheckDiagnostics } from './shellcheckDiagnostics';
import { registerLifecycle } from './lifecycle';
import { registerCodeActions } from './features/codeActionHandler';
import { registerCommands } from './features/commands';
import { registerCompletion } from './features/completion';
import type { FeatureContext } from './features/context';
import { registerHover } from './features/hoverHandler';
import { registerLibraryFeatures } from './features/library';
import { registerSemanticTokens } from './features/semanticTokens';
import { createWorkspaceSettings, sameJson } from './workspaceSettings';
import { isDockerfileName } from '../config/workspaceFiles';
import { createWorkspaceDiagnostics, WORKSPACE_FILES_GLOBS } from './workspaceDiagnostics';
import { createStartupTimings } from './startupTimings';

export { KEPT_ANALYSES } from './documentAnalyses';

/** What the warm-up lints: the instructions and commands most Dockerfiles have. */
const WARM_UP_DOCKERFILE = [
  'FROM alpine:3.21 AS build',
  'ARG VERSION=1',
  'ENV PATH=/app/bin:$PATH',
  'WORKDIR /app',
  'COPY package.json ./',
  'RUN apk add --no-cache --virtual .build gcc musl-dev && pip install --no-cache-dir x==1 && apk del .build',
  'FROM alpine:3.21',
  'COPY --from=build /app /app',
  'USER 1000',
  'CMD ["/app/bin/run"]',
  '',
].join('\n');

/**
 * Wires a connection created with `lifecycleOptions()` (lifecycle.ts); call `connection.listen()` afterwards. Returns
 * a handle for tests.
 */
export function createLanguageServer(connection: Connection): { documents: TextDocuments<TextDocument> } {
  const timings = createStartupTimings((message) => connection.console.log(message));
  timings.mark('modules');
  registerLifecycle(connection);
  const documents = new TextDocuments(TextDocument);
  // Why not at once: compiling the shell grammar takes 30–40 ms, and `initialize` is answered first; the compile
  // starts on `initialized` (or the first request that needs it), before the first document arrives.
  let shellParserReady: Promise<void> | undefined;
  const ready = (): Promise<void> => (shellParserReady ??= initShellParser().then(() => timings.mark('shell parser')));
  const client = { configuration: false, showDocument: false, workspaceFolders: false, watchFiles: false, watchOutsideWorkspace: false, workspaceDiagnostics: false, refreshDiagnostics: false };

  const log = (message: string): void => connection.console.log(message);
  const warned = new Set<string>();
  const warnOnce = (message: string): void => {
    if (warned.has(message)) return;
    warned.add(message);
    connection.console.warn(message);
  };

  /** The settings the client sent with `initialize`, and whether the echo of the settings registration is due. */
  let initialSettings: unknown;
  let awaitingRegistrationEcho = false;

  const workspace = createWorkspaceSettings(connection, () => client.configuration, warnOnce);
  const configFiles = createConfigWatcher(connection, log, warnOnce);

  const dockerignores = createDockerignoreCache();

  /** The editor's settings for `uri` over its config file's: a rule the user set in the editor takes that severity. */
  async function lintSettingsFor(uri: string): Promise<LintSettings> {
    const [settings, config] = await Promise.all([workspace.settingsFor(uri), configFiles.configFor(workspace.folderOf(uri))]);
    const dockerignore = dockerignores.of(uri);
    if (!config) return { ...settings, suppressionComments: true, ruleOptions: {}, dockerignore };
    return { ...settings, rules: combineSeverities(config.rules, settings.rules), suppressionComments: !config.disableIgnorePragma, ruleOptions: config.ruleOptions, dockerignore };
  }

  let shellcheck: ShellCheckDiagnostics | undefined;
  const inputs: AnalysisInputs = {};
  const analyses = createDocumentAnalyses(connection, documents, lintSettingsFor, ready, warnOnce, (...published) => shellcheck?.publish(...published), inputs, timings);

  const workspaceDiagnostics = createWorkspaceDiagnostics({
    connection,
    documents,
    folders: () => workspace.folders,
    settingsFor: lintSettingsFor,
    canAskConfiguration: () => client.configuration,
    canRefresh: () => client.workspaceDiagnostics && client.refreshDiagnostics,
    log,
  });

  /**
   * Lints a small Dockerfile once, if no document came yet. Why: the first analysis of a process runs cold (every rule's
   * code compiled on first use, the shell grammar's first parse): 50 ms on an idle machine, 200 ms and more on a busy
   * one. Done while the server waits for the editor (which activates it when a workspace with a Dockerfile opens), it
   * is not done again when the user opens a Dockerfile.
   */
  function warmUp(): void {
    if (documents.all().length > 0) return;
    try {
      createDocumentLinter().lint(WARM_UP_DOCKERFILE, { today: today() });
    } catch (error) {
      log(`Warm-up analysis failed: ${String(error)}`);
    }
  }

  /** Forgets settings and config files, lints every open document again, and has the workspace's files pulled again. */
  function reloadAll(): void {
    workspace.clear();
    configFiles.clear();
    dockerignores.clear();
    for (const document of documents.all()) analyses.schedule(document);
    workspaceDiagnostics.invalidate({ settings: true });
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    timings.mark('initialize');
    const capabilities = params.capabilities;
    client.configuration = capabilities.workspace?.configuration === true;
    client.showDocument = capabilities.window?.showDocument?.support === true;
    client.workspaceFolders = capabilities.workspace?.workspaceFolders === true;
    client.watchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    // Whether watchers may name a base folder (LSP 3.17), which the user's own config files need.
    client.watchOutsideWorkspace = capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    // Pull diagnostics are offered to clients that support them, unless told not to (the VS Code extension lints the
    // workspace with its task instead).
    const options = params.initializationOptions as { workspaceDiagnostics?: unknown } | undefined;
    client.workspaceDiagnostics = capabilities.textDocument?.diagnostic !== undefined && options?.workspaceDiagnostics !== false;
    client.refreshDiagnostics = capabilities.workspace?.diagnostics?.refreshSupport === true;
    const folders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    workspace.setFolders(folders.length === 0 && params.rootUri ? [params.rootUri] : folders);
    initialSettings = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    workspace.setPushed(initialSettings);
    // Why: the first document's settings would otherwise be a round trip to a client that is busy starting up.
    workspace.seed((params.initializationOptions as { settingsByFolder?: unknown } | undefined)?.settingsByFolder);
    shellcheck = createShellCheckDiagnostics(readShellCheckOptions((params.initializationOptions as { shellcheck?: unknown } | undefined)?.shellcheck), {
      send: (published) => connection.sendDiagnostics(published),
      versionOf: (uri) => documents.get(uri)?.version,
      log,
    });
    inputs.alpineData = createEditorAlpineData(readAlpineDataSettings((params.initializationOptions as { alpineData?: unknown } | undefined)?.alpineData), {
      log: (line) => connection.console.info(line),
      status: (status) => void connection.sendNotification(ALPINE_DATA_STATUS_NOTIFICATION, status satisfies AlpineDataStatus).catch(() => undefined),
      relint: (uris) => {
        for (const uri of uris) {
          const document = documents.get(uri);
          if (document) analyses.schedule(document);
        }
      },
    });
    configureLibrary(capabilities);
    const offered = client.workspaceDiagnostics ? { ...SERVER_CAPABILITIES, diagnosticProvider: { identifier: 'alpinist', interFileDependencies: false, workspaceDiagnostics: true } } : SERVER_CAPABILITIES;
    return { capabilities: offered, serverInfo: { name: 'alpinist', version: process.env.ALPINIST_VERSION ?? '0.1.0' } };
  });

  connection.onInitialized(() => {
    timings.mark('initialized');
    void ready().then(() => setImmediate(warmUp));
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        workspace.setFolders(workspace.folders.filter((folder) => !removed.has(folder)).concat(event.added.map((folder) => folder.uri)));
        reloadAll();
      });
    }
    if (client.watchFiles) configFiles.watch(client.watchOutsideWorkspace);
    if (client.watchFiles && client.workspaceDiagnostics) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WORKSPACE_FILES_GLOBS.map((globPattern) => ({ globPattern })) }).catch(() => undefined);
    }
    if (client.configuration) {
      awaitingRegistrationEcho = true;
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    if (pushed !== undefined) workspace.setPushed(pushed);
    // Why: a client answers the registration above with the settings it has (VS Code's does), usually while the first
    // documents are being linted; when they are the settings it sent with `initialize`, nothing changed, and reloading
    // would only drop the settings and config files read so far and lint every open document again.
    const echo = awaitingRegistrationEcho;
    awaitingRegistrationEcho = false;
    if (echo && pushed !== undefined && sameJson(pushed, initialSettings)) return;
    warned.clear();
    reloadAll();
  });

  // Why a notification of its own: trust is granted, or an application setting changes, without a restart.
  connection.onNotification(ALPINE_DATA_OPTIONS_NOTIFICATION, (options: unknown) => inputs.alpineData?.configure(readAlpineDataSettings(options)));
  connection.onShutdown(() => inputs.alpineData?.dispose());

  // Why every config file at once: a change may create a file that now shadows another (`.alpinist.yaml` is read
  // before `.hadolint.yaml`), and re-reading the few workspace folders costs nothing. A Dockerfile or a .gitignore
  // changes what the workspace reports only.
  connection.onDidChangeWatchedFiles((event) => {
    const names = event.changes.map((change) => path.posix.basename(change.uri));
    const onlyReported = (name: string): boolean => name === '.gitignore' || (isDockerfileName(name) && !name.endsWith('.dockerignore'));
    if (!names.every(onlyReported)) reloadAll();
    else workspaceDiagnostics.invalidate();
  });

  // Documents answer with their pushed diagnostics; see workspaceDiagnostics.ts for why pulls of a document are empty.
  connection.languages.diagnostics.on(() => ({ kind: 'full', items: [] }));
  connection.languages.diagnostics.onWorkspace((params, token) => workspaceDiagnostics.pull(params, token));

  documents.onDidOpen((event) => {
    timings.mark('document');
    analyses.schedule(event.document);
    workspaceDiagnostics.invalidate();
  });
  documents.onDidChangeContent((event) => analyses.schedule(event.document));
  documents.onDidClose((event) => {
    analyses.close(event.document.uri);
    workspaceDiagnostics.invalidate();
  });

  const context: FeatureContext = {
    connection,
    documents,
    // A getter: the library loads on the first feature that needs it (see getDockerfileService).
    get service() {
      return getDockerfileService();
    },
    analyses,
    log,
    canShowDocument: () => client.showDocument,
  };
  registerCodeActions(context);
  registerHover(context);
  registerCommands(context);
  registerCompletion(context);
  registerLibraryFeatures(context);
  registerSemanticTokens(context);

  documents.listen(connection);
  return { documents };
}
