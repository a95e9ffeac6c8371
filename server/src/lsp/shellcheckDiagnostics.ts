/**
 * ShellCheck in the editor, off the request path: the server publishes its own diagnostics first, then this module
 * runs ShellCheck on the document's scripts and publishes them again with ShellCheck's added, unless the document
 * changed meanwhile (a result for an older version is dropped). Only in a workspace the client reported as trusted
 * (`initializationOptions.shellcheck.workspaceTrusted`); a client that says nothing gets no process.
 */
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import type { Analysis, AnalysisOptions } from '../analysis/analysis';
import { findExecutable } from '../tools/findExecutable';
import { shellCheckFindings } from '../tools/shellcheckDocument';
import { ShellCheckRunner, UntrustedWorkspaceError } from '../tools/shellcheckRunner';
import { toDiagnostic } from './features/diagnostics';

/** What the client sends in `initializationOptions.shellcheck`. */
export interface ShellCheckOptions {
  /** `workspace.isTrusted` of VS Code; anything but `true` means untrusted. */
  readonly workspaceTrusted: boolean;
  /** `alpinist.shellcheck.enable` (default true). */
  readonly enable: boolean;
  /** `alpinist.shellcheck.path`: an absolute path or a name on PATH (default `shellcheck`). */
  readonly path: string;
}

export interface ShellCheckDiagnostics {
  /** After the document's own diagnostics were published for `version`: adds ShellCheck's when they arrive. */
  publish(uri: string, version: number, analysis: Analysis, options: AnalysisOptions, own: readonly Diagnostic[]): void;
}

export interface ShellCheckDependencies {
  readonly send: (params: PublishDiagnosticsParams) => Promise<void>;
  /** The document's current version, or undefined once it is closed. */
  readonly versionOf: (uri: string) => number | undefined;
  readonly log: (line: string) => void;
}

/** Reads `initializationOptions.shellcheck`; untrusted unless the client says `workspaceTrusted: true`. */
export function readShellCheckOptions(raw: unknown): ShellCheckOptions {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    workspaceTrusted: record.workspaceTrusted === true,
    enable: record.enable !== false,
    path: typeof record.path === 'string' && record.path.trim() !== '' ? record.path.trim() : 'shellcheck',
  };
}

export function createShellCheckDiagnostics(options: ShellCheckOptions, dependencies: ShellCheckDependencies): ShellCheckDiagnostics {
  let runner: ShellCheckRunner | undefined;
  let isResolved = false;
  function runnerOf(): ShellCheckRunner | undefined {
    if (isResolved) return runner;
    isResolved = true;
    const executable = findExecutable(options.path);
    if (!executable) {
      dependencies.log(`ShellCheck not found (${options.path}); RUN commands are checked without it. Install shellcheck, set alpinist.shellcheck.path, or set alpinist.shellcheck.enable to false to silence this.`);
      return undefined;
    }
    runner = new ShellCheckRunner({ executable, isTrusted: () => options.workspaceTrusted, log: dependencies.log });
    return runner;
  }
  return {
    publish(uri, version, analysis, analysisOptions, own) {
      // Why before anything else: in an untrusted workspace not even the executable is looked up.
      if (!options.workspaceTrusted || !options.enable) return;
      const active = runnerOf();
      if (!active) return;
      void shellCheckFindings(analysis, active, analysisOptions, (line) => dependencies.log(`${uri}:${line}`)).then(
        async (findings) => {
          if (findings.length === 0 || dependencies.versionOf(uri) !== version) return;
          await dependencies.send({ uri, version, diagnostics: own.concat(findings.map(toDiagnostic)) });
        },
        (error: unknown) => {
          if (!(error instanceof UntrustedWorkspaceError)) dependencies.log(`ShellCheck failed on ${uri}: ${error instanceof Error ? error.message : String(error)}`);
        },
      );
    },
  };
}
