/** Data shared by the CLI modules: what one file's lint produces, and the I/O the CLI is given. */
import type { DiagnosticTag, Range, TextEdit } from 'vscode-languageserver-types';
import type { Fix, RuleOptions, Severity, SeveritySetting } from '../rules/rule';

/** A fix as plain data, its edits as line/character ranges. */
export interface PlainFix extends Omit<Fix, 'edits'> {
  readonly edits: readonly TextEdit[];
}

/** Where the CLI writes and reads; tests pass strings, the entry point passes the process streams. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): string;
  /** Text output adds a code frame under each finding when stdout is a terminal. */
  readonly isStdoutTTY?: boolean;
  /** A progress line is drawn on stderr for long runs when it is a terminal. */
  readonly isStderrTTY?: boolean;
  /** The environment (`NO_COLOR`, `FORCE_COLOR`); none when not given. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export type { Threshold } from '../config/severities';

/** A finding as plain data: it crosses worker threads, so it carries the rule id, not the rule. */
export interface PlainFinding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: Range;
  readonly fixes: readonly PlainFix[];
  readonly tags?: readonly DiagnosticTag[];
  /** A page about this finding when it is not the rule's (ShellCheck's wiki page). */
  readonly docsUrl?: string;
}

/** One file to lint: a path to read, or standard input's text under the name to report. */
export interface LintJob {
  readonly path: string;
  readonly display: string;
  readonly text?: string;
  /** For a file found by walking a directory: that directory; fixes are never written to a file outside it. */
  readonly within?: string;
}

/** How every file of a run is linted; the same object is handed to each worker. */
export interface JobSettings {
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** Trusted registries and required labels, for the rules that read them. */
  readonly ruleOptions: RuleOptions;
  /** `apply` writes fixed files; `dry-run` only computes the diff. Findings are those left after fixing. */
  readonly fix: 'off' | 'apply' | 'dry-run';
  readonly fixSuggestions: boolean;
  /** False: suppression comments do nothing (`--disable-ignore-pragma`). */
  readonly suppressionComments: boolean;
  /** Return the (fixed) text, for code frames. */
  readonly keepSource: boolean;
  /** The absolute path of the ShellCheck to run on RUN scripts; undefined: none. */
  readonly shellcheck?: string;
}

export interface FileResult {
  /** The path as given or discovered, or the name reported for standard input. */
  readonly file: string;
  readonly findings: readonly PlainFinding[];
  /** A one-line reason the file could not be read or written; such a file has no findings. */
  readonly error?: string;
  /** A one-line reason the file was linted but its fixes were not written (exit code unchanged). */
  readonly warning?: string;
  /** Why ShellCheck's findings are missing for some scripts of this file (a timeout, a failed start), one line each. */
  readonly shellcheckProblems?: readonly string[];
  /** Rules that threw on this file (a bug in Alpinist); the other rules still ran. */
  readonly ruleFailures?: readonly string[];
  readonly source?: string;
  /** With `--fix`/`--fix-dry-run`: the fixes changed (or would change) the file. */
  readonly fixed?: boolean;
  /** With `--fix-dry-run`: the unified diff of the fixes. */
  readonly diff?: string;
}
