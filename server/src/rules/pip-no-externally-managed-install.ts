/**
 * Why: from Alpine 3.19 the apk-installed Python is marked externally managed (PEP 668), so `pip install` into it
 * stops the build with `error: externally-managed-environment`.
 */
import { parseImageReference } from '../dockerfile/image';
import { memoOn } from '../util/memo';
import { environmentValue, pipConfigBefore } from '../dockerfile/environment';
import { stageChain, type RunInstruction, type Stage } from '../dockerfile/model';
import { compareAlpineVersions } from '../knowledge/lookup';
import { latestAlpineRelease } from '../knowledge/releases';
import { parseApk } from '../shell/apk';
import type { ShellCommand, ShellWord } from '../shell/shellCommand';
import { insertArgumentAfter } from '../edits/edits';
import { spanOf } from '../util/span';
import { defineRule, type Report, type Severity } from './rule';
import { isFoundBefore, valuesBefore } from '../dockerfile/history';
import { findPipOption, isPipTrue, parsePipCall, pipCallText, pythonModuleOf, type PipCall } from '../shell/pip';

const FIRST_MANAGED_RELEASE = '3.19';
/** Where apk puts programs; a pip or python anywhere else belongs to a virtual environment or another install. */
const SYSTEM_BIN_DIRECTORIES = new Set(['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']);
/** apk packages that bring the system Python (`py3-*` packages depend on `python3`). */
const SYSTEM_PYTHON_PACKAGE = /^(?:python3(?:-.+)?|py3-.+|py-pip)$/;
const VENV_DIRECTORY = /(?:^|[/._-])(?:venv|virtualenv|virtualenvs|env|conda|miniconda\d*|pyenv)$/i;

export default defineRule({
  id: 'pip-no-externally-managed-install',
  description: "Don't `pip install` into the system Python of Alpine 3.19 or later; it is externally managed (PEP 668).",
  defaultSeverity: 'error',
  fixSummary: 'suggestion',
  check(context) {
    const model = context.dockerfile;
    for (const stage of model.stages) {
      const release = affectedRelease(stage);
      if (release === undefined) continue;
      const severity: Severity = release === 'unknown' ? 'warning' : 'error';
      const where = release === 'unknown'
        ? `on Alpine ${FIRST_MANAGED_RELEASE} and later, including the latest release`
        : `on Alpine ${release}`;
      for (const run of stage.runs) {
        for (const command of run.commands) {
          const install = parsePipCall(command);
          if (install?.subcommand === 'install') {
            if (installsIntoSystemPython(stage, run, command, install)) context.report({ ...installFinding(run, install, where), severity });
            continue;
          }
          const module = pythonModuleOf(command);
          if (module?.module === 'ensurepip' && installsIntoSystemPython(stage, run, command, undefined)) {
            const text = command.words.filter((word) => word.end <= module.moduleWord.end).map(valueOf).join(' ');
            context.report({
              at: spanOf(command.words[0], module.moduleWord),
              message: `\`${text}\` fails with \`externally-managed-environment\` ${where} (PEP 668); install \`py3-pip\` with apk instead.`,
              severity,
            });
          }
        }
      }
    }
  },
});

function installFinding(run: RunInstruction, install: PipCall, where: string): Report {
  const subcommandWord = install.subcommandWord ?? install.programWord;
  const text = pipCallText(install);
  return {
    at: spanOf(install.programWord, subcommandWord),
    message: `\`${text}\` into Alpine's system Python fails with \`externally-managed-environment\` ${where} (PEP 668).`,
    fixes: [
      {
        title: `Add \`--break-system-packages\` to \`${text}\``,
        kind: 'suggestion',
        edits: [insertArgumentAfter(run, subcommandWord, '--break-system-packages')],
      },
    ],
  };
}

/**
 * The Alpine release whose system Python the stage's pip would install into: a release ≥ 3.19, `unknown` when the
 * tag does not say (the latest release is affected), or undefined when the stage is not affected.
 */
function affectedRelease(stage: Stage): string | undefined {
  if (stage.family !== 'alpine') return undefined;
  const chain = stageChain(stage);
  const root = chain[chain.length - 1];
  const reference = root.resolvedImage === undefined ? undefined : parseImageReference(root.resolvedImage);
  // Why: the official `python:*-alpine` images build Python into /usr/local, which is not externally managed.
  if (!reference || reference.repository.slice(reference.repository.lastIndexOf('/') + 1) === 'python') return undefined;
  if (stage.alpineRelease === undefined) {
    return compareAlpineVersions(latestAlpineRelease, FIRST_MANAGED_RELEASE) >= 0 ? 'unknown' : undefined;
  }
  return compareAlpineVersions(stage.alpineRelease, FIRST_MANAGED_RELEASE) >= 0 ? stage.alpineRelease : undefined;
}

/** True when the command would install into apk's Python: apk installed it and nothing points pip elsewhere. */
function installsIntoSystemPython(stage: Stage, run: RunInstruction, command: ShellCommand, install: PipCall | undefined): boolean {
  if (isOutsideSystemDirectories(command.words[0])) return false;
  if (install && (findPipOption(install, '--break-system-packages', '--break') || installsElsewhere(install))) return false;
  const override = environmentValue(stage, run, command, 'PIP_BREAK_SYSTEM_PACKAGES');
  if (override && (override.value === undefined || isPipTrue(override.value))) return false;
  const configured = pipConfigBefore(stage, run, command).get('break-system-packages');
  if (configured !== undefined && isPipTrue(configured)) return false;
  if (environmentValue(stage, run, command, 'VIRTUAL_ENV')) return false;
  if (isFoundBefore(stage, run, command, mentionsExternallyManaged)) return false;
  if (activatesVenvEarlier(run, command) || pathHasVenv(stage, run, command)) return false;
  return isFoundBefore(stage, run, command, installsSystemPython);
}

/** A command that touches Python's `EXTERNALLY-MANAGED` marker (typically deleting it). */
function mentionsExternallyManaged(command: ShellCommand): true | undefined {
  return command.words.some((word) => word.raw.includes('EXTERNALLY-MANAGED')) || undefined;
}

/** An `apk add` of the system Python or a package that depends on it. */
function installsSystemPython(command: ShellCommand): true | undefined {
  const apk = parseApk(command);
  return (apk?.subcommand === 'add' && apk.packages.some((item) => item.kind === 'name' && SYSTEM_PYTHON_PACKAGE.test(item.name))) || undefined;
}

/** The directory a `python3 -m venv DIR` or `virtualenv DIR` command creates. */
function createdVenv(command: ShellCommand): string | undefined {
  const module = pythonModuleOf(command);
  const target = module?.module === 'venv' || module?.module === 'virtualenv'
    ? module.rest.find((word) => !valueOf(word).startsWith('-'))
    : command.name === 'virtualenv' ? command.words.slice(1).find((word) => !valueOf(word).startsWith('-')) : undefined;
  return target && valueOf(target).replace(/(?<!\/)\/+$/, '');
}

/** `--target`, `--prefix` and `--root` turn pip's PEP 668 check off, as does `--dry-run` with `--report`. */
function installsElsewhere(install: PipCall): boolean {
  if (findPipOption(install, '--target', '--target', '-t') || findPipOption(install, '--prefix', '--prefix') || findPipOption(install, '--root', '--root')) return true;
  return findPipOption(install, '--dry-run', '--dry-run') !== undefined && findPipOption(install, '--report', '--report') !== undefined;
}

function isOutsideSystemDirectories(program: ShellWord): boolean {
  const value = program.value;
  if (value === undefined || !value.includes('/')) return false;
  return !SYSTEM_BIN_DIRECTORIES.has(value.slice(0, value.lastIndexOf('/')).replace(/(?<!\/)\/+$/, ''));
}

/**
 * The first `. /venv/bin/activate` (or `source …`) of each RUN, or null, by the RUN's commands; computed once. Why
 * the command and not its offset: a RUN's commands outlive an edit elsewhere in the file, and move with it.
 */
const FIRST_ACTIVATION = Symbol('first venv activation');

/** `. /venv/bin/activate` (or `source …`) earlier in the same RUN. */
function activatesVenvEarlier(run: RunInstruction, command: ShellCommand): boolean {
  const first = memoOn(
    run.commands,
    FIRST_ACTIVATION,
    () =>
      run.commands.find((other) => {
        const script = other.words[1];
        return (other.name === '.' || other.name === 'source') && script !== undefined && /\/bin\/activate$/.test(valueOf(script));
      }) ?? null,
  );
  return first !== null && first.start < command.start;
}

/** True when PATH (ENV or `export`) puts a virtual environment's `bin` first: one created earlier, or named like one. */
function pathHasVenv(stage: Stage, run: RunInstruction, command: ShellCommand): boolean {
  const path = environmentValue(stage, run, command, 'PATH');
  if (!path) return false;
  const created = new Set(valuesBefore(stage, run, command, createdVenv));
  return path.raw.replace(/^(["'])(.*)\1$/, '$2').split(':').some((entry) => {
    if (entry.includes('VIRTUAL_ENV')) return true;
    if (!entry.endsWith('/bin') || SYSTEM_BIN_DIRECTORIES.has(entry)) return false;
    const directory = entry.slice(0, -'/bin'.length);
    return created.has(directory) || VENV_DIRECTORY.test(directory);
  });
}

function valueOf(word: ShellWord): string {
  return word.value ?? word.raw;
}
