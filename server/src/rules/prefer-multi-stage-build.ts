/**
 * Why: compilers, headers and build systems installed in the final stage ship in the image although only the build
 * needed them; a compile stage keeps them (and their layers) out of what runs.
 */
import { COMPILER_PACKAGES, isToolchainPackage } from '../knowledge/buildPackages';
import { splitFixesOf, splitStage } from '../split/splitStages';
import type { Step } from '../dockerfile/steps';
import type { ApkCall, ApkPackage } from '../shell/apk';
import { defineRule, type Fix } from './rule';
import { commandWords, packageNames, shippedAlpineStage } from './shared/imageRole';
import { stageChain, type Stage } from '../dockerfile/model';
import { stageSteps } from '../dockerfile/steps';
import { prefixLength } from '../util/prefixLength';
import { spanOf } from '../util/span';

/** `a`, `a` and `b`, `a`, `b` and `c`, in backticks. */
function listPackages(names: readonly string[]): string {
  const quoted = names.map((name) => `\`${name}\``);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

export default defineRule({
  id: 'prefer-multi-stage-build',
  description: 'Build in a compile stage; keep compilers, headers and build tools out of the final image.',
  defaultSeverity: 'info',
  severityNote: 'warning when a compiler ships',
  fixSummary: 'suggestion: split into compile and runtime stages',
  requires: { programs: ['apk'] },
  check(context) {
    const model = context.dockerfile;
    // Why first: the shipped stage costs a walk of every step of the final stage's chain, and only an `apk add` of a
    // build package (or git, or a variable's packages) there can lead to a finding.
    const last = model.stages[model.stages.length - 1];
    if (!last || !stageChain(last).some((current) => current.runs.some((run) => run.apkCalls.some(addsBuildCandidate)))) return;
    const shipped = shippedAlpineStage(model);
    if (!shipped) return;
    const { stage, steps } = shipped;
    // Why: git is a build tool only where the stage fetches with it (itself, or through a manifest-driven install or a
    // Go build that may name git dependencies) and the container does not run it.
    const gitFetches = steps.some((step) => step.kind === 'fetch' || step.install !== undefined || step.commands.some((command) => command.name === 'go')) && !commandWords(stage).all.has('git');
    const isBuildPackage = (name: string): boolean => isToolchainPackage(name) || (name === 'git' && gitFetches);
    let fixes: Fix[] | undefined;
    let deletions: Map<string, number[]> | undefined;
    // Note: computed once, and only when there is something to report.
    const splitFixes = (): Fix[] => (fixes ??= splitFixesOf(splitStage(model, stage)));
    // Why the parents' steps first: a final stage built on an earlier stage ships what that stage installed.
    const parents = stageChain(stage).slice(1).reverse();
    const chainSteps = parents.flatMap((parent) => stageSteps(model, parent).flatMap((run) => run.steps)).concat(steps);
    const inherited = new Map<string, Stage>();
    for (const [index, step] of chainSteps.entries()) {
      const call = step.apk;
      if (call?.subcommand !== 'add' || step.commands.length !== 1) continue;
      const owner = step.run.stage ?? stage;
      const shipped: ApkPackage[] = [];
      const laterLayer: ApkPackage[] = [];
      for (const item of call.packages) {
        if (item.kind === 'opaque') {
          if (owner === stage) reportVariable(item, index);
          else for (const name of packageNames(owner, item)) if (isBuildPackage(name) && removalOf(chainSteps, (deletions ??= deletionsByName(chainSteps)), index, name, call.virtualName) !== 'same-run' && !inherited.has(name)) inherited.set(name, owner);
          continue;
        }
        if (item.kind !== 'name' || !isBuildPackage(item.name)) continue;
        const removal = removalOf(chainSteps, (deletions ??= deletionsByName(chainSteps)), index, item.name, call.virtualName);
        if (removal === 'same-run') continue;
        if (owner !== stage) {
          if (!inherited.has(item.name)) inherited.set(item.name, owner);
          continue;
        }
        (removal === 'later-run' ? laterLayer : shipped).push(item);
      }
      for (const [group, isLater] of [[shipped, false], [laterLayer, true]] as const) {
        if (group.length === 0) continue;
        const names = group.map((item) => item.name);
        const one = names.length === 1;
        const subject = `Build ${one ? 'package' : 'packages'} ${listPackages(names)}`;
        const message = isLater
          ? `${subject} ${one ? 'is' : 'are'} removed only by a later RUN, so ${one ? 'it still ships' : 'they still ship'} in this layer of the final image.`
          : `${subject} ${one ? 'ships' : 'ship'} in the final image, although only the build needs ${one ? 'it' : 'them'}.`;
        // Note: packages spread over a longer list are marked by the `apk add` words instead of a span of unrelated ones.
        const words = call.packages.map((item) => item.word);
        const isContiguous = words.indexOf(group[group.length - 1].word) - words.indexOf(group[0].word) === group.length - 1;
        const at = isContiguous
          ? spanOf(group[0].word, group[group.length - 1].word)
          : spanOf(call.command.words[0], call.subcommandWord ?? call.command.words[0]);
        context.report({
          at,
          message,
          severity: names.some((name) => COMPILER_PACKAGES.has(name)) ? 'warning' : 'info',
          fixes: splitFixes,
        });
      }
    }
    const image = stage.from?.image;
    if (inherited.size > 0 && image) {
      const names = [...inherited.keys()];
      const sources = [...new Set(inherited.values())].map((parent) => `\`${parent.name ?? String(parent.index)}\``);
      const one = names.length === 1;
      context.report({
        at: image,
        message: `This final stage is built on ${sources.join(' and ')}, which ${sources.length === 1 ? 'installs' : 'install'} build ${one ? 'package' : 'packages'} ${listPackages(names)}, so ${one ? 'it ships' : 'they ship'} in the final image, although only the build needs ${one ? 'it' : 'them'}.`,
        severity: names.some((name) => COMPILER_PACKAGES.has(name)) ? 'warning' : 'info',
      });
    }

    /** A package word that expands a variable (`apk add $BUILD_DEPS`): the build packages its ENV/ARG value names. */
    function reportVariable(item: ApkPackage, index: number): void {
      const call = chainSteps[index].apk;
      if (!call) return;
      const shipped: string[] = [];
      const laterLayer: string[] = [];
      for (const name of packageNames(stage, item)) {
        if (!isBuildPackage(name) || shipped.includes(name) || laterLayer.includes(name)) continue;
        const removal = removalOf(chainSteps, (deletions ??= deletionsByName(chainSteps)), index, name, call.virtualName, item.word.raw);
        if (removal === 'same-run') continue;
        (removal === 'later-run' ? laterLayer : shipped).push(name);
      }
      for (const [names, isLater] of [[shipped, false], [laterLayer, true]] as const) {
        if (names.length === 0) continue;
        const one = names.length === 1;
        const subject = `Build ${one ? 'package' : 'packages'} ${listPackages(names)} (from \`${item.word.raw}\`)`;
        context.report({
          at: item.word,
          message: isLater
            ? `${subject} ${one ? 'is' : 'are'} removed only by a later RUN, so ${one ? 'it still ships' : 'they still ship'} in this layer of the final image.`
            : `${subject} ${one ? 'ships' : 'ship'} in the final image, although only the build needs ${one ? 'it' : 'them'}.`,
          severity: names.some((name) => COMPILER_PACKAGES.has(name)) ? 'warning' : 'info',
          fixes: splitFixes,
        });
      }
    }
  },
});

/**
 * Where a package added by `steps[index]` is deleted again: in the same RUN, in a later RUN, or never. `word` is the
 * raw text of a variable word that added it (`$BUILD_DEPS`), which an `apk del $BUILD_DEPS` deletes as a whole.
 */
function removalOf(steps: readonly Step[], deletions: ReadonlyMap<string, readonly number[]>, index: number, name: string, group: string | undefined, word?: string): 'same-run' | 'later-run' | 'never' {
  const byWord = word === undefined ? Infinity : firstAfter(deletions.get(`word:${word}`), index);
  const next = Math.min(byWord, firstAfter(deletions.get(name), index), group === undefined ? Infinity : firstAfter(deletions.get(group), index));
  if (next === Infinity) return 'never';
  return steps[next].run === steps[index].run ? 'same-run' : 'later-run';
}

/**
 * For each name, the indices of the steps that `apk del` it, in order; a variable word also under `word:RAW` and under
 * the names its value holds.
 */
function deletionsByName(steps: readonly Step[]): Map<string, number[]> {
  const deletions = new Map<string, number[]>();
  const record = (name: string, index: number): void => {
    const indices = deletions.get(name);
    if (!indices) deletions.set(name, [index]);
    else if (indices[indices.length - 1] !== index) indices.push(index);
  };
  steps.forEach((step, index) => {
    if (step.apk?.subcommand !== 'del') return;
    for (const item of step.apk.packages) {
      if (item.kind === 'opaque') {
        record(`word:${item.word.raw}`, index);
        if (step.run.stage) for (const name of packageNames(step.run.stage, item)) record(name, index);
      } else record(item.name, index);
    }
  });
  return deletions;
}

/** The first of the ascending `indices` after `index`, or Infinity. */
function firstAfter(indices: readonly number[] | undefined, index: number): number {
  if (!indices) return Infinity;
  const count = prefixLength(indices, (value) => value <= index);
  return count < indices.length ? indices[count] : Infinity;
}

/** True for an `apk add` that names a toolchain package or git, or packages through a variable. */
function addsBuildCandidate(call: ApkCall): boolean {
  return call.subcommand === 'add' && call.packages.some((item) => item.kind === 'opaque' || (item.kind === 'name' && (item.name === 'git' || isToolchainPackage(item.name))));
}
