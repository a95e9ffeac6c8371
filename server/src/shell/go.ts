/** The go command model for `go install`, `go get` and `go run`: Go flags are single-dash words (`-tags x`, `-mod=mod`). */
import { memoOn } from '../util/memo';
import { argumentsOf, type ShellCommand, type ShellWord } from './shellCommand';

export interface GoCall {
  readonly command: ShellCommand;
  readonly programWord: ShellWord;
  readonly subcommand: 'install' | 'get' | 'run';
  readonly subcommandWord: ShellWord;
  /** Package operands (for `go run`, only the first: the rest are the program's arguments). */
  readonly packages: readonly ShellWord[];
  /** A word that expands a variable stands where a flag may be. */
  readonly hasUnknown: boolean;
}

/** Build flags that take the next word as their value (go help build). */
const VALUE_FLAGS = new Set(['-o', '-C', '-p', '-mod', '-modfile', '-tags', '-ldflags', '-gcflags', '-asmflags', '-pkgdir', '-toolexec', '-overlay', '-exec', '-buildmode', '-compiler', '-gccgoflags', '-installsuffix', '-pgo', '-covermode', '-coverpkg']);

const GO_CALL = Symbol('go call');

/** The `go install|get|run` call of a command, or undefined. */
export function parseGoCall(command: ShellCommand): GoCall | undefined {
  // Why the name first: rules ask this of every command, and most run something else.
  if (command.name !== 'go') return undefined;
  return memoOn(command, GO_CALL, readGoCallOrNull) ?? undefined;
}

function readGoCallOrNull(command: ShellCommand): GoCall | null {
  return readGoCall(command) ?? null;
}

function readGoCall(command: ShellCommand): GoCall | undefined {
  const args = argumentsOf(command);
  const subcommandWord = args[0];
  const subcommand = subcommandWord?.value;
  if (subcommand !== 'install' && subcommand !== 'get' && subcommand !== 'run') return undefined;
  const packages: ShellWord[] = [];
  let hasUnknown = false;
  for (let i = 1; i < args.length; i++) {
    const value = args[i].value;
    if (value === undefined) hasUnknown = true;
    if (value !== undefined && value.startsWith('-')) {
      const name = value.replace(/^--?/, '-');
      if (!name.includes('=') && VALUE_FLAGS.has(name)) i++;
      continue;
    }
    packages.push(args[i]);
    if (subcommand === 'run') break;
  }
  return { command, programWord: command.words[0], subcommand, subcommandWord, packages, hasUnknown };
}
