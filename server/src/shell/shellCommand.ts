/** The RUN shell model: commands and words, each word with its document offsets. */
import { memoOn } from '../util/memo';

/** How a command is joined to the one before it in the same list. */
export type Separator = '&&' | '||' | ';' | '|' | '&' | 'newline' | 'none' | 'other';

export interface ShellWord {
  /** The word as written (quotes included). */
  readonly raw: string;
  /** The literal value after quote removal, or `undefined` when it contains an expansion or substitution. */
  readonly value: string | undefined;
  /** Document offsets [start, end). */
  readonly start: number;
  readonly end: number;
}

/** A redirection of a command (`> out.log`, `2>&1`, `<input`): the operator as written and its target word. */
export interface ShellRedirect {
  /** `>`, `>>`, `<`, `2>`, `&>`, `>&`, … (a file descriptor number included). */
  readonly operator: string;
  /** The file or descriptor after the operator, when there is one. */
  readonly target: ShellWord | undefined;
  /** Document offsets of the whole redirection. */
  readonly start: number;
  readonly end: number;
}

export interface ShellCommand {
  /** The command word (`apk`, `/sbin/apk` → `apk`), `undefined` when it is not a literal. */
  readonly name: string | undefined;
  /** Every word of the command, the command name first. Assignments before the name are not included. */
  readonly words: readonly ShellWord[];
  /** `NAME=value` words written before the command name. */
  readonly assignments: readonly ShellWord[];
  /** File redirections of the command, in source order (here-strings and heredocs excluded). */
  readonly redirects: readonly ShellRedirect[];
  /** Document offsets of the whole statement, redirections included. */
  readonly start: number;
  readonly end: number;
  /** The separator before this command and after it, within the same list or pipeline. */
  readonly separatorBefore: Separator;
  readonly separatorAfter: Separator;
  /** False inside `if`, loops, subshells, functions and command substitutions, or when the statement has a syntax error: not a plain step of the RUN. */
  readonly isTopLevel: boolean;
  /** Position of this command in the script, in source order. */
  readonly index: number;
}

/** Name word plus arguments, without the name. */
export function argumentsOf(command: ShellCommand): readonly ShellWord[] {
  // Why the memo: rules ask for the arguments of the same commands many times per lint, and a command (with its
  // words array) lives as long as its RUN is unchanged.
  return memoOn(command, ARGUMENTS, wordsAfterTheFirst);
}

function wordsAfterTheFirst(command: ShellCommand): ShellWord[] {
  return command.words.slice(1);
}

const ARGUMENTS = Symbol('arguments');

/** True when `command` runs `name` (and, if given, that its first non-flag argument is `subcommand`). */
export function isCommand(command: ShellCommand, name: string, subcommand?: string): boolean {
  if (command.name !== name) return false;
  if (subcommand === undefined) return true;
  return firstOperand(command)?.value === subcommand;
}

/** The first argument that does not start with `-`. */
export function firstOperand(command: ShellCommand): ShellWord | undefined {
  return argumentsOf(command).find((word) => !(word.value ?? word.raw).startsWith('-'));
}

/**
 * True when any spelling in `spellings` is present as a flag. Long flags match `--flag` and `--flag=value`;
 * a one-letter short flag also matches inside a bundle such as `-qU`.
 */
export function hasFlag(command: ShellCommand, ...spellings: string[]): boolean {
  return findFlag(command, ...spellings) !== undefined;
}

/** The first word that spells one of `spellings` (see `hasFlag`). */
export function findFlag(command: ShellCommand, ...spellings: string[]): ShellWord | undefined {
  for (const word of argumentsOf(command)) {
    const value = word.value;
    if (value === undefined || !value.startsWith('-')) continue;
    if (value === '--') return undefined;
    for (const spelling of spellings) {
      if (value === spelling) return word;
      if (spelling.startsWith('--') && value.startsWith(`${spelling}=`)) return word;
      if (/^-[A-Za-z]$/.test(spelling) && /^-[A-Za-z]{2,}$/.test(value) && value.includes(spelling[1])) return word;
    }
  }
  return undefined;
}
