/** The apt command model: `apt-get`, `apt` and `aptitude` calls with their subcommand, options and package operands. */
import { memoOn } from '../util/memo';
import { readCommandLine, type CommandLine } from './cli';
import { argumentsOf, type ShellCommand, type ShellWord } from './shellCommand';

export type AptTool = 'apt-get' | 'apt' | 'aptitude';

export interface AptCall {
  readonly command: ShellCommand;
  readonly tool: AptTool;
  readonly programWord: ShellWord;
  /** `install`, `update`, …; undefined when no literal subcommand is given. */
  readonly subcommand: string | undefined;
  readonly subcommandWord: ShellWord | undefined;
  readonly line: CommandLine;
  /** The operands after the subcommand (packages for `install`). */
  readonly operands: readonly ShellWord[];
}

/** apt-get options that take a value (apt-get(8), apt 2.x). */
const APT_VALUE_OPTIONS = ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture', '-P', '--build-profiles', '--solver', '--planner'];

const APT_CALL = Symbol('apt call');

/** The apt call a command makes, or undefined. */
export function parseAptCall(command: ShellCommand): AptCall | undefined {
  // Why the name first: rules ask this of every command, and most run something else.
  const tool = command.name;
  if (tool !== 'apt-get' && tool !== 'apt' && tool !== 'aptitude') return undefined;
  return memoOn(command, APT_CALL, readAptCall) ?? undefined;
}

/** Only for commands named after an apt tool (`parseAptCall` checked). */
function readAptCall(command: ShellCommand): AptCall {
  const tool = command.name as AptCall['tool'];
  const line = readCommandLine(argumentsOf(command), { valueOptions: APT_VALUE_OPTIONS });
  const subcommandWord = line.operands[0];
  return {
    command,
    tool,
    programWord: command.words[0],
    subcommand: subcommandWord?.value,
    subcommandWord,
    line,
    operands: line.operands.slice(1),
  };
}

/** `-o Name=value` settings given on the command line, by lower-cased name. */
export function aptConfigOptions(call: AptCall): Map<string, string> {
  const settings = new Map<string, string>();
  for (const option of call.line.options) {
    if ((option.name !== '-o' && option.name !== '--option') || option.value === undefined) continue;
    const equals = option.value.indexOf('=');
    if (equals > 0) settings.set(option.value.slice(0, equals).toLowerCase(), option.value.slice(equals + 1));
  }
  return settings;
}

/** True for the values apt reads as true in a boolean setting. */
export function isAptTrue(value: string): boolean {
  return ['1', 'yes', 'true', 'with', 'on', 'enable'].includes(value.toLowerCase());
}
