/**
 * Python: pip installs into a virtual environment (`/opt/venv`, or the one the Dockerfile already creates) in the
 * compile stage; the runtime stage copies the environment and puts its `bin` first on `PATH`.
 */
import { parseImageReference } from '../../dockerfile/image';
import { parsePipCall, pythonModuleOf } from '../../shell/pip';
import { argumentsOf, type ShellCommand } from '../../shell/shellCommand';
import type { Step } from '../../dockerfile/steps';
import { artifactCopy, type Strategy, type StrategyInput, type StrategyPlan } from './strategy';

const DEFAULT_VENV = '/opt/venv';
/** pip options that install somewhere other than the active environment. */
const REDIRECTING_OPTIONS = /^(?:--user|--target|-t|--prefix|--root|--home)(?:=|$)/;
/** Environment variables with the same effect. */
const REDIRECTING_VARIABLES = new Set(['PIP_TARGET', 'PIP_PREFIX', 'PIP_USER', 'PIP_ROOT', 'PYTHONUSERBASE']);
/** apk packages that a virtual environment replaces: the environment brings its own pip. */
const PIP_PACKAGES = new Set(['py3-pip', 'py-pip', 'py2-pip', 'py3-virtualenv', 'py-virtualenv', 'py3-wheel', 'py3-setuptools', 'py-setuptools']);
/** A program named by an absolute system path bypasses the environment's `bin` on `PATH`. */
const SYSTEM_PYTHON = /(?:^|[\s"'[,])\/usr\/(?:local\/)?bin\/(?:python|pip)[\d.]*\b/;

const isPythonImage = (input: StrategyInput): boolean => {
  const repository = input.stage.resolvedImage === undefined ? undefined : parseImageReference(input.stage.resolvedImage)?.repository;
  return repository !== undefined && /(?:^|\/)python$/.test(repository);
};

/** The literal directory a `python3 -m venv DIR` / `virtualenv DIR` creates. */
function venvDirectory(command: ShellCommand): string | undefined {
  const module = pythonModuleOf(command);
  const rest = module ? module.rest : argumentsOf(command);
  const operands = rest.filter((word) => !(word.value ?? word.raw).startsWith('-'));
  if (operands.length !== 1 || operands[0].value === undefined || !operands[0].value.startsWith('/')) return undefined;
  return operands[0].value.replace(/(?<!\/)\/+$/, '');
}

export const pythonStrategy: Strategy = {
  name: 'python',
  plan(input: StrategyInput): StrategyPlan | undefined {
    const { model, stage, steps } = input;
    const pipSteps = steps.filter((step) => step.kind === 'install' && !step.isOpaque && step.commands.some((command) => parsePipCall(command)?.subcommand === 'install'));
    if (pipSteps.length === 0) return undefined;
    const venvSteps = steps.filter((step) => step.kind === 'venv');
    const setupSteps = steps.filter((step) => step.kind === 'build' && !step.isOpaque && step.commands.every((command) => /^python[\d.]*$/.test(command.name ?? '')));
    if (venvSteps.length > 1) return undefined;
    const existing = venvSteps[0] ? venvDirectory(venvSteps[0].commands[0]) : undefined;
    if (venvSteps[0] && existing === undefined) return undefined;
    const venv = existing ?? DEFAULT_VENV;
    if (stage.env.some((entry) => REDIRECTING_VARIABLES.has(entry.name))) return undefined;

    for (const step of pipSteps) {
      for (const command of step.commands) {
        const pip = parsePipCall(command);
        if (!pip) continue;
        if (pip.options.some((word) => REDIRECTING_OPTIONS.test(word.value ?? ''))) return undefined;
        if (command.assignments.some((word) => REDIRECTING_VARIABLES.has(word.raw.split('=')[0]))) return undefined;
        const program = pip.programWord.value ?? '';
        // Why: a new environment works through PATH, so pip must be called by name; an existing one by its path.
        if (program.includes('/') ? !program.startsWith(`${venv}/bin/`) : existing !== undefined && !pathIncludes(input, step, `${venv}/bin`)) return undefined;
      }
      if (input.userAt(step.start) !== undefined) return undefined;
    }
    const texts = stage.instructions.filter((instruction) => ['CMD', 'ENTRYPOINT', 'RUN', 'HEALTHCHECK'].includes(instruction.keyword)).map((instruction) => model.text.slice(instruction.start, instruction.end));
    if (texts.some((text) => SYSTEM_PYTHON.test(text))) return undefined;
    if (existing === undefined && !pathKeepsPrevious(input, pipSteps[0])) return undefined;

    const hasInterpreter = isPythonImage(input) || [...input.installedPackages].some((name) => /^python[23]?$/.test(name) && !input.buildPackages.has(name));
    const replacements = new Map<string, readonly string[]>();
    if (!hasInterpreter) for (const name of PIP_PACKAGES) replacements.set(name, ['python3']);
    const usesSystemPackages = [...input.installedPackages].some((name) => /^py[23]?-/.test(name) && !PIP_PACKAGES.has(name) && !input.buildPackages.has(name));
    const buildSteps = new Set<Step>([...pipSteps, ...venvSteps, ...setupSteps]);
    return {
      strategy: 'python',
      buildSteps,
      extraBuildPackages: PIP_PACKAGES,
      runtimeReplacements: replacements,
      compileEdits: [],
      compilePrelude: existing ? [] : [`RUN python3 -m venv${usesSystemPackages ? ' --system-site-packages' : ''} ${venv}`, `ENV PATH="${venv}/bin:$PATH"`],
      artifactLines: [artifactCopy(venv, undefined), ...(existing ? [] : [`ENV PATH="${venv}/bin:$PATH"`])],
    };
  },
};

/** The ENV PATH values set before the step. */
function pathValuesBefore(input: StrategyInput, step: Step): string[] {
  return input.stage.env.filter((entry) => entry.name === 'PATH' && entry.offset < step.run.start).map((entry) => entry.value);
}

function pathIncludes(input: StrategyInput, step: Step, directory: string): boolean {
  const values = pathValuesBefore(input, step);
  return values.length > 0 && values[values.length - 1].split(':').includes(directory);
}

/** Why: an `ENV PATH=…` after our `ENV PATH` that does not extend `$PATH` would hide the environment again. */
function pathKeepsPrevious(input: StrategyInput, first: Step): boolean {
  return input.stage.env.filter((entry) => entry.name === 'PATH' && entry.offset > first.run.start).every((entry) => /\$\{?PATH\}?/.test(entry.value));
}
