/**
 * Why: pip installs `musllinux` wheels (PEP 656) only from pip 21.2 (July 2021). An older pip on Alpine finds no
 * wheel it may use for a package with compiled code and builds it from source: long builds, compilers and headers in
 * the image, or a failed build without them. Reported only where the stage's pip is known to be older: the system
 * Python of an Alpine release that came out before pip 21.2, or an official `python` image whose Alpine release
 * reached its end of support before then.
 */
import { parseImageReference } from '../dockerfile/image';
import { environmentValue } from '../dockerfile/environment';
import { isFoundBefore } from '../dockerfile/history';
import { stageChain, type RunInstruction, type Stage } from '../dockerfile/model';
import { compareAlpineVersions, findRelease } from '../knowledge/lookup';
import { ALPINE_PACKAGED_EXTENSIONS, normalizeProjectName, PIP_MUSLLINUX } from '../knowledge/pythonWheels';
import { hasOption, readCommandLine } from '../shell/cli';
import { parsePipCall, PIP_INSTALL_VALUE_OPTIONS, type PipCall } from '../shell/pip';
import type { ShellCommand } from '../shell/shellCommand';
import { memoOn } from '../util/memo';
import { defineRule } from './rule';

/** Alpine packages that bring the system Python 3 and its pip. */
const SYSTEM_PYTHON = new Set(['python3', 'py3-pip', 'python3-dev']);
/** The oldest release whose `python3` is 3.6, the oldest Python pip 21.2 runs on. */
const FIRST_RELEASE_WITH_PYTHON36 = '3.6';
/** Where pip may find wheels built for this system instead of PyPI's. */
const OTHER_SOURCES = ['-f', '--find-links', '-i', '--index-url', '--extra-index-url', '--no-index'];
const OTHER_SOURCE_VARIABLES = ['PIP_FIND_LINKS', 'PIP_INDEX_URL', 'PIP_EXTRA_INDEX_URL', 'PIP_NO_INDEX'];
/** pip and python of Python 2, which no pip with `musllinux` support runs on. */
const PYTHON2 = /^(?:pip|python)2(?:\.\d+)*$/;
const PROJECT_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/;

interface OldPip {
  /** Whose pip it is and why it is old, for the message. */
  readonly why: string;
  /** True for Alpine's own Python, where the `py3-*` package is an option. */
  readonly isSystemPython: boolean;
}

export default defineRule({
  id: 'pip-no-source-build-on-old-pip',
  description: 'Avoid `pip install` of compiled packages with a pip too old for `musllinux` wheels; use the `py3-*` package or a newer pip.',
  defaultSeverity: 'warning',
  requires: { programs: ['pip*', 'python*'] },
  check(context) {
    for (const stage of context.dockerfile.stages) {
      const old = oldPipOf(stage);
      if (!old) continue;
      for (const run of stage.runs) {
        for (const command of run.commands) {
          const install = parsePipCall(command);
          if (install?.subcommand !== 'install' || PYTHON2.test(command.name ?? '')) continue;
          const line = readCommandLine(install.options, { valueOptions: PIP_INSTALL_VALUE_OPTIONS });
          if (hasOption(line, '--only-binary', '--no-binary', ...OTHER_SOURCES)) continue;
          if (OTHER_SOURCE_VARIABLES.some((name) => environmentValue(stage, run, command, name))) continue;
          if (isFoundBefore(stage, run, command, upgradesPip)) continue;
          for (const word of line.operands) {
            const name = word.value === undefined ? undefined : PROJECT_NAME.exec(word.value)?.[0];
            const alpinePackage = name === undefined ? undefined : ALPINE_PACKAGED_EXTENSIONS.get(normalizeProjectName(name));
            if (name === undefined || alpinePackage === undefined || isLocalFile(word.value ?? '')) continue;
            const instead = old.isSystemPython
              ? `install Alpine's \`${alpinePackage}\` instead, or upgrade pip first`
              : 'upgrade pip first (`pip install --upgrade pip`), which helps where the project publishes `musllinux` wheels for this Python';
            context.report({
              at: word,
              message: `\`${name}\` is built from source here, with compilers and a long build: pip before ${PIP_MUSLLINUX.version} cannot install \`musllinux\` wheels, and ${old.why}; ${instead}.`,
            });
          }
        }
      }
    }
  },
});

function isLocalFile(spec: string): boolean {
  return spec.includes('/') || /\.(?:whl|zip|tar\.gz)$/.test(spec);
}

const OLD_PIP = Symbol('old pip of the stage');

/** The stage's pip when it is known to predate pip 21.2, else undefined. */
function oldPipOf(stage: Stage): OldPip | undefined {
  return memoOn(stage, OLD_PIP, () => readOldPip(stage) ?? null) ?? undefined;
}

function readOldPip(stage: Stage): OldPip | undefined {
  if (stage.family !== 'alpine' || stage.alpineRelease === undefined) return undefined;
  const release = findRelease(stage.alpineRelease);
  if (!release) return undefined;
  const chain = stageChain(stage);
  const root = chain[chain.length - 1];
  const reference = root.resolvedImage === undefined ? undefined : parseImageReference(root.resolvedImage);
  if (!reference) return undefined;
  if (reference.repository.slice(reference.repository.lastIndexOf('/') + 1) === 'python') {
    // Why: the image's pip is the one current when the tag was last built; an Alpine variant is no longer built
    // once that Alpine release is out of support. Python before 3.6 cannot run pip 21.2 at all.
    const python = /^(\d+)\.(\d+)/.exec(reference.tag ?? '');
    if (!python || Number(python[1]) !== 3 || Number(python[2]) < 6) return undefined;
    if (release.endOfSupport >= PIP_MUSLLINUX.released) return undefined;
    return {
      why: `the pip of \`${root.resolvedImage}\` predates it (Alpine ${release.version} left support on ${release.endOfSupport})`,
      isSystemPython: false,
    };
  }
  if (release.released >= PIP_MUSLLINUX.released || compareAlpineVersions(release.version, FIRST_RELEASE_WITH_PYTHON36) < 0) return undefined;
  if (!chain.some((current) => current.runs.some(installsSystemPython))) return undefined;
  return { why: `Alpine ${release.version}'s pip predates it (the release came out on ${release.released})`, isSystemPython: true };
}

function installsSystemPython(run: RunInstruction): boolean {
  return run.apkCalls.some((call) => call.subcommand === 'add' && call.packages.some((item) => item.kind === 'name' && SYSTEM_PYTHON.has(item.name)));
}

/** An upgrade of pip itself (`pip install -U pip`, `pip install pip==24.0`), or a run of `get-pip.py`. */
function upgradesPip(command: ShellCommand): true | undefined {
  if (command.words.some((word) => (word.value ?? word.raw).includes('get-pip'))) return true;
  const install: PipCall | undefined = parsePipCall(command);
  if (install?.subcommand !== 'install') return undefined;
  const line = readCommandLine(install.options, { valueOptions: PIP_INSTALL_VALUE_OPTIONS });
  const upgrade = hasOption(line, '-U', '--upgrade');
  return line.operands.some((word) => {
    const value = word.value ?? '';
    const name = PROJECT_NAME.exec(value)?.[0];
    return name !== undefined && normalizeProjectName(name) === 'pip' && (upgrade || value.length > name.length);
  }) || undefined;
}
