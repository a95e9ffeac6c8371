/** The RubyGems command model: `gem install` with its options and gem operands. */
import { memoOn } from '../util/memo';
import { findOption, readCommandLine, type CommandLine } from './cli';
import { argumentsOf, type ShellCommand, type ShellWord } from './shellCommand';

export interface GemInstall {
  readonly command: ShellCommand;
  readonly line: CommandLine;
  /** `--version`/`-v` given: it pins every gem of the command. */
  readonly hasVersionOption: boolean;
  /** Gem operands (build options after `--` excluded). */
  readonly gems: readonly ShellWord[];
}

/** gem install options that take a value (gem help install). */
const VALUE_OPTIONS = ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-p', '--http-proxy', '--platform', '-g', '--file', '--document', '-P', '--trust-policy', '--build-root'];

const GEM_INSTALL = Symbol('gem install');

/** `gem install …` / `gem i …`, or undefined. */
export function parseGemInstall(command: ShellCommand): GemInstall | undefined {
  // Why the name first: rules ask this of every command, and most run something else.
  if (command.name !== 'gem') return undefined;
  return memoOn(command, GEM_INSTALL, readGemInstallOrNull) ?? undefined;
}

function readGemInstallOrNull(command: ShellCommand): GemInstall | null {
  return readGemInstall(command) ?? null;
}

function readGemInstall(command: ShellCommand): GemInstall | undefined {
  const args = argumentsOf(command);
  const end = args.findIndex((word) => word.value === '--');
  const line = readCommandLine(end === -1 ? args : args.slice(0, end), { valueOptions: VALUE_OPTIONS });
  const subcommand = line.operands[0]?.value;
  if (subcommand !== 'install' && subcommand !== 'i') return undefined;
  // Note: a build flag written without `--` (`--use-system-libraries true`) is not a gem option; its `true`/`false` is
  // its value, not a gem.
  const known = new Set(line.options.map((option) => option.word));
  const position = new Map(args.map((word, index) => [word, index]));
  const gems = line.operands.slice(1).filter((word) => {
    const previous = args[(position.get(word) ?? 0) - 1];
    return !((word.value === 'true' || word.value === 'false') && previous?.value?.startsWith('--') && !VALUE_OPTIONS.includes(previous.value) && known.has(previous));
  });
  return { command, line, hasVersionOption: findOption(line, '-v', '--version') !== undefined, gems };
}
