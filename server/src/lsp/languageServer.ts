/**
 * Wiring only: the modules of lsp/ and the connection. `workspaceSettings` (the editor's settings per folder) and
 * `configWatcher` (config files) give each document its settings, resolved once here with `combineSeverities`;
 * `documentAnalyses` keeps one analysis per document version and publishes diagnostics; every request handler
 * lives in `features/` and reads that analysis.
 */
import { DidChangeConfigurationNotification, TextDocuments, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { combineSeverities } from '../config/severities';
import { getDockerfileService } from '../dockerfile/languageService';
import { ALPINE_DATA_OPTIONS_NOTIFICATION, ALPINE_DATA_STATUS_NOTIFICATION, SETTINGS_SECTION, type AlpineDataStatus } from '../protocol';
import { createEditorAlpineData, readAlpineDataSettings } from './alpineData';
import { initShellParser } from '../shell/treeSitter';
import { configureLibrary, SERVER_CAPABILITIES } from './capabilities';
import { createConfigWatcher } from './configWatcher';
import { createDocumentAnalyses, type AnalysisInputs, type LintSettings } from './documentAnalyses';
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
import { createWorkspaceSettings } from './workspaceSettings';

export { KEPT_ANALYSES } from './documentAnalyses';

/**
 * Wires a connection created with `lifecycleOptions()` (lifecycle.ts); call `connection.listen()` afterwards. Returns
 * a handle for tests.
 */
export function createLanguageServer(connection: Connection): { documents: TextDocuments<TextDocument> } {
  registerLifecycle(connection);
  const documents = new TextDocuments(TextDocument);
  const service = getDockerfileService();
  // Why not at once: compiling the shell grammar takes 30–40 ms, and `initialize` is answered first; the compile
  // starts on `initialized` (or the first request that needs it), before the first document arrives.
  let shellParserReady: Promise<void> | undefined;
  const ready = (): Promise<void> => (shellParserReady ??= initShellParser());
  const client = { configuration: false, showDocument: false, workspaceFolders: false, watchFiles: false, watchOutsideWorkspace: false };

  const log = (message: string): void => connection.console.log(message);
  const warned = new Set<string>();
  const warnOnce = (message: string): void => {
    if (warned.has(message)) return;
    warned.add(message);
    connection.console.warn(message);
  };

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
  const analyses = createDocumentAnalyses(connection, documents, lintSettingsFor, ready, warnOnce, (...published) => shellcheck?.publish(...published), inputs);

  /** Forgets settings and config files, and lints every open document again. */
  function reloadAll(): void {
    workspace.clear();
    configFiles.clear();
    dockerignores.clear();
    for (const document of documents.all()) analyses.schedule(document);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    client.configuration = capabilities.workspace?.configuration === true;
    client.showDocument = capabilities.window?.showDocument?.support === true;
    client.workspaceFolders = capabilities.workspace?.workspaceFolders === true;
    client.watchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    // Whether watchers may name a base folder (LSP 3.17), which the user's own config files need.
    client.watchOutsideWorkspace = capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    const folders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    workspace.setFolders(folders.length === 0 && params.rootUri ? [params.rootUri] : folders);
    workspace.setPushed((params.initializationOptions as { settings?: unknown } | undefined)?.settings);
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
    configureLibrary(service, capabilities);
    return { capabilities: SERVER_CAPABILITIES, serverInfo: { name: 'alpinist', version: process.env.ALPINIST_VERSION ?? '0.1.0' } };
  });

  connection.onInitialized(() => {
    void ready();
    if (client.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        workspace.setFolders(workspace.folders.filter((folder) => !removed.has(folder)).concat(event.added.map((folder) => folder.uri)));
        reloadAll();
      });
    }
    if (client.watchFiles) configFiles.watch(client.watchOutsideWorkspace);
    if (client.configuration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    if (pushed !== undefined) workspace.setPushed(pushed);
    warned.clear();
    reloadAll();
  });

  // Why a notification of its own: trust is granted, or an application setting changes, without a restart.
  connection.onNotification(ALPINE_DATA_OPTIONS_NOTIFICATION, (options: unknown) => inputs.alpineData?.configure(readAlpineDataSettings(options)));
  connection.onShutdown(() => inputs.alpineData?.dispose());

  // Why every config file at once: a change may create a file that now shadows another (`.alpinist.yaml` is read
  // before `.hadolint.yaml`), and re-reading the few workspace folders costs nothing.
  connection.onDidChangeWatchedFiles(() => reloadAll());

  documents.onDidOpen((event) => analyses.schedule(event.document));
  documents.onDidChangeContent((event) => analyses.schedule(event.document));
  documents.onDidClose((event) => analyses.close(event.document.uri));

  const context: FeatureContext = { connection, documents, service, analyses, log, canShowDocument: () => client.showDocument };
  registerCodeActions(context);
  registerHover(context);
  registerCommands(context);
  registerCompletion(context);
  registerLibraryFeatures(context);
  registerSemanticTokens(context);

  documents.listen(connection);
  return { documents };
}
