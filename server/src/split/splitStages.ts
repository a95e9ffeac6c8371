/**
 * "Split into compile and runtime stages": rewrites one stage into a compile stage (build packages, manifests,
 * dependency install, build) and a runtime stage on the same base (runtime packages, application files, and the
 * built artifacts copied from the compile stage). Pure: model in, edits out; undefined whenever any part of the stage
 * is not understood, so the action is never offered for a Dockerfile it would break.
 */
import { parseDockerfile, type DockerfileModel, type Stage } from '../dockerfile/model';
import { applyEdits, OverlappingEditsError, type Edit, type Fix } from '../edits/edits';
import { lineEndingOf } from '../edits/lines';
import { memoOn } from '../util/memo';
import { compilerRuntimeOf, isToolchainPackage, programsOf, runtimeCounterpartsOf } from '../knowledge/buildPackages';
import { emitCompileStage } from './compileStage';
import { ManifestPresence } from './manifestPresence';
import { fetchedPath } from './fetchedSources';
import { artifactCopy } from './strategies/strategy';
import { runtimeEdits } from './runtimeStage';
import type { SplitPlan } from './splitPlan';
import { directoryInRun } from '../dockerfile/paths';
import { stageSteps, type Step } from '../dockerfile/steps';
import { genericStrategy } from './strategies/generic';
import { goStrategy } from './strategies/go';
import { nodeStrategy } from './strategies/node';
import { pythonStrategy } from './strategies/python';
import type { Strategy, StrategyInput, StrategyName, StrategyPlan } from './strategies/strategy';
import { prefixLength } from '../util/prefixLength';

export const SPLIT_TITLE = 'Split into compile and runtime stages';

export interface StageSplit {
  readonly strategy: StrategyName;
  /** Name of the new compile stage (`compile`, or `compile-2`… when taken). */
  readonly compileStage: string;
  readonly edits: readonly Edit[];
}

const STRATEGIES: readonly Strategy[] = [pythonStrategy, nodeStrategy, goStrategy, genericStrategy];
const ROOT_USERS = new Set(['root', '0', 'root:root', '0:0']);

/** A split, or the reason none is offered. */
type Outcome = StageSplit | { readonly reason: string };

/** Outcomes by stage, kept on the model. */
const OUTCOMES = Symbol('stage splits');

function outcomeOf(model: DockerfileModel, stage: Stage): Outcome {
  const byStage = memoOn(model, OUTCOMES, () => new Map<Stage, Outcome>());
  let outcome = byStage.get(stage);
  if (!outcome) byStage.set(stage, (outcome = computeSplit(model, stage)));
  return outcome;
}

/** The split of `stage`, computed once per model (rules and the refactor action share it). */
export function splitStage(model: DockerfileModel, stage: Stage): StageSplit | undefined {
  const outcome = outcomeOf(model, stage);
  return 'edits' in outcome ? outcome : undefined;
}

/** Why no split is offered for `stage` (for tests and the corpus report); undefined when one is. */
export function whyNoSplit(model: DockerfileModel, stage: Stage): string | undefined {
  const outcome = outcomeOf(model, stage);
  return 'reason' in outcome ? outcome.reason : undefined;
}

/** The split as the suggestion fix that the layer rules attach to their findings (none when there is no split). */
export function splitFixesOf(split: StageSplit | undefined): Fix[] {
  return split ? [{ title: SPLIT_TITLE, kind: 'suggestion', edits: split.edits }] : [];
}

function computeSplit(model: DockerfileModel, stage: Stage): Outcome {
  const refuse = (reason: string): Outcome => ({ reason });
  if (!stage.from || !stage.isAlpineLike) return refuse('not an Alpine stage');
  if (isReferenced(model, stage)) return refuse('another stage builds on it or copies from it');
  const runs = stageSteps(model, stage);
  const steps = runs.flatMap((run) => run.steps);
  const packages = packageFacts(steps);
  if (!packages) return refuse('a package list cannot be read or edited');
  const users = stage.instructions.filter((instruction) => instruction.keyword === 'USER' && !instruction.isOnbuild);
  const userAt = (offset: number): string | undefined => {
    // Note: the last USER before `offset`, by binary search (strategies ask once per step).
    const count = prefixLength(users, (user) => user.start < offset);
    const last = count > 0 ? users[count - 1].argumentsText.trim() : undefined;
    return last === undefined || ROOT_USERS.has(last) ? undefined : last;
  };
  const baseBuild = new Set([...packages.installed].filter((name) => isToolchainPackage(name) || name === 'git' || packages.deleted.has(name)));
  const input: StrategyInput = {
    model, stage, runs, steps, installedPackages: packages.installed, buildPackages: baseBuild, userAt,
    directoryOf: (step) => directoryOf(stage, step),
  };
  const plans = STRATEGIES.map((strategy) => strategy.plan(input)).filter((plan) => plan !== undefined);
  if (plans.length !== 1) return refuse(plans.length === 0 ? 'no strategy applies' : 'several strategies apply');
  const plan = withSourceFetches(plans[0], steps);
  const presence = new ManifestPresence(model.text, stage, steps);
  for (const step of plan.buildSteps) {
    const missing = step.install?.manifests ? presence.missing(step, step.install.manifests) : [];
    // Why: the compile stage would copy a manifest that is nowhere, for an install the original runs on nothing.
    if (missing.length > 0) return refuse(`nothing copies ${missing.map((name) => `\`${name}\``).join(', ')} for \`${stepText(model, step)}\``);
  }
  const claimed = steps.map((step, index) => (plan.buildSteps.has(step) ? index : -1)).filter((index) => index >= 0);
  const windowStart = claimed[0];
  const windowEnd = claimed[claimed.length - 1];
  for (const [index, step] of steps.entries()) {
    const inWindow = index >= windowStart && index <= windowEnd;
    if (plan.buildSteps.has(step)) continue;
    if (['install', 'venv', 'build'].includes(step.kind)) return refuse(`the ${plan.strategy} strategy does not cover \`${stepText(model, step)}\``);
    if (inWindow && (step.kind === 'other' || step.isOpaque)) return refuse(`\`${stepText(model, step)}\` runs between build steps`);
  }

  // Fetches before the build run in the compile stage; the runtime stage copies what they fetched. Those chained into
  // the build's RUN fed a Go or make build only, but Python and Node programs run from the fetched sources.
  const fetchCopies = new Map<Step, string>();
  const runsFromSources = plan.strategy === 'python' || plan.strategy === 'node';
  for (const [index, step] of steps.entries()) {
    if (step.kind !== 'fetch' || index > windowEnd || (plan.buildSteps.has(step) && !runsFromSources)) continue;
    if (index > windowStart && !plan.buildSteps.has(step)) continue;
    const path = fetchedPath(step, input.directoryOf(step));
    const user = userAt(step.start);
    if (path === undefined || user?.includes('$')) return refuse(`what \`${stepText(model, step)}\` fetches cannot be named for a COPY`);
    fetchCopies.set(step, artifactCopy(path, user));
  }
  const runtimeSteps = steps.filter((step, index) => (index < windowStart || index > windowEnd) && (step.kind === 'other' || step.kind === 'fetch') && !fetchCopies.has(step));
  const build = new Set([...baseBuild, ...[...plan.extraBuildPackages].filter((name) => packages.installed.has(name))]);
  // A package added and deleted again serves the build only when a build step runs while it is there; otherwise it
  // serves other steps (`apk add tzdata && cp … && apk del tzdata`) and stays, with its deletion, in the runtime stage.
  for (const name of packages.deleted) {
    const span = packages.lifetimes.get(name);
    const servesBuild = span !== undefined && claimed.some((index) => index > span.added && index < span.deleted);
    if (!isToolchainPackage(name) && !servesBuild) build.delete(name);
  }
  const runtimePrograms = new Set<string>(runtimeSteps.flatMap((step) => step.commands.map((command) => command.name ?? '')));
  for (const instruction of stage.instructions) {
    if (['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(instruction.keyword)) {
      for (const word of model.text.slice(instruction.start, instruction.end).split(/[\s"',[\]]+/)) runtimePrograms.add(word.slice(word.lastIndexOf('/') + 1));
    }
  }
  for (const name of [...build]) {
    if (!runsPackage(name, runtimePrograms)) continue;
    // Why: a runtime step or the container's command calls this program, so the toolchain is part of the point.
    if (isToolchainPackage(name)) return refuse(`the image runs \`${name}\` itself`);
    build.delete(name);
  }
  if (build.size === 0 && plan.runtimeImage === undefined) return refuse('no build package to leave behind');

  const replacements = new Map<string, readonly string[]>();
  for (const name of build) {
    const strategyReplacement = plan.runtimeReplacements?.get(name);
    if (strategyReplacement) {
      replacements.set(name, strategyReplacement);
      continue;
    }
    // Why: a package deleted in the original never reached its final image, so nothing replaces it there either.
    if (packages.deleted.has(name)) continue;
    const libraries = compilerRuntimeOf(name);
    if (libraries) {
      replacements.set(name, libraries);
      continue;
    }
    if (!name.endsWith('-dev')) continue;
    const counterparts = runtimeCounterpartsOf(name, stage.alpineRelease);
    if (counterparts === undefined) return refuse(`the runtime libraries of \`${name}\` are not known`);
    replacements.set(name, counterparts);
  }

  const splitPlan: SplitPlan = {
    model, stage, runs, steps, plan, windowStart, windowEnd, buildPackages: build, replacements,
    buildGroups: new Set([...packages.groups].filter(([, members]) => members.every((name) => build.has(name))).map(([group]) => group)),
    compileName: freeStageName(model), eol: lineEndingOf(model.text),
    directoryOf: input.directoryOf, fetchCopies,
  };
  const compileText = emitCompileStage(splitPlan);
  const runtime = runtimeEdits(splitPlan);
  if (compileText === undefined || runtime === undefined) return refuse('a RUN cannot be split where the stages need it');
  const edits: Edit[] = [compileText, ...runtime];

  // Why: the last line of defence for "never a half-broken Dockerfile": the result must parse into one more stage.
  let fixed: string;
  try {
    fixed = applyEdits(model.text, edits);
  } catch (error) {
    if (error instanceof OverlappingEditsError) return refuse('its edits overlap');
    throw error;
  }
  const after = parseDockerfile(fixed);
  if (after.stages.length !== model.stages.length + 1) return refuse('the result does not parse into two stages');
  // Why: a runtime stage without a package the container or a later step runs is a broken image, whatever the cause.
  const kept = packageFacts(stageSteps(after, after.stages[stage.index + 1]).flatMap((run) => run.steps));
  const present = (facts: PackageFacts): Set<string> => new Set([...facts.installed].filter((name) => !facts.deleted.has(name)));
  const keptNames = kept ? present(kept) : new Set<string>();
  const lost = [...present(packages)].find((name) => runsPackage(name, runtimePrograms) && !keptNames.has(name));
  if (lost !== undefined) return refuse(`the runtime stage would lose \`${lost}\`, which the image runs`);
  return { strategy: plan.strategy, compileStage: splitPlan.compileName, edits };
}

/** True when a program the image runs comes from the package: its known programs, or a program of its own name. */
function runsPackage(name: string, programs: ReadonlySet<string>): boolean {
  return programs.has(name) || programsOf(name).some((program) => programs.has(program));
}

/**
 * Git operations chained right before the first build step in the same RUN (`git submodule update --init && go
 * build …`) fetch what the build compiles: they belong to the compile stage too.
 */
function withSourceFetches(plan: StrategyPlan, steps: readonly Step[]): StrategyPlan {
  const first = steps.findIndex((step) => plan.buildSteps.has(step));
  const buildSteps = new Set(plan.buildSteps);
  for (let index = first - 1; index >= 0 && steps[index].run === steps[first].run; index--) {
    const step = steps[index];
    if (step.kind === 'fetch') buildSteps.add(step);
    else if (step.kind !== 'state') break;
  }
  return { ...plan, buildSteps };
}

/** True when another stage builds on this one or copies or mounts from it (by name or index). */
function isReferenced(model: DockerfileModel, stage: Stage): boolean {
  const references = new Set([String(stage.index), ...(stage.name ? [stage.name] : [])]);
  for (const other of model.stages) {
    if (other === stage) continue;
    if (other.parent === stage) return true;
    for (const instruction of other.instructions) {
      const sources = instruction.keyword === 'COPY' || instruction.keyword === 'ADD' ? [instruction.from?.value] : instruction.keyword === 'RUN' ? instruction.mounts.map((mount) => mount.from) : [];
      for (const source of sources) {
        if (source === undefined) continue;
        const target = source.toLowerCase();
        if (references.has(target)) return true;
        // Why: the compile stage shifts the index of this stage and every later one.
        if (/^\d+$/.test(target) && Number(target) >= stage.index) return true;
      }
    }
  }
  return false;
}

interface PackageFacts {
  readonly installed: Set<string>;
  /** Packages deleted again later in the stage, by name or through their `--virtual` group. */
  readonly deleted: Set<string>;
  /** Members of each `--virtual` group. */
  readonly groups: Map<string, string[]>;
  /** Step indices of a deleted package's `apk add` and `apk del`. */
  readonly lifetimes: Map<string, { added: number; deleted: number }>;
}

/** What `apk add`/`apk del` do in the stage; undefined when a package list cannot be read or edited. */
function packageFacts(steps: readonly Step[]): PackageFacts | undefined {
  const installed = new Set<string>();
  const deleted = new Set<string>();
  const groups = new Map<string, string[]>();
  const addedAt = new Map<string, number>();
  const lifetimes = new Map<string, { added: number; deleted: number }>();
  for (const [index, step] of steps.entries()) {
    if (step.isOpaque && step.run.apkCalls.some((call) => call.subcommand === 'add' || call.subcommand === 'del')) return undefined;
    const call = step.apk;
    if (!call || step.commands.length !== 1) {
      if (step.commands.some((command) => command.name === 'apk')) return undefined;
      continue;
    }
    if (call.subcommand === 'add') {
      if (call.packages.some((item) => item.kind !== 'name')) return undefined;
      const names = call.packages.map((item) => item.name);
      for (const name of names) {
        installed.add(name);
        addedAt.set(name, index);
      }
      if (call.virtualName) groups.set(call.virtualName, [...(groups.get(call.virtualName) ?? []), ...names]);
    } else if (call.subcommand === 'del') {
      for (const item of call.packages) {
        if (item.kind !== 'name') return undefined;
        const members = groups.get(item.name);
        for (const name of members ?? [item.name]) {
          deleted.add(name);
          lifetimes.set(name, { added: addedAt.get(name) ?? -1, deleted: index });
        }
      }
    }
  }
  return { installed, deleted, groups, lifetimes };
}

/** The absolute working directory a step runs in, `cd`s in its RUN included. */
function directoryOf(stage: Stage, step: Step): string | undefined {
  const directory = directoryInRun(stage, step.run, step.start);
  return directory?.isAbsolute ? `/${directory.path}` : undefined;
}

/** `compile`, or `compile-2`, `compile-3`… when a stage already has that name. */
function freeStageName(model: DockerfileModel): string {
  const taken = new Set(model.stages.map((stage) => stage.name));
  if (!taken.has('compile')) return 'compile';
  for (let suffix = 2; ; suffix++) if (!taken.has(`compile-${suffix}`)) return `compile-${suffix}`;
}

/** A step's text on one line, shortened, for reasons. */
function stepText(model: DockerfileModel, step: Step): string {
  const text = model.text.slice(step.start, step.end).replace(/\\?\r?\n\s*/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
