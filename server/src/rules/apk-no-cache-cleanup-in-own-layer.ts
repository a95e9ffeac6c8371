/**
 * Why: deleting `/var/cache/apk/*` in a RUN that installs nothing only hides files an earlier layer committed;
 * the image keeps them. The cache has to stay out of the installing RUN instead (`apk add --no-cache`).
 */
import { parseImageReference } from '../dockerfile/image';
import { type DockerfileModel, type RunInstruction, type Stage } from '../dockerfile/model';
import { apkHasFlag, type ApkCall } from '../shell/apk';
import { argumentsOf, type ShellCommand } from '../shell/shellCommand';
import { commandWordsSpan, removeCommand, removeInstruction, type Edit } from '../edits/edits';
import { defineRule, type Fix } from './rule';
import { readsIndex, writesIndex } from './shared/apkLayers';
import { addsWithoutNoCache, cacheCleanups, hasApkCacheMount, isApkCacheClean, noCacheEdits, removeCacheCleanup } from './shared/noCache';
import { prefixLength } from '../util/prefixLength';
import { appendAll } from '../util/arrays';

/** Families whose images have no apk: a stray cleanup there belongs to no apk layer. */
const NON_APK_FAMILIES = new Set(['debian', 'rhel', 'distroless', 'scratch', 'windows']);

interface Cleanup {
  readonly command: ShellCommand;
  /** The span to report. */
  readonly start: number;
  readonly end: number;
  /** How it reads in messages and titles. */
  readonly label: string;
  /** The edit that takes it out of its command list, or undefined when that would not leave valid shell. */
  readonly removal: Edit | undefined;
  /** True when removing it removes the whole command. */
  readonly isWholeCommand: boolean;
}

export default defineRule({
  id: 'apk-no-cache-cleanup-in-own-layer',
  description: 'Do not clean the apk cache in a RUN that installs nothing: the files stay in the earlier layer.',
  defaultSeverity: 'warning',
  fixSummary: 'remove it, `--no-cache` where the cache came from',
  check(context) {
    const model = context.dockerfile;
    // Note: made at the first cleanup; most files have none.
    let writers: IndexWriters | undefined;
    let adds: EarlierAdds | undefined;
    for (const run of model.runs) {
      if (hasApkCacheMount(run) || run.apkCalls.some((call) => readsIndex(call) || writesIndex(call))) continue;
      if (!runsApkSomewhere(run)) continue;
      const cleanups = findCleanups(model, run);
      if (cleanups.length === 0) continue;
      const wholeRun = run.commands.every((command) => cleanups.some((cleanup) => cleanup.command === command && cleanup.isWholeCommand));
      const compensation = compensatingEdits(model, run, (writers ??= new IndexWriters()));
      for (const cleanup of cleanups) {
        const removal = wholeRun ? removeInstruction(model, run) : cleanup.removal;
        const fixes: Fix[] = [];
        if (removal && compensation && compensation.length > 0) {
          // Note: insertions first; removing a last RUN starts at the line break where `--no-cache` may be inserted,
          // and LSP applies an insertion and a removal at one position only in that order.
          fixes.push({ title: 'Remove the cleanup and add `--no-cache` to the earlier `apk add`', kind: 'safe', edits: [...compensation, removal] });
        } else if (removal) {
          // Why: unless the cache is known to be empty, removing the cleanup makes the earlier cache visible again.
          const kind = compensation && startsFromOfficialAlpine(run.stage) ? 'safe' : 'suggestion';
          fixes.push({ title: `Remove \`${cleanup.label}\``, kind, edits: [removal] });
        }
        context.report({ at: cleanup, message: messageFor(cleanup.label, run, compensation, (adds ??= new EarlierAdds())), fixes });
      }
    }
  },
});

/**
 * What is true of the cleanup: an earlier RUN of the stage (or of a parent stage) left the cache in its layer; or
 * none did, and the cleanup deletes nothing (official `alpine` ships an empty cache) or only hides what the base
 * image left.
 */
function messageFor(label: string, run: RunInstruction, compensation: readonly Edit[] | undefined, adds: EarlierAdds): string {
  // Note: `compensation` is undefined exactly when some earlier RUN wrote the cache and cannot be rewritten here.
  if (compensation === undefined || compensation.length > 0) {
    return `\`${label}\` in a RUN that installs nothing with apk cannot shrink the image, because the cache is already committed in an earlier layer.`;
  }
  const { total, withNoCache } = adds.before(run);
  const why = total === 0
    ? 'no earlier RUN installs with apk'
    : total === withNoCache ? 'every earlier `apk add` used `--no-cache`' : 'every earlier `apk add` used `--no-cache` or a cache mount';
  if (startsFromOfficialAlpine(run.stage)) {
    return `\`${label}\` deletes nothing: ${why}, so no layer wrote the apk cache, and the \`alpine\` image ships it empty. The cleanup is useless here.`;
  }
  return `\`${label}\` cannot shrink the image: ${why}, so no RUN wrote the apk cache; anything the base image left there stays in its layers.`;
}

interface AddCounts {
  readonly total: number;
  readonly withNoCache: number;
}

/** Per stage, `apk add` calls of the stage's parents and, in order, of its own RUNs: counted once per check. */
class EarlierAdds {
  private readonly byStage = new Map<Stage, { readonly inParents: AddCounts; readonly own: readonly { readonly start: number; readonly counts: AddCounts }[] }>();

  /** The `apk add` calls before `run` in its stage and the stages it builds on. */
  before(run: RunInstruction): AddCounts {
    const stage = run.stage;
    if (!stage) return { total: 0, withNoCache: 0 };
    let found = this.byStage.get(stage);
    if (!found) {
      const count = (runs: readonly RunInstruction[], into: { total: number; withNoCache: number }): void => {
        for (const earlier of runs) {
          for (const call of earlier.apkCalls) {
            if (call.subcommand !== 'add') continue;
            into.total++;
            if (apkHasFlag(call, '--no-cache')) into.withNoCache++;
          }
        }
      };
      const inParents = { total: 0, withNoCache: 0 };
      for (let parent = stage.parent; parent; parent = parent.parent) count(parent.runs, inParents);
      // Running totals after each of the stage's own RUNs.
      const running = { ...inParents };
      const own = stage.runs.map((earlier) => {
        count([earlier], running);
        return { start: earlier.start, counts: { ...running } };
      });
      found = { inParents, own };
      this.byStage.set(stage, found);
    }
    const earlierCount = prefixLength(found.own, (entry) => entry.start < run.start);
    return earlierCount === 0 ? found.inParents : found.own[earlierCount - 1].counts;
  }
}

/** False in stages whose base has no apk and where no RUN of the stage or its parents runs apk. */
function runsApkSomewhere(run: RunInstruction): boolean {
  const stage: Stage | undefined = run.stage;
  if (!stage || !NON_APK_FAMILIES.has(stage.family)) return true;
  for (let current: Stage | undefined = stage; current; current = current.parent) {
    if (current.runs.some((candidate) => candidate.apkCalls.length > 0)) return true;
  }
  return false;
}

function findCleanups(model: DockerfileModel, run: RunInstruction): Cleanup[] {
  const found: Cleanup[] = [];
  for (const cleanup of cacheCleanups(run)) {
    const paths = argumentsOf(cleanup.command).filter((word) => !(word.value ?? word.raw).startsWith('-'));
    const isWholeCommand = paths.length === 1;
    const span = isWholeCommand ? commandWordsSpan(cleanup.command) : { start: cleanup.word.start, end: cleanup.word.end };
    const label = isWholeCommand ? cleanup.command.words.map((word) => word.value ?? word.raw).join(' ') : (cleanup.word.value ?? cleanup.word.raw);
    found.push({ command: cleanup.command, ...span, label, removal: removeCacheCleanup(model, run, cleanup), isWholeCommand });
  }
  for (const call of run.apkCalls) {
    if (!isApkCacheClean(call)) continue;
    const span = commandWordsSpan(call.command);
    found.push({ command: call.command, ...span, label: `apk cache ${call.packages[0]?.word.value}`, removal: removeCommand(run, call.command), isWholeCommand: true });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * True when the stage (through its parents) starts from the official `alpine` image, whose `/var/cache/apk` is
 * empty: if no RUN wrote to the cache, there is nothing for the cleanup to delete.
 */
function startsFromOfficialAlpine(stage: Stage | undefined): boolean {
  let root = stage;
  while (root?.parent) root = root.parent;
  const reference = root?.resolvedImage === undefined ? undefined : parseImageReference(root.resolvedImage);
  return reference !== undefined && reference.repository === 'alpine' && (reference.registry === undefined || reference.registry === 'docker.io');
}

/**
 * Most earlier RUNs one fix rewrites. Why: every cleanup's fix repeats the rewrite of every earlier writer, so a file
 * of thousands of RUNs would get millions of edits; past this many, the fix is left to the user.
 */
const MAX_COMPENSATED_RUNS = 8;

/** True when an earlier RUN leaves the apk index in its layer. */
function leavesIndex(run: RunInstruction): boolean {
  return !hasApkCacheMount(run) && run.apkCalls.some((call) => writesIndex(call) || (readsIndex(call) && !apkHasFlag(call, '--no-cache')));
}

/** Per stage, the RUNs that leave the index in their layer, found once per check. */
class IndexWriters {
  private readonly byStage = new Map<Stage, { readonly inParents: boolean; readonly plain: RunInstruction[]; readonly onbuild: RunInstruction[] }>();

  of(stage: Stage): { readonly inParents: boolean; readonly plain: RunInstruction[]; readonly onbuild: RunInstruction[] } {
    let found = this.byStage.get(stage);
    if (!found) {
      let inParents = false;
      for (let parent = stage.parent; parent && !inParents; parent = parent.parent) inParents = parent.runs.some((run) => !run.isOnbuild && leavesIndex(run));
      const own = stage.runs.filter(leavesIndex);
      found = { inParents, plain: own.filter((run) => !run.isOnbuild), onbuild: own.filter((run) => run.isOnbuild) };
      this.byStage.set(stage, found);
    }
    return found;
  }
}

/**
 * The `--no-cache` rewrite of every earlier RUN of the stage that left the index in its layer (empty when none
 * did), or undefined when one cannot be rewritten to leave nothing behind, a parent stage wrote the cache, or more
 * than `MAX_COMPENSATED_RUNS` would need it. Earlier RUNs are the stage's own before it (the parents' only decide
 * whether a fix is possible); for an ONBUILD trigger, every RUN of the stage and the triggers before it.
 */
function compensatingEdits(model: DockerfileModel, run: RunInstruction, writers: IndexWriters): Edit[] | undefined {
  const stage = run.stage;
  if (!stage) return [];
  const { inParents, plain, onbuild } = writers.of(stage);
  // Why: edits stay inside the stage; a parent stage's cache is shared with its other children.
  if (inParents) return undefined;
  const earlierPlain = plain.slice(0, run.isOnbuild ? plain.length : prefixLength(plain, (earlier) => earlier.start < run.start));
  const earlierOnbuild = run.isOnbuild ? onbuild.slice(0, prefixLength(onbuild, (earlier) => earlier.start < run.start)) : [];
  if (earlierPlain.length + earlierOnbuild.length > MAX_COMPENSATED_RUNS) return undefined;
  const edits: Edit[] = [];
  for (const earlier of [...earlierPlain, ...earlierOnbuild].sort((a, b) => a.start - b.start)) {
    const rewrite = isFullyRewritable(earlier) ? noCacheEdits(model, earlier) : [];
    if (rewrite.length === 0) return undefined;
    appendAll(edits, rewrite);
  }
  return edits;
}

/** True when `noCacheEdits` leaves the RUN with nothing that reads or writes the on-disk index. */
function isFullyRewritable(run: RunInstruction): boolean {
  const adds = addsWithoutNoCache(run);
  if (adds.length === 0) return false;
  const firstAdd = adds[0].command.index;
  return run.apkCalls.every((call: ApkCall) => {
    if (adds.includes(call) || !(readsIndex(call) || writesIndex(call))) return true;
    if (call.subcommand === 'update') {
      return call.flags.length === 0 && call.command.index < firstAdd && removeCommand(run, call.command) !== undefined;
    }
    return apkHasFlag(call, '--no-cache');
  });
}
