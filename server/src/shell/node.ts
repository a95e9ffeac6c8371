/** The npm and yarn command models: subcommand, options and package operands. */
import { memoOn } from '../util/memo';
import { readCommandLine, type CommandLine } from './cli';
import { argumentsOf, type ShellCommand, type ShellWord } from './shellCommand';

export interface NodeCall {
  readonly command: ShellCommand;
  readonly tool: 'npm' | 'yarn';
  readonly programWord: ShellWord;
  /** `install`, `add`, `cache`, …; undefined for a bare `yarn` (which installs). */
  readonly subcommand: string | undefined;
  readonly subcommandWord: ShellWord | undefined;
  readonly line: CommandLine;
  readonly operands: readonly ShellWord[];
}

/** npm and yarn options that take the next word as their value (npm config keys that are not booleans). */
const VALUE_OPTIONS = [
  '--registry', '--loglevel', '--prefix', '--cache', '--userconfig', '--globalconfig', '--tag', '-w', '--workspace', '--omit',
  '--include', '--install-strategy', '--before', '--cache-folder', '--modules-folder', '--network-timeout', '--mutex', '--cwd',
];

const NODE_CALL = Symbol('node call');

/** The npm or yarn call a command makes, or undefined. */
export function parseNodeCall(command: ShellCommand): NodeCall | undefined {
  // Why the name first: rules ask this of every command, and most run something else.
  const tool = command.name;
  if (tool !== 'npm' && tool !== 'yarn') return undefined;
  return memoOn(command, NODE_CALL, readNodeCall);
}

/** Only for commands named `npm` or `yarn` (`parseNodeCall` checked). */
function readNodeCall(command: ShellCommand): NodeCall {
  const tool = command.name as NodeCall['tool'];
  const line = readCommandLine(argumentsOf(command), { valueOptions: VALUE_OPTIONS });
  const subcommandWord = line.operands[0];
  return { command, tool, programWord: command.words[0], subcommand: subcommandWord?.value, subcommandWord, line, operands: line.operands.slice(1) };
}

/** npm's spellings of `install` (npm's command aliases). */
export const NPM_INSTALL = new Set(['install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add']);
