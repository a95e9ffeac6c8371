/**
 * Whether a stage is the application image that ships (the final stage, not a build, CI or development environment),
 * for the rules that say build tools do not belong in it. Heuristics, documented in docs/rules/prefer-multi-stage-build.md.
 */
import { parseImageReference } from '../../dockerfile/image';
import type { DockerfileModel, Stage } from '../../dockerfile/model';
import { isToolchainPackage, programsOf } from '../../knowledge/buildPackages';
import { fileCopy } from '../../dockerfile/copies';
import { stageSteps, type RunSteps, type Step } from '../../dockerfile/steps';

/** Stage names of build, CI and development environments (`builder`, `ci`, `dev-env`, `toolchain`, …). */
const ENVIRONMENT_NAME = /(?:^|[-_.])(?:build|builder|builds|compile|compiler|ci|dev|devel|develop|development|devcontainer|toolchain|sdk|test|tests|testing|tools?|base|runner)(?:[-_.]|$)/;
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
  // Why: build tools in an image that copies nothing in, or builds nothing, serve the running container: a project
  // mounted at run time (`bundle install` in the entrypoint), a deploy or CI tool that runs `make`.
  const copiesFiles = stage.instructions.some((instruction) => fileCopy(instruction)?.isFromContext);
  const builds = steps.some((step) => ['install', 'build', 'venv', 'fetch'].includes(step.kind));
  return !copiesFiles || !builds;
}

/** The final stage's RUN steps and the packages it adds, when it is an Alpine-like application image that ships. */
export function shippedAlpineStage(model: DockerfileModel): { stage: Stage; runs: readonly RunSteps[]; steps: Step[] } | undefined {
  const stage = model.stages[model.stages.length - 1];
  if (!stage?.from || !stage.isAlpineLike) return undefined;
  const runs = stageSteps(model, stage);
  const steps = runs.flatMap((run) => run.steps);
  const installed = new Set(steps.flatMap((step) => (step.apk?.subcommand === 'add' ? step.apk.packages.map((item) => item.name) : [])));
  return isBuildEnvironment(model, stage, steps, installed) ? undefined : { stage, runs, steps };
}
