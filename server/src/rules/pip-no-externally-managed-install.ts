/**
 * Why: from Alpine 3.19 the apk-installed Python is marked externally managed (PEP 668), so `pip install` into it
 * stops the build with `error: externally-managed-environment`. Where the marker is overridden
 * (`--break-system-packages`), upgrading pip itself overwrites the files of Alpine's `py3-pip` package.
 */
import { parseImageReference } from '../dockerfile/image';
import { memoOn } from '../util/memo';
import { environmentValue, pipConfigBefore } from '../dockerfile/environment';
import { stageChain, type DockerfileModel, type RunInstruction, type Stage } from '../dockerfile/model';
import { compareAlpineVersions } from '../knowledge/lookup';
import { latestAlpineRelease } from '../knowledge/releases';
import { parseApk } from '../shell/apk';
import type { ShellCommand, ShellWord } from '../shell/shellCommand';
import { hasOption, readCommandLine } from '../shell/cli';
import { insertArgumentAfter, removeCommand, removeInstruction, removeWord } from '../edits/edits';
import { spanOf } from '../util/span';
import { defineRule, type Fix, type Report, type Severity } from './rule';
import { isFoundBefore, valuesBefore } from '../dockerfile/history';
import { findPipOption, isPipTrue, parsePipCall, PIP_INSTALL_VALUE_OPTIONS, pipCallText, pythonModuleOf, type PipCall } from '../shell/pip';

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
  severityNote: 'warning when the tag names no release, or for upgrading pip over `py3-pip`',
  fixSummary: 'suggestion',
  requires: { programs: ['pip*', 'python*'] },
  check(context) {
    const model = context.dockerfile;
    for (const stage of model.stages) {
      if (!isApkPythonFamily(stage)) continue;
      const release = affectedRelease(stage);
      const severity: Severity = release === 'unknown' ? 'warning' : 'error';
      const where = release === 'unknown'
        ? `on Alpine ${FIRST_MANAGED_RELEASE} and later, including the latest release`
        : `on Alpine ${release}`;
      for (const run of stage.runs) {
        for (const command of run.commands) {
          const install = parsePipCall(command);
          if (install?.subcommand === 'install') {
            const target = systemInstall(stage, run, command, install);
            const pipWord = target === undefined ? undefined : upgradedPip(install);
            const overAlpinePip = pipWord !== undefined && isFoundBefore(stage, run, command, installsAlpinePip);
            if (target === 'refused' && release !== undefined) {
              context.report({ ...installFinding(run, install, where, overAlpinePip), severity });
            } else if (typeof target === 'object' && pipWord && overAlpinePip) {
              context.report(overwriteFinding(model, run, install, pipWord, target.reason));
            }
            continue;
          }
          const module = pythonModuleOf(command);
          if (release !== undefined && module?.module === 'ensurepip' && systemInstall(stage, run, command, undefined) === 'refused') {
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

function installFinding(run: RunInstruction, install: PipCall, where: string, overAlpinePip: boolean): Report {
  const subcommandWord = install.subcommandWord ?? install.programWord;
  const text = pipCallText(install);
  const message = `\`${text}\` into Alpine's system Python fails with \`externally-managed-environment\` ${where} (PEP 668)`;
  if (overAlpinePip) {
    // Why: the flag would make pip replace the files of Alpine's own `py3-pip`; that is no fix.
    return {
      at: spanOf(install.programWord, subcommandWord),
      message: `${message}; Alpine's \`py3-pip\` already provides pip, and upgrading it with pip would overwrite that package's files.`,
    };
  }
  return {
    at: spanOf(install.programWord, subcommandWord),
    message: `${message}.`,
    fixes: [
      {
        title: `Add \`--break-system-packages\` to \`${text}\``,
        kind: 'suggestion',
        edits: [insertArgumentAfter(run, subcommandWord, '--break-system-packages')],
      },
    ],
  };
}

/** pip upgrading itself over the files of Alpine's `py3-pip`, with the marker overridden. */
function overwriteFinding(model: DockerfileModel, run: RunInstruction, install: PipCall, pipWord: ShellWord, reason: string): Report {
  const line = readCommandLine(install.options, { valueOptions: PIP_INSTALL_VALUE_OPTIONS });
  const onlyPip = line.operands.length === 1 && line.unknown.length === 0;
  const removal = onlyPip
    ? (removeCommand(run, install.command) ?? (run.commands.length === 1 ? removeInstruction(model, run) : undefined))
    : removeWord(model, run, pipWord);
  const name = pipWord.value ?? pipWord.raw;
  const fixes: Fix[] = removal
    ? [{ title: onlyPip ? 'Remove the upgrade of pip' : `Remove \`${name}\` from \`${pipCallText(install)}\``, kind: 'suggestion', edits: [removal] }]
    : [];
  return {
    at: pipWord,
    severity: 'warning',
    message:
      `\`${name}\` upgrades pip over Alpine's \`py3-pip\` here (${reason} lets pip replace its files): apk still lists those files as \`py3-pip\`'s, ` +
      "so `apk audit` reports them changed and a later upgrade of `py3-pip` leaves a mix of both; keep Alpine's pip, or upgrade pip inside a virtual environment.",
    fixes,
  };
}

/** The `pip` operand of an install that upgrades pip itself (`-U pip`, `--upgrade pip`, `pip==24.0`, `pip>=23`). */
function upgradedPip(install: PipCall): ShellWord | undefined {
  const line = readCommandLine(install.options, { valueOptions: PIP_INSTALL_VALUE_OPTIONS });
  const upgrade = hasOption(line, '-U', '--upgrade');
  return line.operands.find((word) => {
    const value = word.value ?? '';
    const name = /^[A-Za-z0-9][A-Za-z0-9._-]*/.exec(value)?.[0];
    return name !== undefined && name.toLowerCase() === 'pip' && (upgrade || value.length > name.length);
  });
}

/** An `apk add` of Alpine's pip (`py3-pip`, or its old name `py-pip`). */
function installsAlpinePip(command: ShellCommand): true | undefined {
  const apk = parseApk(command);
  return (apk?.subcommand === 'add' && apk.packages.some((item) => item.kind === 'name' && (item.name === 'py3-pip' || item.name === 'py-pip'))) || undefined;
}

/** An Alpine stage whose Python can only come from apk: not the official `python` image (its Python is in /usr/local). */
function isApkPythonFamily(stage: Stage): boolean {
  if (stage.family !== 'alpine') return false;
  const chain = stageChain(stage);
  const root = chain[chain.length - 1];
  const reference = root.resolvedImage === undefined ? undefined : parseImageReference(root.resolvedImage);
  return reference !== undefined && reference.repository.slice(reference.repository.lastIndexOf('/') + 1) !== 'python';
}

/**
 * The Alpine release whose system Python the stage's pip would install into: a release ≥ 3.19, `unknown` when the
 * tag does not say (the latest release is affected), or undefined when the stage is not affected.
 */
function affectedRelease(stage: Stage): string | undefined {
  if (stage.alpineRelease === undefined) {
    return compareAlpineVersions(latestAlpineRelease, FIRST_MANAGED_RELEASE) >= 0 ? 'unknown' : undefined;
  }
  return compareAlpineVersions(stage.alpineRelease, FIRST_MANAGED_RELEASE) >= 0 ? stage.alpineRelease : undefined;
}

/**
 * Where the command installs when it targets apk's Python: `refused` when pip's PEP 668 check stops it, `{ reason }`
 * when the marker is overridden (the flag, the variable, pip config, or the marker deleted); undefined when it
 * installs elsewhere (a virtual environment, `--target`) or the stage has no Python from apk.
 */
function systemInstall(stage: Stage, run: RunInstruction, command: ShellCommand, install: PipCall | undefined): 'refused' | { readonly reason: string } | undefined {
  if (isOutsideSystemDirectories(command.words[0])) return undefined;
  if (install && installsElsewhere(install)) return undefined;
  if (environmentValue(stage, run, command, 'VIRTUAL_ENV')) return undefined;
  if (activatesVenvEarlier(run, command) || pathHasVenv(stage, run, command)) return undefined;
  if (!isFoundBefore(stage, run, command, installsSystemPython)) return undefined;
  if (install && findPipOption(install, '--break-system-packages', '--break')) return { reason: '`--break-system-packages`' };
  const override = environmentValue(stage, run, command, 'PIP_BREAK_SYSTEM_PACKAGES');
  if (override && (override.value === undefined || isPipTrue(override.value))) return { reason: '`PIP_BREAK_SYSTEM_PACKAGES`' };
  const configured = pipConfigBefore(stage, run, command).get('break-system-packages');
  if (configured !== undefined && isPipTrue(configured)) return { reason: "pip's `break-system-packages` setting" };
  if (isFoundBefore(stage, run, command, mentionsExternallyManaged)) return { reason: 'the deleted `EXTERNALLY-MANAGED` marker' };
  return 'refused';
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
