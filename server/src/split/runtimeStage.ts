/**
 * Writes the runtime stage of a split as edits of the original stage: build packages and build steps removed, runtime
 * libraries in place of the packages they replace, and the artifacts copied in where the build was.
 */
import type { RunSteps, Step } from '../dockerfile/steps';
import { removeBlock, removeItems, type Edit, type ListItem } from '../edits/edits';
import { blockStart } from '../edits/lines';
import { runFlags, statePrefix, type SplitPlan } from './splitPlan';
import { appendAll } from '../util/arrays';

/** `rm` of the apk cache: pointless without an `apk add` next to it. */
const isApkCacheCleanup = (step: Step): boolean =>
  step.kind === 'cleanup' && step.commands.every((command) => command.words.slice(1).every((word) => (word.value ?? '').startsWith('-') || (word.value ?? '').startsWith('/var/cache/apk')));

/** Edits that turn the original stage into the runtime stage. */
export function runtimeEdits(split: SplitPlan): Edit[] | undefined {
  const { model, stage, plan, steps, windowEnd } = split;
  const edits: Edit[] = [];
  const from = stage.from;
  if (!from) return undefined;
  if (plan.runtimeImage) {
    const image = from.image;
    if (!image) return undefined;
    edits.push({ start: image.start, end: image.end, newText: plan.runtimeImage });
  }
  if (plan.runtimeWorkdir) edits.push({ start: from.end, end: from.end, newText: `${split.eol}WORKDIR ${plan.runtimeWorkdir}` });
  const artifacts = plan.artifactLines.map((line) => line.replace('{compile}', split.compileName));
  const lastRun = steps[windowEnd].run;
  const keptPackages = runtimePackageNames(split);
  for (const runSteps of split.runs) {
    const run = runSteps.run;
    const decisions = runSteps.steps.map((step) => decide(split, step, keptPackages));
    if (decisions.some((decision) => decision === undefined)) return undefined;
    const keep = decisions.map((decision) => decision?.keep ?? false);
    const isPost = runSteps.steps.map((step, index) => run === lastRun && steps.indexOf(step) > windowEnd && keep[index] && ['other', 'fetch', 'state'].includes(step.kind));
    const inPlace = keep.map((kept, index) => kept && !isPost[index]);
    // Cache cleanups and `apk update` only make sense next to an `apk add` that is still there.
    const hasAdd = runSteps.steps.some((step, index) => inPlace[index] && step.apk && step.apk.subcommand !== 'update' && step.kind === 'package');
    const hasOther = runSteps.steps.some((step, index) => inPlace[index] && !['package', 'cleanup', 'state'].includes(step.kind));
    runSteps.steps.forEach((step, index) => {
      if (!inPlace[index]) return;
      if (step.kind === 'state' && !runSteps.steps.some((later, laterIndex) => laterIndex > index && inPlace[laterIndex] && later.kind !== 'state')) inPlace[index] = false;
      if (!hasAdd && ((step.kind === 'package' && step.apk?.subcommand === 'update') || isApkCacheCleanup(step) || (step.kind === 'cleanup' && !hasOther))) inPlace[index] = false;
    });
    const posts = runSteps.steps.filter((_, index) => isPost[index]);
    const fetches = fetchPlacement(split, runSteps, inPlace);
    if (!fetches) return undefined;
    const tail = [...fetches.after, ...(run === lastRun ? [...artifacts, ...(posts.length > 0 ? [postRun(split, runSteps, posts)] : [])] : [])];
    if (tail.includes('')) return undefined;
    const changed = runSteps.steps.some((_, index) => !inPlace[index]) || decisions.some((decision) => decision?.edits.length);
    if (!inPlace.some(Boolean)) {
      const lines = [...fetches.before, ...tail];
      if (lines.length > 0) edits.push({ start: blockStart(model, run), end: run.end, newText: lines.join(split.eol) });
      else edits.push(removeBlock(model, run));
      continue;
    }
    if (fetches.before.length > 0) edits.push({ start: run.start, end: run.start, newText: `${fetches.before.join(split.eol)}${split.eol}` });
    if (changed) {
      const removals = removeItems(runSteps.steps.map((step, index) => ({ start: step.start, end: step.end, keep: inPlace[index] })));
      if (!removals || !joinersAllow(runSteps, inPlace)) return undefined;
      appendAll(edits, removals);
      runSteps.steps.forEach((_, index) => {
        if (inPlace[index]) appendAll(edits, (decisions[index]?.edits ?? []));
      });
    }
    if (tail.length > 0) edits.push({ start: run.end, end: run.end, newText: `${split.eol}${tail.join(split.eol)}` });
  }
  return edits;
}

/**
 * Where the COPY lines of the RUN's fetches go: before the RUN when only `cd`/`set` and package steps stay ahead of
 * each fetch, after it when nothing kept follows; undefined when a kept step on each side would need the files in
 * between.
 */
function fetchPlacement(split: SplitPlan, runSteps: RunSteps, inPlace: readonly boolean[]): { before: string[]; after: string[] } | undefined {
  const before: string[] = [];
  const after: string[] = [];
  for (const [index, step] of runSteps.steps.entries()) {
    const line = split.fetchCopies.get(step);
    if (line === undefined) continue;
    const text = line.replace('{compile}', split.compileName);
    const keptBefore = runSteps.steps.some((other, otherIndex) => otherIndex < index && inPlace[otherIndex] && other.kind !== 'state' && other.kind !== 'package');
    const keptAfter = runSteps.steps.some((_, otherIndex) => otherIndex > index && inPlace[otherIndex]);
    if (!keptBefore) before.push(text);
    else if (!keptAfter) after.push(text);
    else return undefined;
  }
  return { before, after };
}

/** True when every separator next to a removed step is `&&`, `;` or a line break, so removal leaves valid shell. */
function joinersAllow(runSteps: RunSteps, keep: readonly boolean[]): boolean {
  return runSteps.joiners.every((joiner, index) => joiner !== 'other' || (keep[index] && keep[index + 1]));
}

/** The RUN that carries the steps after the build which need the artifacts (`python manage.py collectstatic`). */
function postRun(split: SplitPlan, runSteps: RunSteps, posts: readonly Step[]): string {
  const { model } = split;
  const run = runSteps.run;
  if (run.form !== 'shell') return '';
  const prefixStates = runSteps.steps.filter((step) => step.kind === 'state' && step.start < posts[0].start && !posts.includes(step));
  if (prefixStates.some((step) => step.commands.some((command) => command.name !== 'set'))) return '';
  let text = '';
  posts.forEach((step, index) => {
    const position = runSteps.steps.indexOf(step);
    const previous = posts[index - 1];
    if (!previous) text = model.text.slice(step.start, step.end);
    else if (runSteps.steps.indexOf(previous) === position - 1 && runSteps.joiners[position - 1] !== 'other') text += model.text.slice(previous.end, step.end);
    else text += ` && ${model.text.slice(step.start, step.end)}`;
  });
  if (posts.some((step, index) => index > 0 && runSteps.joiners[runSteps.steps.indexOf(step) - 1] === 'other')) return '';
  return `RUN ${runFlags(model, run)}${statePrefix(runSteps, posts[0], posts)}${text}`;
}

interface Decision {
  readonly keep: boolean;
  /** Edits inside a kept step (package words removed or replaced). */
  readonly edits: readonly Edit[];
}

/** Names the runtime stage still installs (for de-duplicating replacements). */
function runtimePackageNames(split: SplitPlan): Set<string> {
  const names = new Set<string>();
  for (const step of split.steps) {
    if (step.apk?.subcommand !== 'add' || split.plan.buildSteps.has(step)) continue;
    for (const item of step.apk.packages) if (!split.buildPackages.has(item.name)) names.add(item.name);
  }
  return names;
}

/** Whether a step stays in the runtime stage, and how its package list changes; undefined when it cannot be edited. */
function decide(split: SplitPlan, step: Step, kept: Set<string>): Decision | undefined {
  const index = split.steps.indexOf(step);
  const inWindow = index >= split.windowStart && index <= split.windowEnd;
  if (split.plan.buildSteps.has(step) || split.fetchCopies.has(step)) return { keep: false, edits: [] };
  if (step.kind === 'fetch' && inWindow) return { keep: false, edits: [] };
  if (step.kind === 'state' && inWindow) return { keep: false, edits: [] };
  const call = step.apk;
  if (step.kind !== 'package' || !call || (call.subcommand !== 'add' && call.subcommand !== 'del')) return { keep: true, edits: [] };
  const isExec = step.run.form === 'exec';
  const items: ListItem[] = [];
  const edits: Edit[] = [];
  let remaining = 0;
  const packageWords = new Set(call.packages.map((item) => item.word));
  for (const word of call.command.words) {
    if (!packageWords.has(word)) {
      items.push({ start: word.start, end: word.end, keep: true });
      continue;
    }
    const item = call.packages.find((candidate) => candidate.word === word);
    const name = item?.name ?? '';
    const isBuild = call.subcommand === 'add' ? split.buildPackages.has(name) : split.buildPackages.has(name) || split.buildGroups.has(name);
    if (!isBuild) {
      remaining++;
      items.push({ start: word.start, end: word.end, keep: true });
      continue;
    }
    const replacement = call.subcommand === 'add' ? (split.replacements.get(name) ?? []).filter((candidate) => !kept.has(candidate)) : [];
    if (replacement.length === 0) {
      items.push({ start: word.start, end: word.end, keep: false });
      continue;
    }
    for (const candidate of replacement) kept.add(candidate);
    remaining++;
    items.push({ start: word.start, end: word.end, keep: true });
    edits.push({ start: word.start, end: word.end, newText: isExec ? replacement.map((candidate) => JSON.stringify(candidate)).join(', ') : replacement.join(' ') });
  }
  if (remaining === 0) return { keep: false, edits: [] };
  return { keep: true, edits: [...(removeItems(items) ?? []), ...edits] };
}
