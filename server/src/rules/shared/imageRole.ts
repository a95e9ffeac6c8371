/**
 * Whether a stage is the application image that ships (the final stage, not a build, CI or development environment),
 * for the rules that say build tools do not belong in it. Heuristics, documented in docs/rules/prefer-multi-stage-build.md.
 */
import { parseImageReference } from '../../dockerfile/image';
import type { DockerfileModel, Stage } from '../../dockerfile/model';
import { isToolchainPackage, programsOf } from '../../knowledge/buildPackages';
import { fileCopy } from '../../dockerfile/copies';
import { stageSteps, type RunSteps, type Step } from '../../dockerfile/steps';
import { stageChain } from '../../dockerfile/model';
import { parsePipCall } from '../../shell/pip';
import type { ApkPackage } from '../../shell/apk';
import { expandAt } from '../../dockerfile/variables';
import { memoOn } from '../../util/memo';

/** Stage names of build, CI and development environments (`builder`, `ci`, `dev-env`, `toolchain`, …). */
const ENVIRONMENT_NAME = /(?:^|[-_.])(?:build|builder|builds|compile|compiler|ci|dev|devel|develop|development|devcontainer|toolchain|sdk|test|tests|testing|tools?|base)(?:[-_.]|$)/;
/** Stage names that say the stage is what runs (`runtime`, `runner`, `final`, `app`, `prod`, `release`). */
const RUNTIME_NAME = /(?:^|[-_.])(?:runtime|runner|run|final|app|application|prod|production|release|deploy|server|service)(?:[-_.]|$)/;
/** LABEL text of such environments (and GitHub Action images, which run tools). */
const ENVIRONMENT_LABEL = /com\.github\.actions\.|\b(?:build|ci|development|dev) (?:image|environment|container)\b|\bbuild ?environment\b|\btoolchain\b|\bdevcontainer\b|\bcontinuous integration\b/i;
/** Images that are a toolchain themselves: without a command of their own, such a final stage is a build environment. */
const TOOLCHAIN_IMAGES = new Set(['golang', 'rust', 'gcc', 'maven', 'gradle', 'buildpack-deps', 'swift', 'haskell', 'elixir', 'erlang']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'zsh', 'dash', 'fish']);
/** Script names that say the container builds something. */
const BUILD_SCRIPT = /(?:^|[/_-])(?:build|compile|make)[\w-]*\.sh$/i;

/** The words of the stage's CMD, ENTRYPOINT and HEALTHCHECK instructions, program names reduced to their base name. */
export function commandWords(stage: Stage): { cmd: string[][]; all: Set<string> } {
  const cmd: string[][] = [];
  const all = new Set<string>();
  for (const instruction of stage.instructions) {
    if (!['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(instruction.keyword) || instruction.isOnbuild) continue;
    const text = instruction.argumentsText.trim();
    const words = (text.startsWith('[') ? text.replace(/[[\]",]/g, ' ') : text).split(/\s+/).filter(Boolean);
    if (instruction.keyword !== 'HEALTHCHECK') cmd.push(words);
    for (const word of words) all.add(word.slice(word.lastIndexOf('/') + 1));
  }
  return { cmd, all };
}

/**
 * True when the stage looks like a build, CI or development environment, where the toolchain is the point: its
 * name or labels say so, its command runs a toolchain, a build script or a bare shell, it is a toolchain image
 * without a command of its own, or it does not build from copied files (nothing copied in from the build context,
 * or nothing installed or built).
 */
export function isBuildEnvironment(model: DockerfileModel, stage: Stage, steps: readonly Step[], installed: ReadonlySet<string>): boolean {
  if (stage.name !== undefined && ENVIRONMENT_NAME.test(stage.name)) return true;
  const hasRuntimeName = stage.name !== undefined && RUNTIME_NAME.test(stage.name);
  for (const instruction of stage.instructions) {
    if (instruction.keyword === 'LABEL' && ENVIRONMENT_LABEL.test(model.text.slice(instruction.start, instruction.end))) return true;
  }
  const { cmd, all } = commandWords(stage);
  const toolchainPrograms = new Set([...installed].filter(isToolchainPackage).flatMap((name) => programsOf(name)));
  for (const name of ['make', 'cmake', 'gcc', 'cc', 'g++', 'go', 'cargo', 'rustc', 'node-gyp']) toolchainPrograms.add(name);
  if ([...all].some((word) => toolchainPrograms.has(word) || BUILD_SCRIPT.test(word))) return true;
  if (cmd.some((words) => words.length === 1 && SHELLS.has(words[0].slice(words[0].lastIndexOf('/') + 1)))) return true;
  const reference = stage.resolvedImage === undefined ? undefined : parseImageReference(stage.resolvedImage);
  if (cmd.length === 0 && reference && TOOLCHAIN_IMAGES.has(reference.repository)) return true;
  // Why: a stage named for running (`runtime`, `final`) is the application image whatever it copies or builds.
  if (hasRuntimeName) return false;
  // Why: build tools in an image that copies nothing in, or builds nothing, serve the running container: a project
  // mounted at run time (`bundle install` in the entrypoint), a deploy or CI tool that runs `make`. Packages that pip
  // installs by name are the exception: they were built, with those tools, while the image was.
  const copiesFiles = stageChain(stage).some((current) => current.instructions.some((instruction) => fileCopy(instruction)?.isFromContext));
  const builds = steps.some((step) => ['install', 'build', 'venv', 'fetch'].includes(step.kind));
  if (!builds) return true;
  return !copiesFiles && !steps.some(installsPipPackages);
}

/** pip install options whose value is the next word. */
const PIP_VALUE_OPTIONS = new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--platform', '--python-version', '--implementation', '--abi', '--src', '--cache-dir', '--trusted-host', '--progress-bar']);

/** True for a `pip install` step that names packages from an index (not only `-r requirements.txt` or a path). */
function installsPipPackages(step: Step): boolean {
  if (step.kind !== 'install') return false;
  return step.commands.some((command) => {
    const pip = parsePipCall(command);
    if (pip?.subcommand !== 'install') return false;
    return pip.options.some((word, index) => {
      const value = word.value;
      if (value === undefined || value.startsWith('-') || value === '.' || value.includes('/') || value.endsWith('.whl') || value.endsWith('.txt')) return false;
      const previous = pip.options[index - 1]?.value;
      return word.start > (pip.subcommandWord?.start ?? 0) && !(previous !== undefined && PIP_VALUE_OPTIONS.has(previous));
    });
  });
}

/** The final stage's RUN steps and the packages it adds, when it is an Alpine-like application image that ships. */
export function shippedAlpineStage(model: DockerfileModel): ShippedStage | undefined {
  // Why the memo: two rules ask for it on every lint, and the answer walks the steps of the whole stage chain.
  return memoOn(model, SHIPPED_STAGE, () => findShippedAlpineStage(model));
}

interface ShippedStage {
  readonly stage: Stage;
  readonly runs: readonly RunSteps[];
  readonly steps: readonly Step[];
}

const SHIPPED_STAGE = Symbol('shipped Alpine stage');

function findShippedAlpineStage(model: DockerfileModel): ShippedStage | undefined {
  const stage = model.stages[model.stages.length - 1];
  if (!stage?.from || !stage.isAlpineLike) return undefined;
  const runs = stageSteps(model, stage);
  const steps = runs.flatMap((run) => run.steps);
  // Why the whole chain: a final stage built on an earlier one (`FROM build AS final`) ships what that one installed.
  const chainSteps = stageChain(stage).slice(1).reverse().flatMap((parent) => stageSteps(model, parent).flatMap((run) => run.steps)).concat(steps);
  const installed = new Set(chainSteps.flatMap((step) => (step.apk?.subcommand === 'add' ? step.apk.packages.flatMap((item) => packageNames(step.run.stage ?? stage, item)) : [])));
  return isBuildEnvironment(model, stage, chainSteps, installed) ? undefined : { stage, runs, steps };
}

/**
 * The names an `apk add`/`apk del` word stands for: its name, or for a word that expands variables
 * (`$BUILD_DEPS`), the names its ENV or ARG value holds at that point; none when the value is unknown.
 */
export function packageNames(stage: Stage, item: ApkPackage): string[] {
  if (item.kind === 'name') return [item.name];
  if (item.kind !== 'opaque') return [];
  const expanded = expandAt(stage, item.word.start, item.word.raw);
  if (expanded === undefined) return [];
  return expanded.split(/\s+/).filter((name) => name !== '' && !name.startsWith('-')).map(bareName);
}

/** A package argument without its constraint or repository tag (`curl=8.0-r0` → `curl`). */
function bareName(word: string): string {
  for (let index = 0; index < word.length; index++) if ('=~<>@'.includes(word[index])) return word.slice(0, index);
  return word;
}
