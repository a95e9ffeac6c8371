/**
 * The pip command model shared by the pip rules: which commands run pip (`pip3 install`, `python3 -m pip install`),
 * which options they pass, and the environment variables and pip settings in force when they run.
 */
import type { RunModel, Stage } from './model';
import { argumentsOf, type ShellCommand, type ShellWord } from '../shell/shellCommand';
import { valuesBefore, variableBefore } from './history';
import { memoOn } from '../util/memo';

export { stageChain } from './history';

const PIP_NAME = /^pip(?:\d+(?:\.\d+)*)?$/;
const PYTHON_NAME = /^python(?:\d+(?:\.\d+)*)?$/;
/** pip's general options that take the next word as their value (`pip --cache-dir /x install …`). */
const PIP_GENERAL_VALUE_OPTIONS = new Set([
  '--python', '--log', '--log-file', '--local-log', '--proxy', '--retries', '--timeout', '--exists-action',
  '--trusted-host', '--cert', '--client-cert', '--cache-dir', '--keyring-provider', '--use-feature',
  '--use-deprecated', '--resume-retries',
]);
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
  return memoOn(command, PIP_CALL, () => readPipCall(command) ?? null) ?? undefined;
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

/** Every `pip install` in the RUN, in source order. */
export function pipInstallsOf(run: RunModel): PipCall[] {
  const calls: PipCall[] = [];
  for (const command of run.commands) {
    const call = parsePipCall(command);
    if (call?.subcommand === 'install') calls.push(call);
  }
  return calls;
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

export interface EnvironmentValue {
  /** The value as written (quotes kept). */
  readonly raw: string;
  /** The literal value after quote removal; undefined when it expands a variable. */
  readonly value: string | undefined;
}

/** Parses `NAME=value`; undefined when the word assigns another name. */
function assignmentValue(word: ShellWord, name: string): EnvironmentValue | undefined {
  const text = word.raw;
  if (!text.startsWith(`${name}=`)) return undefined;
  return literalOf(text.slice(name.length + 1));
}

function literalOf(raw: string): EnvironmentValue {
  const quoted = /^(["'])(.*)\1$/s.exec(raw);
  const inner = quoted ? quoted[2] : raw;
  const expands = quoted?.[1] !== "'" && inner.includes('$');
  return { raw, value: expands ? undefined : inner };
}

/**
 * The value of environment variable `name` as `command` sees it: a `NAME=value` prefix on the command, an earlier
 * `export NAME=value` in the same RUN, or an ENV (this stage or its parents) or ARG (this stage) before the RUN.
 */
export function environmentValue(stage: Stage | undefined, run: RunModel, command: ShellCommand, name: string): EnvironmentValue | undefined {
  for (const word of command.assignments) {
    const found = assignmentValue(word, name);
    if (found) return found;
  }
  let exported: EnvironmentValue | undefined;
  for (const word of run.exports) {
    if (word.start < command.start) exported = assignmentValue(word, name) ?? exported;
  }
  if (exported) return exported;
  if (!stage) return undefined;
  const fromEnv = variableBefore(stage, 'env', name, run.start);
  if (fromEnv !== undefined) return { raw: fromEnv, value: fromEnv.includes('$') ? undefined : fromEnv };
  const fromArg = variableBefore(stage, 'arg', name, run.start);
  return fromArg === undefined ? undefined : { raw: fromArg, value: fromArg.includes('$') ? undefined : fromArg };
}

/** True for the values pip reads as true. */
export function isPipTrue(value: string): boolean {
  return PIP_TRUE.has(value.toLowerCase());
}

/** `pip config set <section>.<key> <value>`: the key (`no-cache-dir`) and value a command sets, if it does. */
function pipConfigSetting(command: ShellCommand): [string, string | undefined] | undefined {
  const call = parsePipCall(command);
  if (call?.subcommand !== 'config') return undefined;
  const operands = call.options.filter((word) => !(word.value ?? word.raw).startsWith('-'));
  if (operands[0]?.value !== 'set' || operands[1]?.value === undefined) return undefined;
  const key = operands[1].value;
  return [key.slice(key.indexOf('.') + 1), operands[2]?.value];
}

/** `pip config set <section>.<key> <value>` settings made before `command`, by key (`no-cache-dir`). */
export function pipConfigBefore(stage: Stage | undefined, run: RunModel, command: ShellCommand): Map<string, string | undefined> {
  return new Map(valuesBefore(stage, run, command, pipConfigSetting));
}
