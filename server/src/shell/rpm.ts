/** The RPM-family command model: `yum`, `dnf`, `microdnf` and `zypper` calls with subcommand, options and packages. */
import { memoOn } from '../util/memo';
import { readCommandLine, type CommandLine } from './cli';
import { argumentsOf, type ShellCommand, type ShellWord } from './shellCommand';

export type RpmTool = 'yum' | 'dnf' | 'microdnf' | 'zypper';

export interface RpmCall {
  readonly command: ShellCommand;
  readonly tool: RpmTool;
  readonly programWord: ShellWord;
  /** The subcommand with aliases resolved (`dnf in` → `install`, `zypper dup` → `dist-upgrade`); `module install` → `install` with `module` set. */
  readonly subcommand: string | undefined;
  readonly subcommandWord: ShellWord | undefined;
  /** `module` or `group` for `dnf module install` / `dnf group install` (`groupinstall` too). */
  readonly scope: 'module' | 'group' | undefined;
  readonly line: CommandLine;
  /** The operands after the subcommand. */
  readonly operands: readonly ShellWord[];
}

/** Options that take a value: yum(8), dnf(8), microdnf --help and zypper(8) (global and install options). */
const VALUE_OPTIONS: Readonly<Record<RpmTool, readonly string[]>> = {
  yum: ['-c', '--config', '-d', '--debuglevel', '-e', '--errorlevel', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '-x', '--exclude', '--setopt', '--rpmverbosity', '--color', '--downloaddir', '--disableplugin', '--enableplugin', '-R', '--randomwait'],
  dnf: ['-c', '--config', '-d', '--debuglevel', '-e', '--errorlevel', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--repo', '--repoid', '-x', '--exclude', '--setopt', '--rpmverbosity', '--color', '--downloaddir', '--destdir', '--disableplugin', '--enableplugin', '--forcearch', '--comment', '--advisory', '--advisories', '--bz', '--cve', '--sec-severity', '--secseverity', '--repofrompath', '--use-host-config'],
  microdnf: ['--config', '--installroot', '--releasever', '--enablerepo', '--disablerepo', '--repo', '--setopt', '--setup-only', '--exclude', '--disableplugin', '--enableplugin', '--platform-module', '--rpmverbosity'],
  zypper: ['-c', '--config', '-R', '--root', '-D', '--reposd-dir', '-C', '--cache-dir', '--raw-cache-dir', '--solv-cache-dir', '--pkg-cache-dir', '-r', '--repo', '--from', '-t', '--type', '--installroot', '--releasever'],
};

const ALIASES: Readonly<Record<string, string>> = {
  in: 'install', rei: 'reinstall', up: 'upgrade', 'up-min': 'upgrade-minimal', rm: 'remove', erase: 'remove',
  dup: 'dist-upgrade', cc: 'clean', si: 'source-install', groupinstall: 'install', localinstall: 'install',
};

const RPM_CALL = Symbol('rpm call');

/** The yum/dnf/microdnf/zypper call a command makes, or undefined. */
export function parseRpmCall(command: ShellCommand): RpmCall | undefined {
  // Why the name first: rules ask this of every command, and most run something else.
  const tool = command.name;
  if (tool !== 'yum' && tool !== 'dnf' && tool !== 'microdnf' && tool !== 'zypper') return undefined;
  return memoOn(command, RPM_CALL, readRpmCallOrNull) ?? undefined;
}

function readRpmCallOrNull(command: ShellCommand): RpmCall | null {
  return readRpmCall(command, command.name as RpmCall['tool']) ?? null;
}

function readRpmCall(command: ShellCommand, tool: RpmCall['tool']): RpmCall | undefined {
  const line = readCommandLine(argumentsOf(command), { valueOptions: VALUE_OPTIONS[tool] });
  let subcommandWord = line.operands[0];
  let operands = line.operands.slice(1);
  let scope: RpmCall['scope'];
  const first = subcommandWord?.value;
  if ((first === 'module' || first === 'group' || first === 'groups') && operands[0]) {
    scope = first === 'module' ? 'module' : 'group';
    subcommandWord = operands[0];
    operands = operands.slice(1);
  } else if (first === 'groupinstall') scope = 'group';
  const written = subcommandWord?.value;
  const subcommand = written === undefined ? undefined : (tool === 'zypper' && written === 'up' ? 'update' : (ALIASES[written] ?? written));
  return { command, tool, programWord: command.words[0], subcommand, subcommandWord, scope, line, operands };
}
