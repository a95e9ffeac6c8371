/**
 * Layer reasoning shared by the apk rules that look across RUN instructions: which RUNs run after a given one
 * (stages built `FROM` it and ONBUILD triggers included), which of them read the package index another RUN left in
 * the filesystem.
 */
import type { RunInstruction, Stage } from '../../dockerfile/model';
import { apkHasFlag, type ApkCall } from '../../shell/apk';
import { prefixLength } from '../../util/prefixLength';
import { hasApkCacheMount, isApkCacheClean } from './noCache';

/** apk subcommands that neither read the repository index nor write to the cache. */
const INDEX_FREE_SUBCOMMANDS = new Set(['update', 'del', 'info', 'audit', 'verify', 'manifest', 'stats']);

/** True when the call reads the repository index (`add`, `upgrade`, `search`, …). */
export function readsIndex(call: ApkCall): boolean {
  if (call.subcommand === undefined || INDEX_FREE_SUBCOMMANDS.has(call.subcommand)) return false;
  return !isApkCacheClean(call);
}

/** True when the call downloads the index into `/var/cache/apk` (`apk update`, `-U` without `--no-cache`). */
export function writesIndex(call: ApkCall): boolean {
  if (apkHasFlag(call, '--no-cache')) return false;
  return call.subcommand === 'update' || (readsIndex(call) && apkHasFlag(call, '--update-cache'));
}

export interface IndexUse {
  /** Calls that read an index some earlier RUN left on disk (no `--no-cache`, no `-U`, no `apk update` before). */
  readonly relying: readonly ApkCall[];
  /** True when the RUN leaves a freshly fetched index in its layer. */
  readonly refreshes: boolean;
}

/** How one RUN uses the on-disk package index; a RUN with a cache mount neither reads nor writes the layer's. */
export function indexUse(run: RunInstruction): IndexUse {
  if (hasApkCacheMount(run)) return { relying: [], refreshes: false };
  const relying: ApkCall[] = [];
  let refreshes = false;
  for (const call of run.apkCalls) {
    if (writesIndex(call)) refreshes = true;
    else if (!refreshes && readsIndex(call) && !apkHasFlag(call, '--no-cache')) relying.push(call);
  }
  return { relying, refreshes };
}

/** The RUNs of `runs` (in document order) after the one at `start`, that are (or are not) ONBUILD triggers. */
function* runsAfter(runs: readonly RunInstruction[], start: number, isOnbuild: boolean): Generator<RunInstruction> {
  for (let index = prefixLength(runs, (run) => run.start <= start); index < runs.length; index++) if (runs[index].isOnbuild === isOnbuild) yield runs[index];
}

/**
 * The RUNs that execute after `run` in the same filesystem, as separate sequences: later RUNs of the stage, then
 * (each a branch of its own) the stage's ONBUILD triggers and every stage built `FROM` it, recursively. For an
 * ONBUILD trigger, the later triggers of the stage. Why lazy: callers stop at the first RUN that answers them, and
 * listing every later RUN for every RUN is quadratic in the number of RUNs.
 */
export function* sequencesAfter(run: RunInstruction): Generator<Iterable<RunInstruction>> {
  const stage = run.stage;
  if (!stage) return;
  const later = (): Iterable<RunInstruction> => runsAfter(stage.runs, run.start, run.isOnbuild);
  if (run.isOnbuild) {
    yield later();
    return;
  }
  const sequence = function* (parts: readonly (() => Iterable<RunInstruction>)[]): Generator<RunInstruction> {
    for (const part of parts) yield* part();
  };
  const extend = function* (prefix: readonly (() => Iterable<RunInstruction>)[], from: Stage): Generator<Iterable<RunInstruction>> {
    yield sequence([...prefix, () => runsAfter(from.runs, -1, true)]);
    for (const child of from.children) yield* extend([...prefix, () => runsAfter(child.runs, -1, false)], child);
  };
  yield* extend([later], stage);
}

/**
 * The later RUNs that install from the package index `run` leaves on disk, oldest first; undefined when one of them
 * reads it in a way `--no-cache` cannot replace (`apk upgrade`, or a RUN that also refreshes the index for others).
 */
export function runsRelyingOnIndexOf(run: RunInstruction): RunInstruction[] | undefined {
  const relying = new Set<RunInstruction>();
  for (const sequence of sequencesAfter(run)) {
    for (const later of sequence) {
      const use = indexUse(later);
      if (use.relying.length > 0) {
        // Why: giving `--no-cache` to a RUN that also fetches a fresh index would take that index from the RUNs after it.
        if (use.refreshes || use.relying.some((call) => call.subcommand !== 'add')) return undefined;
        relying.add(later);
      }
      if (use.refreshes) break;
    }
  }
  return [...relying].sort((a, b) => a.start - b.start);
}
