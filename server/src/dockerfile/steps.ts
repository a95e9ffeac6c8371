/**
 * The steps of a stage: every RUN cut into top-level commands (a pipeline stays one step), each with a kind that says
 * what it needs (packages, the sources, a toolchain) and what it leaves behind. Strategies and the split read this.
 */
import { memoOn } from '../util/memo';
import type { DockerfileModel, RunInstruction, Stage } from './model';
import type { ApkCall } from '../shell/apk';
import { parsePipCall, pythonModuleOf } from '../shell/pip';
import { argumentsOf, firstOperand, type ShellCommand } from '../shell/shellCommand';
import { findDependencyInstall, type DependencyInstall } from './dependencyInstalls';

/**
 * - `package`: apk; `cleanup`: deletes caches and temporary files; `state`: `cd`/`set` (affects later steps);
 * - `install`: pip and manifest-driven installs; `venv`: creates a Python virtual environment;
 * - `build`: needs a toolchain (make, compilers, go, cargo, gem, …); `fetch`: git operations;
 * - `other`: anything else, including whole RUNs with loops or conditions (`opaque`).
 */
export type StepKind = 'package' | 'cleanup' | 'state' | 'install' | 'venv' | 'build' | 'fetch' | 'other';

export interface Step {
  readonly run: RunInstruction;
  readonly commands: readonly ShellCommand[];
  readonly start: number;
  readonly end: number;
  readonly kind: StepKind;
  /** True for a RUN kept whole because its commands are nested (`if`, loops, subshells). */
  readonly isOpaque: boolean;
  readonly apk?: ApkCall;
  readonly install?: DependencyInstall;
}

export interface RunSteps {
  readonly run: RunInstruction;
  readonly steps: readonly Step[];
  /** `joiners[i]` joins `steps[i]` and `steps[i + 1]`. */
  readonly joiners: readonly ('&&' | ';' | 'newline' | 'other')[];
}

const CLEANUP_PATHS = /^(?:\/var\/cache\/|\/tmp\/|\/var\/tmp\/|\/root\/\.cache|\/root\/\.npm|~\/\.cache|\/usr\/local\/share\/\.cache)/;
const STATE_COMMANDS = new Set(['cd', 'set', 'umask', 'pushd', 'popd', 'source', '.', 'shopt']);
const BUILD_COMMANDS = new Set([
  'make', 'cmake', 'configure', 'autogen.sh', 'autoreconf', 'bootstrap', 'ninja', 'samu', 'meson', 'gcc', 'cc', 'g++', 'c++',
  'clang', 'clang++', 'go', 'cargo', 'rustc', 'rustup', 'node-gyp', 'docker-php-ext-install', 'docker-php-ext-configure',
  'pecl', 'gem', 'bundle', 'bundler', 'composer', 'mvn', 'gradle', 'poetry', 'uv', 'pipenv', 'cpanm', 'luarocks',
]);
const GIT_FETCHES = new Set(['clone', 'fetch', 'pull', 'checkout', 'submodule']);

/** The kind of one command (see {@link StepKind}). */
export function classifyCommand(command: ShellCommand): StepKind {
  const name = command.name;
  if (name === undefined) return 'other';
  if (name === 'apk') return 'package';
  if (STATE_COMMANDS.has(name)) return 'state';
  if (name === 'rm') {
    const paths = argumentsOf(command).filter((word) => !(word.value ?? word.raw).startsWith('-'));
    return paths.length > 0 && paths.every((word) => word.value !== undefined && CLEANUP_PATHS.test(word.value)) ? 'cleanup' : 'other';
  }
  const module = pythonModuleOf(command);
  if (name === 'virtualenv' || module?.module === 'venv' || module?.module === 'virtualenv') return 'venv';
  const pip = parsePipCall(command);
  if (pip) return pip.subcommand === 'install' ? 'install' : 'other';
  if (findDependencyInstall(command)) return 'install';
  if (/^python[\d.]*$/.test(name) && argumentsOf(command)[0]?.value === 'setup.py') return 'build';
  if (name === 'git') return GIT_FETCHES.has(firstOperand(command)?.value ?? '') ? 'fetch' : 'other';
  if (name === 'npm' && firstOperand(command)?.value === 'rebuild') return 'build';
  return BUILD_COMMANDS.has(name) ? 'build' : 'other';
}

/** Rank for a pipeline made of several commands: the step needs what its most demanding command needs. */
const RANK: Record<StepKind, number> = { package: 0, cleanup: 1, state: 2, other: 3, fetch: 4, venv: 5, install: 6, build: 7 };

/** Cuts a RUN into steps. Pipelines stay whole; a RUN with nested commands is one opaque step. */
export function stepsOf(model: DockerfileModel, run: RunInstruction): RunSteps {
  const commands = run.commands;
  if (commands.length === 0) return { run, steps: [], joiners: [] };
  if (run.form === 'exec' || commands.some((command) => !command.isTopLevel)) {
    const kinds = commands.map(classifyCommand);
    const kind = run.form === 'exec' ? kinds[0] : kinds.some((candidate) => RANK[candidate] > RANK.other) ? 'build' : 'other';
    const single = run.form === 'exec' ? commands[0] : undefined;
    return {
      run,
      steps: [{
        run, commands, start: run.bodyStart, end: run.end, kind, isOpaque: run.form !== 'exec',
        apk: single ? run.apkCalls[0] : undefined, install: single ? findDependencyInstall(single) : undefined,
      }],
      joiners: [],
    };
  }
  const groups: ShellCommand[][] = [];
  for (const command of commands) {
    const previous = groups[groups.length - 1];
    if (previous && previous[previous.length - 1].separatorAfter === '|') previous.push(command);
    else groups.push([command]);
  }
  const steps: Step[] = groups.map((group) => {
    const kinds = group.map(classifyCommand);
    const kind = kinds.reduce((found, candidate) => (RANK[candidate] > RANK[found] ? candidate : found));
    const first = group[0];
    return {
      run,
      commands: group,
      start: first.start,
      end: group[group.length - 1].end,
      kind,
      isOpaque: false,
      apk: group.length === 1 ? run.apkCallOf(first) : undefined,
      install: group.length === 1 ? findDependencyInstall(first) : undefined,
    };
  });
  const joiners = steps.slice(1).map((step, index) => joinerBetween(model, steps[index].end, step.start));
  return { run, steps, joiners };
}

/** Steps by stage, kept on the model. Why: three rules and the split all ask for the same stage within one analysis. */
const STEPS = Symbol('stage steps');

/** Every RUN of the stage (ONBUILD triggers excluded: they run in other builds), cut into steps. */
export function stageSteps(model: DockerfileModel, stage: Stage): readonly RunSteps[] {
  const byStage = memoOn(model, STEPS, () => new Map<Stage, readonly RunSteps[]>());
  let runs = byStage.get(stage);
  if (!runs) byStage.set(stage, (runs = stage.runs.filter((run) => !run.isOnbuild).map((run) => stepsOf(model, run))));
  return runs;
}

/** Escape character → the pattern of a line continuation; there are two escape characters, `\\` and `` ` ``. */
const CONTINUATIONS = new Map<string, RegExp>();

function continuationPattern(escapeChar: string): RegExp {
  let pattern = CONTINUATIONS.get(escapeChar);
  if (!pattern) {
    const escape = escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
    pattern = new RegExp(`${escape}[ \\t]*\\r?\\n`, 'g');
    CONTINUATIONS.set(escapeChar, pattern);
  }
  return pattern;
}

/**
 * What joins two consecutive commands of a RUN, read from the text between them with line continuations and comment
 * lines dropped: `&&`, `;`, a line break (heredoc scripts), or `other` (`||`, `|`, `&`, keywords).
 */
export function joinerBetween(model: DockerfileModel, end: number, start: number): '&&' | ';' | 'newline' | 'other' {
  const between = model.text.slice(end, start);
  const joined = between.replace(continuationPattern(model.escapeChar), ' ').split(/\r?\n/).filter((line) => !/^\s*#/.test(line)).join('\n');
  const operator = joined.trim();
  if (operator === '&&' || operator === ';') return operator;
  if (operator === '' && /\n/.test(joined)) return 'newline';
  return 'other';
}
