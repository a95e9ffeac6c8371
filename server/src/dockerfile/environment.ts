/**
 * What a command's environment holds when it runs: `NAME=value` prefixes, earlier `export`s of its RUN, ENV and ARG
 * values of its stage; and pip settings made by earlier commands.
 */
import { parsePipCall, pipConfigSetting, type PipCall } from '../shell/pip';
import type { ShellCommand, ShellWord } from '../shell/shellCommand';
import { valuesBefore } from './history';
import type { RunInstruction, Stage } from './model';
import { variableAt } from './variables';

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
export function environmentValue(stage: Stage | undefined, run: RunInstruction, command: ShellCommand, name: string): EnvironmentValue | undefined {
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
  const found = variableAt(stage, name, run.start)?.value;
  return found === undefined ? undefined : { raw: found, value: found.includes('$') ? undefined : found };
}

/** Every `pip install` in the RUN, in source order. */
export function pipInstallsOf(run: RunInstruction): PipCall[] {
  const calls: PipCall[] = [];
  for (const command of run.commands) {
    const call = parsePipCall(command);
    if (call?.subcommand === 'install') calls.push(call);
  }
  return calls;
}

/** `pip config set <section>.<key> <value>` settings made before `command`, by key (`no-cache-dir`). */
export function pipConfigBefore(stage: Stage | undefined, run: RunInstruction, command: ShellCommand): Map<string, string | undefined> {
  return new Map(valuesBefore(stage, run, command, pipConfigSetting));
}
