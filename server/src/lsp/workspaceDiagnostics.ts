/**
 * LSP 3.17 workspace diagnostics (`workspace/diagnostic`, the pull model) for clients that support them: every
 * Dockerfile of the workspace folders on disk (found by `config/workspaceFiles.ts`: `.gitignore` files and the
 * client's `files.exclude`), linted from disk with the same settings and config file as an open document.
 *
 * Open documents keep their pushed diagnostics (exact version, ShellCheck), so the workspace report lists each open
 * document with no items, and `textDocument/diagnostic` answers no items either: a client shows pulled and pushed
 * diagnostics side by side, and one source per document avoids doubles. A file reported before that is now gone
 * (deleted, newly ignored or excluded) is reported once more with no items, so the client clears it.
 *
 * Each report carries a result id made of the file's modification time, size and settings; a file whose id the
 * client sent back unchanged is answered `unchanged` without being read again.
 */
import { stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CancellationToken, Connection, TextDocuments, WorkspaceDiagnosticParams, WorkspaceDiagnosticReport, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createDocumentLinter } from '../analysis/documentLinter';
import { findDockerfiles } from '../config/workspaceFiles';
import { anyGlobMatcher, type GlobMatcher } from '../util/glob';
import type { LintSettings } from './documentAnalyses';
import { optionsOf } from './documentAnalyses';
import { toDiagnostic } from './features/diagnostics';

/** Files larger than this are not linted from disk (the CLI's limit is larger; an editor should stay responsive). */
export const MAX_WORKSPACE_FILE_BYTES = 1024 * 1024;

/** Dockerfiles linted per pull at most, over all folders; the rest are left out (logged once). */
export const MAX_WORKSPACE_FILES = 5000;

/** Files linted between two turns of the event loop, so requests for open documents are answered meanwhile. */
const FILES_PER_TURN = 8;

/** The result id of an open document's (empty) workspace entry. */
const OPEN_RESULT_ID = 'open';

/** Glob of the files whose changes change a workspace report, for the client to watch. */
export const WORKSPACE_FILES_GLOBS = ['**/*{Dockerfile,dockerfile,Containerfile,containerfile}*', '**/.gitignore'];

export interface WorkspaceDiagnosticsOptions {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /** Workspace folder URIs. */
  readonly folders: () => readonly string[];
  readonly settingsFor: (uri: string) => Promise<LintSettings>;
  /** Whether the client answers `workspace/configuration` (then `files.exclude` is asked per folder). */
  readonly canAskConfiguration: () => boolean;
  /** Whether the client re-pulls when asked (`workspace/diagnostic/refresh`). */
  readonly canRefresh: () => boolean;
  readonly log: (message: string) => void;
}

export interface WorkspaceDiagnostics {
  pull(params: WorkspaceDiagnosticParams, token: CancellationToken): Promise<WorkspaceDiagnosticReport>;
  /**
   * Something a report depends on changed (a watched file, settings, folders, a document opened or closed): the
   * client is asked to pull again (once per burst); with `settings`, `files.exclude` is asked again too. Each pull
   * walks the folders anew.
   */
  invalidate(options?: { settings?: boolean }): void;
}

interface Reported {
  readonly resultId: string;
}

export function createWorkspaceDiagnostics(options: WorkspaceDiagnosticsOptions): WorkspaceDiagnostics {
  const { connection, documents } = options;
  /** What the last pulls reported, by URI: so a file that disappears is cleared, and unchanged files are not read. */
  const reported = new Map<string, Reported>();
  const excludes = new Map<string, Promise<GlobMatcher | undefined>>();
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let warnedLimit = false;

  /** The folder's `files.exclude` entries set to `true` (conditional `when` entries are not applied). */
  function excludeOf(folder: string): Promise<GlobMatcher | undefined> {
    let matcher = excludes.get(folder);
    if (!matcher) {
      matcher = (async () => {
        if (!options.canAskConfiguration()) return undefined;
        try {
          const value: unknown = await connection.workspace.getConfiguration({ scopeUri: folder, section: 'files.exclude' });
          if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
          const globs = Object.entries(value as Record<string, unknown>).filter(([, on]) => on === true).map(([glob]) => glob);
          return globs.length === 0 ? undefined : anyGlobMatcher(globs);
        } catch {
          return undefined;
        }
      })();
      excludes.set(folder, matcher);
    }
    return matcher;
  }

  async function filesOf(folder: string, token: CancellationToken): Promise<string[]> {
    let root: string;
    try {
      root = fileURLToPath(folder);
    } catch {
      // Not a file: URI (vscode-vfs:, …): nothing on disk to walk.
      return [];
    }
    return findDockerfiles(root, await excludeOf(folder), () => token.isCancellationRequested);
  }

  async function reportFile(file: string, uri: string, previous: string | undefined): Promise<WorkspaceDocumentDiagnosticReport | undefined> {
    let info;
    try {
      info = await stat(file);
    } catch {
      return undefined;
    }
    if (info.size > MAX_WORKSPACE_FILE_BYTES) return undefined;
    const settings = await options.settingsFor(uri);
    const resultId = JSON.stringify([info.mtimeMs, info.size, settings.enable, settings.rules, settings.suppressionComments, settings.ruleOptions, settings.dockerignore]);
    if (previous === resultId) return { kind: 'unchanged', uri, resultId, version: null };
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return undefined;
    }
    let items: Diagnostic[] = [];
    if (settings.enable) {
      try {
        const result = createDocumentLinter().lint(text, optionsOf(settings));
        items = [...result.syntax, ...result.analysis.findings.map(toDiagnostic)];
      } catch (error) {
        connection.console.error(`Analysis failed for ${file}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    return { kind: 'full', uri, resultId, version: null, items };
  }

  async function pull(params: WorkspaceDiagnosticParams, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    const previous = new Map(params.previousResultIds.map((entry) => [entry.uri, entry.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const seen = new Set<string>();
    let linted = 0;
    for (const folder of options.folders()) {
      for (const file of await filesOf(folder, token)) {
        if (token.isCancellationRequested) return { items: [] };
        const uri = pathToFileURL(path.resolve(file)).href;
        if (seen.has(uri)) continue;
        seen.add(uri);
        const open = documents.get(uri);
        if (open) {
          if (previous.get(uri) === OPEN_RESULT_ID) items.push({ kind: 'unchanged', uri, resultId: OPEN_RESULT_ID, version: open.version });
          else items.push({ kind: 'full', uri, resultId: OPEN_RESULT_ID, version: open.version, items: [] });
          reported.set(uri, { resultId: OPEN_RESULT_ID });
          continue;
        }
        if (linted >= MAX_WORKSPACE_FILES) {
          if (!warnedLimit) options.log(`Workspace diagnostics: more than ${MAX_WORKSPACE_FILES} Dockerfiles; the rest are left out.`);
          warnedLimit = true;
          break;
        }
        const report = await reportFile(file, uri, previous.get(uri));
        if (!report) {
          // Unreadable or too large now: cleared below like a file that is gone.
          seen.delete(uri);
          continue;
        }
        items.push(report);
        reported.set(uri, { resultId: report.resultId ?? '' });
        if (++linted % FILES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    }
    // A cancelled walk found only part of the files: nothing may be cleared on its word.
    if (token.isCancellationRequested) return { items: [] };
    for (const uri of [...reported.keys()]) {
      if (seen.has(uri)) continue;
      reported.delete(uri);
      // Gone: deleted, ignored or excluded now. Reported empty once, so the client drops what it showed.
      items.push({ kind: 'full', uri, version: null, items: [] });
    }
    return { items };
  }

  return {
    pull,
    invalidate(change) {
      if (change?.settings) excludes.clear();
      if (!options.canRefresh() || refreshTimer) return;
      // Why a delay: a checkout or a formatter touches many files at once; one refresh covers the burst.
      refreshTimer = setTimeout(() => {
        refreshTimer = undefined;
        try {
          void connection.languages.diagnostics.refresh().catch(() => undefined);
        } catch {
          // The connection closed meanwhile.
        }
      }, 100);
    },
  };
}
