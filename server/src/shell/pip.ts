/**
 * The pip command model, next to apk's: which commands run pip (`pip3 install`, `python3 -m pip install`), with which
 * subcommand and options, and `python -m` calls. What is in force when they run (environment, pip config) is a
 * question about the stage: `dockerfile/environment.ts`.
 */
import { memoOn } from '../util/memo';
import { argumentsOf, type ShellCommand, type ShellWord } from './shellCommand';

const PIP_NAME = /^pip(?:\d+(?:\.\d+)*)?$/;
const PYTHON_NAME = /^python(?:\d+(?:\.\d+)*)?$/;
/** pip's general options that take the next word as their value (`pip --cache-dir /x install …`). */
const PIP_GENERAL_VALUE_OPTIONS = new Set([
  '--python', '--log', '--log-file', '--local-log', '--proxy', '--retries', '--timeout', '--exists-action',
  '--trusted-host', '--cert', '--client-cert', '--cache-dir', '--keyring-provider', '--use-feature',
  '--use-deprecated', '--resume-retries',
]);
/** `pip install` options that take a value (pip install --help, pip 24). */
export const PIP_INSTALL_VALUE_OPTIONS: readonly string[] = [
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target', '--platform', '--python-version',
  '--implementation', '--abi', '--root', '--prefix', '-b', '--build', '--src', '--upgrade-strategy', '-C', '--config-settings',
  '--global-option', '--install-option', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--no-binary',
  '--only-binary', '--progress-bar', '--root-user-action', '--report', '--trusted-host', '--proxy', '--retries', '--timeout',
  '--exists-action', '--cert', '--client-cert', '--cache-dir', '--log', '--python', '--keyring-provider', '--use-feature',
  '--use-deprecated', '--group', '--pip-args', '--suffix', '--spec',
];
/** CPython options that take the next word as their value. */
const PYTHON_VALUE_OPTIONS = new Set(['-W', '-X', '--check-hash-based-pycs']);
/** Why: pip parses boolean environment variables and config values with `strtobool`. */
const PIP_TRUE = new Set(['y', 'yes', 't', 'true', 'on', '1']);

export interface PipCall {
  readonly command: ShellCommand;
  /** `pip`/`pip3`, or the `python3` word of `python3 -m pip`. */
  readonly programWord: ShellWord;
  /** True for `python -m pip`. */
  readonly isModule: boolean;
  /** `install`, `download`, `config`, …; undefined when pip was called with options only or a non-literal word. */
  readonly subcommand: string | undefined;
  readonly subcommandWord: ShellWord | undefined;
  /** Every pip argument except the subcommand: general options before it and everything after it. */
  readonly options: readonly ShellWord[];
}

export interface PythonModuleCall {
  /** The word that names the module (`pip` in `-m pip`, or `-mpip`). */
  readonly moduleWord: ShellWord;
  readonly module: string;
  /** The module's own arguments. */
  readonly rest: readonly ShellWord[];
}

/** `python3 -m <module> …` → the module and its arguments; undefined for scripts, `-c` and non-literal words. */
export function pythonModuleOf(command: ShellCommand): PythonModuleCall | undefined {
  if (command.name === undefined || !PYTHON_NAME.test(command.name)) return undefined;
  const words = argumentsOf(command);
  for (let i = 0; i < words.length; i++) {
    const value = words[i].value;
    if (value === undefined || !value.startsWith('-') || value === '-') return undefined;
    if (PYTHON_VALUE_OPTIONS.has(value)) {
      i++;
      continue;
    }
    const bundle = /^-[bBdEhiIOPqsSuvVx]*m(.*)$/.exec(value);
    if (!bundle) {
      if (value.startsWith('--') || /^-[WX]./.test(value)) continue;
      if (/^-[A-Za-z]*c/.test(value)) return undefined;
      continue;
    }
    if (bundle[1] !== '') return { moduleWord: words[i], module: bundle[1], rest: words.slice(i + 1) };
    const moduleWord = words[i + 1];
    if (moduleWord?.value === undefined) return undefined;
    return { moduleWord, module: moduleWord.value, rest: words.slice(i + 2) };
  }
  return undefined;
}

/**
 * The pip call of each command, or null; read once per command. Why kept with the command: several rules ask for every
 * command of every RUN, and a RUN's commands outlive an edit elsewhere in the file (a call holds only its words, which
 * move with them).
 */
const PIP_CALL = Symbol('pip call');

/** The pip call a command makes (`pip …`, `pip3.12 …`, `python3 -m pip …`), or undefined. */
export function parsePipCall(command: ShellCommand): PipCall | undefined {
  // Why the name first: rules ask this of every command, and most run something else.
  const name = command.name;
  if (name === undefined || !name.startsWith('p')) return undefined;
  return memoOn(command, PIP_CALL, readPipCallOrNull) ?? undefined;
}

function readPipCallOrNull(command: ShellCommand): PipCall | null {
  return readPipCall(command) ?? null;
}

function readPipCall(command: ShellCommand): PipCall | undefined {
  let args: readonly ShellWord[];
  let isModule = false;
  if (command.name !== undefined && PIP_NAME.test(command.name)) {
    args = argumentsOf(command);
  } else {
    const module = pythonModuleOf(command);
    if (module?.module !== 'pip') return undefined;
    args = module.rest;
    isModule = true;
  }
  for (let i = 0; i < args.length; i++) {
    const value = args[i].value;
    if (value !== undefined && value.startsWith('-')) {
      if (PIP_GENERAL_VALUE_OPTIONS.has(value)) i++;
      continue;
    }
    return {
      command,
      programWord: command.words[0],
      isModule,
      subcommand: value,
      subcommandWord: args[i],
      options: args.filter((_, index) => index !== i),
    };
  }
  return { command, programWord: command.words[0], isModule, subcommand: undefined, subcommandWord: undefined, options: args };
}

/**
 * The option word that spells `longName` (also `--name=value`), or one of `shortNames`. Note: pip accepts any
 * unambiguous prefix of a long option; `minimumPrefix` is the shortest prefix this check accepts.
 */
export function findPipOption(call: PipCall, longName: string, minimumPrefix = longName, ...shortNames: string[]): ShellWord | undefined {
  for (const word of call.options) {
    const value = word.value;
    if (value === '--') return undefined;
    if (value === undefined || !value.startsWith('-')) continue;
    if (shortNames.includes(value)) return word;
    const name = value.includes('=') ? value.slice(0, value.indexOf('=')) : value;
    if (name.startsWith('--') && name.length >= minimumPrefix.length && longName.startsWith(name)) return word;
  }
  return undefined;
}

/** The text `pip install` / `python3 -m pip install` as written (values, quotes removed), for messages. */
export function pipCallText(call: PipCall): string {
  const end = call.subcommandWord ?? call.programWord;
  return call.command.words
    .filter((word) => word.start >= call.programWord.start && word.end <= end.end)
    .map((word) => word.value ?? word.raw)
    .join(' ');
}

/** True for the values pip reads as true. */
export function isPipTrue(value: string): boolean {
  return PIP_TRUE.has(value.toLowerCase());
}

/** `pip config set <section>.<key> <value>`: the key (`no-cache-dir`) and value a command sets, if it does. */
export function pipConfigSetting(command: ShellCommand): [string, string | undefined] | undefined {
  const call = parsePipCall(command);
  if (call?.subcommand !== 'config') return undefined;
  const operands = call.options.filter((word) => !(word.value ?? word.raw).startsWith('-'));
  if (operands[0]?.value !== 'set' || operands[1]?.value === undefined) return undefined;
  const key = operands[1].value;
  return [key.slice(key.indexOf('.') + 1), operands[2]?.value];
}
