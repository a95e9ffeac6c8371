/**
 * The shell each RUN is read with: `/bin/sh -c` unless a `SHELL` instruction, or a shell pragma
 * (`# hadolint shell=powershell`, `# alpinist shell=pwsh`), says otherwise for the rest of its stage; a FROM starts
 * over with the default. hadolint 2.15.1 reads its shell pragma the same way (`Hadolint/Pragma.hs`, `parseShell`).
 * A RUN read with a shell that is not POSIX has no shell model (no commands), so rules about shell commands skip it.
 */
import type { Span } from '../util/span';
import type { Instruction } from './instructions';
import type { RunInstruction } from './run';

/** Shells whose scripts tree-sitter-bash reads correctly, by program name (path and `.exe` removed). */
const POSIX_SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);

const SHELL_PRAGMA = /^\s*#\s*(?:alpinist|hadolint)\s+shell\s*=\s*(\S+)/;

/** The shell a `# hadolint shell=…` / `# alpinist shell=…` comment line names, if it is one. */
export function parseShellPragma(line: string): string | undefined {
  return SHELL_PRAGMA.exec(line)?.[1];
}

/** True when `shell` (a path or name as written, e.g. `/bin/bash`, `powershell`, `cmd.exe`) is a POSIX shell. */
export function isPosixShell(shell: string): boolean {
  const name = shell.replace(/^.*[\\/]/, '').replace(/\.exe$/i, '').toLowerCase();
  return POSIX_SHELLS.has(name);
}

interface ShellModel {
  readonly text: string;
  readonly directives: readonly Span[];
  readonly comments: readonly Span[];
  readonly instructions: readonly Instruction[];
}

/**
 * Tells every RUN which shell reads it, walking instructions and comment lines in document order (linear). Only
 * RUNs after a non-default shell are touched.
 */
export function assignShells(model: ShellModel, setShell: (run: RunInstruction, shell: string) => void): void {
  const pragmas = [...model.directives, ...model.comments]
    .map((span) => ({ start: span.start, shell: parseShellPragma(model.text.slice(span.start, span.end)) }))
    .filter((pragma): pragma is { start: number; shell: string } => pragma.shell !== undefined)
    .sort((a, b) => a.start - b.start);
  let next = 0;
  let shell: string | undefined;
  for (const instruction of model.instructions) {
    while (next < pragmas.length && pragmas[next].start < instruction.start) shell = pragmas[next++].shell;
    if (instruction.keyword === 'FROM') shell = undefined;
    else if (instruction.keyword === 'SHELL' && instruction.onbuildKeyword === undefined) {
      const program = instruction.command.words[0]?.value;
      if (program !== undefined) shell = program;
    } else if (instruction.keyword === 'RUN' && shell !== undefined) setShell(instruction, shell);
  }
}
