/**
 * Capabilities and handler wiring. Each handler reads the one analysis of the document's current version;
 * a failing handler logs and answers empty, it never takes the server down.
 */
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type FileSystemWatcher,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Analysis, AnalysisOptions } from '../analysis/analysis';
import { CONFIG_FILE_GLOB, configDirectoryOf, mergeRuleSeverities, readUserConfig, readWorkspaceConfig, userConfigWatches, type ConfigFile } from '../config/configFiles';
import { getDockerfileService, SEMANTIC_TOKEN_LEGEND, withoutShellBodyTokens } from '../dockerfile/languageService';
import { computeCodeActions, libraryActions } from './features/codeActions';
import { toDiagnostic } from './features/diagnostics';
import { docsUri } from '../config/docs';
import { createDocumentLinter, type DocumentLinter, type LintResult } from '../analysis/documentLinter';
import { computeAlpinistHover, mergeHovers } from './features/hover';
import { Commands, FIX_ALL_KIND, SETTINGS_SECTION, type AlpinistSettings } from '../protocol';
import { findRule } from '../rules';
import type { RuleOptions } from '../rules/rule';
import { DEFAULT_SETTINGS, validateSettings } from '../config/settings';
import { initShellParser } from '../shell/treeSitter';

/** The editor's settings with what a config file adds. */
type LintSettings = AlpinistSettings & { readonly suppressionComments: boolean; readonly ruleOptions: RuleOptions };

/** The key of the user's own config file among those of workspace folders (which are absolute paths). */
const USER_CONFIG_KEY = '';

/** True when a code action request admits quick fixes. */
function isQuickFixRequested(only: readonly string[] | undefined): boolean {
  return !only || only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`));
}

/** How many documents keep their analysis between requests; see `remember`. */
export const KEPT_ANALYSES = 8;

interface CachedAnalysis {
  readonly version: number;
  readonly settingsKey: string;
  readonly result: LintResult;
}

/** Wires a connection; call `connection.listen()` afterwards. Returns a handle for tests. */
export function createLanguageServer(connection: Connection): { documents: TextDocuments<TextDocument> } {
  const documents = new TextDocuments(TextDocument);
  const service = getDockerfileService();
  // Why not at once: compiling the shell grammar takes 30–40 ms, and `initialize` is answered first; the compile
  // starts on `initialized` (or the first request that needs it), before the first document arrives.
  let shellParserReady: Promise<void> | undefined;
  const ready = (): Promise<void> => (shellParserReady ??= initShellParser());
  const analyses = new Map<string, CachedAnalysis>();
  const linters = new Map<string, DocumentLinter>();
  /** Settings by the workspace folder a document is in (`''`: none). */
  const settingsByFolder = new Map<string, Promise<AlpinistSettings>>();
  /** Config files by workspace folder directory, and the user's own under `USER_CONFIG_KEY`. */
  const configByKey = new Map<string, Promise<ConfigFile | undefined | null>>();
  const shownErrors = new Set<string>();
  let workspaceFolders: string[] = [];
  const warned = new Set<string>();
  const pending = new Map<string, ReturnType<typeof setImmediate>>();
  let hasConfigurationCapability = false;
  let hasShowDocument = false;
  let hasWorkspaceFolderCapability = false;
  let canWatchFiles = false;
  /** Whether watchers may name a base folder (LSP 3.17), which the user's own config files need. */
  let canWatchOutsideWorkspace = false;
  let pushedSettings: unknown;

  const log = (message: string): void => connection.console.log(message);
  const warnOnce = (message: string): void => {
    if (warned.has(message)) return;
    warned.add(message);
    connection.console.warn(message);
  };

  const today = (): string => new Date().toISOString().slice(0, 10);

  /** The innermost workspace folder holding `uri`, or `''`. */
  function folderOf(uri: string): string {
    let found = '';
    for (const folder of workspaceFolders) {
      const prefix = folder.endsWith('/') ? folder : `${folder}/`;
      if (uri.startsWith(prefix) && folder.length > found.length) found = folder;
    }
    return found;
  }

  /**
   * Why per folder and not per document: LSP settings requests carry a scope URI but no language, so VS Code
   * answers with the folder's (or, outside folders, the workspace's) values; one request per folder saves a round
   * trip to the client for every document opened.
   */
  function settingsFor(uri: string): Promise<AlpinistSettings> {
    const folder = folderOf(uri);
    let settings = settingsByFolder.get(folder);
    if (!settings) {
      settings = (async () => {
        if (!hasConfigurationCapability) return validateSettings(pushedSettings, warnOnce);
        try {
          const raw: unknown = await connection.workspace.getConfiguration({ scopeUri: folder || uri, section: SETTINGS_SECTION });
          return validateSettings(raw, warnOnce);
        } catch (error) {
          warnOnce(`Could not read settings: ${String(error)}`);
          return DEFAULT_SETTINGS;
        }
      })();
      settingsByFolder.set(folder, settings);
    }
    return settings;
  }

  /**
   * The config file for `uri`: its workspace folder's, else the user's own; each read once. A file that cannot be read
   * or parsed is reported once, in a message the user sees, and linting goes on without it (not with another file);
   * its ignored entries go to the log.
   */
  function configFor(uri: string): Promise<ConfigFile | undefined> {
    const directory = configDirectoryOf(folderOf(uri));
    if (directory === undefined) return userConfig();
    return readOnce(directory, `the Dockerfiles of ${directory}`, () => readWorkspaceConfig(directory)).then((found) => (found === undefined ? userConfig() : found ?? undefined));
  }

  function userConfig(): Promise<ConfigFile | undefined> {
    return readOnce(USER_CONFIG_KEY, 'Dockerfiles without a config file in their workspace folder', () => readUserConfig()).then((found) => found ?? undefined);
  }

  /** The file `read` finds, undefined when there is none, null when it is broken (reported). */
  function readOnce(key: string, appliesTo: string, read: () => Promise<ConfigFile | undefined>): Promise<ConfigFile | undefined | null> {
    let config = configByKey.get(key);
    if (!config) {
      config = read().then(
        (found) => {
          if (found) log(`Using ${found.file} for ${appliesTo}.`);
          for (const warning of found?.warnings ?? []) warnOnce(warning);
          return found;
        },
        (error: unknown) => {
          const message = `Alpinist ignores a config file: ${error instanceof Error ? error.message : String(error)}`;
          connection.console.error(message);
          if (!shownErrors.has(message)) {
            shownErrors.add(message);
            void connection.window.showWarningMessage(message);
          }
          return null;
        },
      );
      configByKey.set(key, config);
    }
    return config;
  }

  /** The editor's settings for `uri`, with the severities of its config file where the settings keep the defaults. */
  async function effectiveSettingsFor(uri: string): Promise<LintSettings> {
    const [settings, config] = await Promise.all([settingsFor(uri), configFor(uri)]);
    if (!config) return { ...settings, suppressionComments: true, ruleOptions: {} };
    return { ...settings, rules: mergeRuleSeverities(config.rules, settings.rules), suppressionComments: !config.disableIgnorePragma, ruleOptions: config.ruleOptions };
  }

  /** Forgets settings and config files, and lints every open document again. */
  function reloadAll(): void {
    settingsByFolder.clear();
    configByKey.clear();
    shownErrors.clear();
    for (const document of documents.all()) scheduleValidation(document);
  }

  const optionsOf = (settings: LintSettings): AnalysisOptions => ({ ruleSeverities: settings.rules, suppressionComments: settings.suppressionComments, ruleOptions: settings.ruleOptions, today: today() });

  async function lintResultOf(document: TextDocument): Promise<{ result: LintResult; settings: LintSettings }> {
    await ready();
    const settings = await effectiveSettingsFor(document.uri);
    const settingsKey = JSON.stringify([settings.rules, settings.suppressionComments, settings.ruleOptions]);
    const cached = analyses.get(document.uri);
    if (cached && cached.version === document.version && cached.settingsKey === settingsKey) return { result: cached.result, settings };
    let linter = linters.get(document.uri);
    if (!linter) {
      linter = createDocumentLinter();
      linters.set(document.uri, linter);
    }
    const result = linter.lint(document.getText(), optionsOf(settings));
    for (const failure of result.analysis.failures) warnOnce(`Rule ${failure.ruleId} failed on ${document.uri}: ${failure.error}`);
    remember(document.uri, { version: document.version, settingsKey, result });
    return { result, settings };
  }

  /**
   * Keeps the analysis (and the parse the next edit reuses) of the most recently linted documents only. Why: an
   * analysis holds the syntax trees of its document, and editors keep many documents open that nobody looks at;
   * a document that fell out is simply linted again when a request needs it (a few milliseconds).
   */
  function remember(uri: string, analysis: CachedAnalysis): void {
    analyses.delete(uri);
    analyses.set(uri, analysis);
    for (const oldest of analyses.keys()) {
      if (analyses.size <= KEPT_ANALYSES) break;
      analyses.delete(oldest);
      linters.delete(oldest);
    }
  }

  async function analysisOf(document: TextDocument): Promise<{ analysis: Analysis; settings: LintSettings }> {
    const { result, settings } = await lintResultOf(document);
    return { analysis: result.analysis, settings };
  }

  async function validate(document: TextDocument): Promise<void> {
    const version = document.version;
    let diagnostics: Diagnostic[] = [];
    try {
      const { result, settings } = await lintResultOf(document);
      diagnostics = [...result.syntax];
      if (settings.enable) diagnostics = diagnostics.concat(result.analysis.findings.map(toDiagnostic));
    } catch (error) {
      connection.console.error(`Analysis failed for ${document.uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
    const current = documents.get(document.uri);
    if (!current || current.version !== version) return;
    await connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
  }

  /** Coalesces bursts of changes: one validation per document per turn of the event loop. */
  function scheduleValidation(document: TextDocument): void {
    const previous = pending.get(document.uri);
    if (previous) clearImmediate(previous);
    pending.set(
      document.uri,
      setImmediate(() => {
        pending.delete(document.uri);
        const current = documents.get(document.uri);
        if (current) void validate(current);
      }),
    );
  }

  function guard<P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
    return async (params: P) => {
      try {
        return await handler(params);
      } catch (error) {
        connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return fallback;
      }
    };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    hasConfigurationCapability = capabilities.workspace?.configuration === true;
    hasShowDocument = capabilities.window?.showDocument?.support === true;
    hasWorkspaceFolderCapability = capabilities.workspace?.workspaceFolders === true;
    canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canWatchOutsideWorkspace = capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    workspaceFolders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [params.rootUri];
    pushedSettings = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    service.setCapabilities({
      completion: {
        completionItem: {
          deprecatedSupport: capabilities.textDocument?.completion?.completionItem?.deprecatedSupport,
          documentationFormat: capabilities.textDocument?.completion?.completionItem?.documentationFormat,
          snippetSupport: capabilities.textDocument?.completion?.completionItem?.snippetSupport,
        },
      },
      hover: { contentFormat: capabilities.textDocument?.hover?.contentFormat },
      foldingRange: {
        lineFoldingOnly: capabilities.textDocument?.foldingRange?.lineFoldingOnly,
        rangeLimit: capabilities.textDocument?.foldingRange?.rangeLimit,
      },
    });
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['=', ' ', '$', '-'], resolveProvider: true },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND] },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        documentOnTypeFormattingProvider: { firstTriggerCharacter: '\\', moreTriggerCharacter: ['`'] },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        documentHighlightProvider: true,
        definitionProvider: true,
        renameProvider: { prepareProvider: true },
        documentLinkProvider: { resolveProvider: true },
        semanticTokensProvider: { legend: SEMANTIC_TOKEN_LEGEND, full: true },
        signatureHelpProvider: { triggerCharacters: ['-', '[', ',', ' ', '='] },
        executeCommandProvider: { commands: [Commands.showDocumentation] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'alpinist', version: process.env.ALPINIST_VERSION ?? '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    void ready();
    if (hasWorkspaceFolderCapability) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        workspaceFolders = workspaceFolders.filter((folder) => !removed.has(folder)).concat(event.added.map((folder) => folder.uri));
        reloadAll();
      });
    }
    if (canWatchFiles) {
      // Note: without relative patterns, a change to the user's own file applies after the next settings change or
      // restart.
      const userWatchers: FileSystemWatcher[] = canWatchOutsideWorkspace
        ? userConfigWatches().map(({ directory, pattern }) => ({ globPattern: { baseUri: pathToFileURL(directory).href, pattern } }))
        : [];
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: CONFIG_FILE_GLOB }, ...userWatchers] }).catch(() => undefined);
    }
    if (hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION }).catch(() => undefined);
    }
  });

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as Record<string, unknown> | null | undefined)?.[SETTINGS_SECTION];
    if (pushed !== undefined) pushedSettings = pushed;
    warned.clear();
    reloadAll();
  });

  // Why every config file at once: a change may create a file that now shadows another (`.alpinist.yaml` is read
  // before `.hadolint.yaml`), and re-reading the few workspace folders costs nothing.
  connection.onDidChangeWatchedFiles(() => reloadAll());

  documents.onDidOpen((event) => scheduleValidation(event.document));
  documents.onDidChangeContent((event) => scheduleValidation(event.document));
  documents.onDidClose((event) => {
    analyses.delete(event.document.uri);
    linters.delete(event.document.uri);
    const timer = pending.get(event.document.uri);
    if (timer) clearImmediate(timer);
    pending.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  const withDocument = <P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, handler: (document: TextDocument, params: P) => R | Promise<R>) =>
    guard<P, R>(name, fallback, (params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? handler(document, params) : fallback;
    });

  connection.onCodeAction(
    withDocument('codeAction', [], async (document, params) => {
      const { analysis, settings } = await analysisOf(document);
      // Why: with Alpinist disabled only the library's fixes remain: no Alpinist fixes, fix-all or refactorings.
      if (!settings.enable) return isQuickFixRequested(params.context.only) ? libraryActions(document.uri, document.getText(), params) : [];
      return computeCodeActions(document.uri, analysis, params, optionsOf(settings));
    }),
  );

  connection.onHover(
    withDocument('hover', null, async (document, params) => {
      let library: ReturnType<typeof service.computeHover> = null;
      try {
        library = service.computeHover(document.getText(), params.position);
      } catch (error) {
        // Why: dockerfile-ast 0.7.1 overflows the stack on some input; Alpinist's hover does not depend on it.
        log(`Instruction hover failed: ${String(error)}`);
      }
      const { analysis, settings } = await analysisOf(document);
      const ours = settings.enable ? computeAlpinistHover(analysis, params.position, today()) : undefined;
      return mergeHovers(ours, library);
    }),
  );

  connection.onExecuteCommand(
    guard('executeCommand', null, async (params) => {
      if (params.command !== Commands.showDocumentation) return null;
      const ruleId = params.arguments?.[0];
      if (typeof ruleId !== 'string' || !findRule(ruleId)) {
        connection.console.warn(`${Commands.showDocumentation}: unknown rule ${JSON.stringify(ruleId)}.`);
        return null;
      }
      const uri = docsUri(ruleId);
      if (hasShowDocument) await connection.window.showDocument({ uri, external: false, takeFocus: true });
      else log(`Documentation for ${ruleId}: ${uri}`);
      return null;
    }),
  );

  connection.onCompletion(withDocument('completion', [], (document, params) => Promise.resolve(service.computeCompletionItems(document.getText(), params.position))));
  connection.onCompletionResolve(guard('completionResolve', null as never, (item) => service.resolveCompletionItem(item)));
  connection.onDocumentFormatting(withDocument('formatting', [], (document, params) => service.format(document.getText(), params.options)));
  connection.onDocumentRangeFormatting(withDocument('rangeFormatting', [], (document, params) => service.formatRange(document.getText(), params.range, params.options)));
  connection.onDocumentOnTypeFormatting(withDocument('onTypeFormatting', [], (document, params) => service.formatOnType(document.getText(), params.position, params.ch, params.options)));
  connection.onDocumentSymbol(withDocument('documentSymbol', [], (document) => service.computeSymbols({ uri: document.uri }, document.getText())));
  connection.onFoldingRanges(withDocument('foldingRange', [], (document) => service.computeFoldingRanges(document.getText())));
  connection.onDocumentHighlight(withDocument('documentHighlight', [], (document, params) => service.computeHighlightRanges(document.getText(), params.position)));
  connection.onDefinition(withDocument('definition', null, (document, params) => service.computeDefinition({ uri: document.uri }, document.getText(), params.position)));
  connection.onPrepareRename(withDocument('prepareRename', null, (document, params) => service.prepareRename(document.getText(), params.position)));
  connection.onRenameRequest(
    withDocument('rename', null, (document, params) => ({ changes: { [document.uri]: service.computeRename({ uri: document.uri }, document.getText(), params.position, params.newName) } })),
  );
  connection.onDocumentLinks(withDocument('documentLinks', [], (document) => service.computeLinks(document.getText())));
  connection.onDocumentLinkResolve(guard('documentLinkResolve', null as never, (link) => service.resolveLink(link)));
  connection.onSignatureHelp(withDocument('signatureHelp', null, (document, params) => service.computeSignatureHelp(document.getText(), params.position)));
  connection.languages.semanticTokens.on(
    withDocument('semanticTokens', { data: [] }, async (document) => {
      const tokens = service.computeSemanticTokens(document.getText());
      const { analysis } = await analysisOf(document);
      const spans = analysis.model.runs
        .filter((run) => run.form !== 'exec')
        .map((run) => {
          const start = analysis.model.document.positionAt(run.bodyStart);
          const end = analysis.model.document.positionAt(run.end);
          return { startLine: start.line, startCharacter: start.character, endLine: end.line, endCharacter: end.character };
        });
      return withoutShellBodyTokens(tokens, spans);
    }),
  );

  documents.listen(connection);
  return { documents };
}
