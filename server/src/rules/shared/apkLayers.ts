/**
 * Layer reasoning shared by the apk rules that look across RUN instructions: which RUNs run after a given one
 * (stages built `FROM` it and ONBUILD triggers included), which of them read the package index another RUN left in
 * the filesystem, and edits that remove or merge whole instructions.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, InstructionModel, RunModel, Stage } from '../../dockerfile/model';
import { apkHasFlag, type ApkCall } from '../../shell/apk';
import type { ShellCommand } from '../../shell/shellCommand';
import { replaceOffsets } from '../../edits/edits';
import { hasApkCacheMount, isApkCacheClean } from './noCache';
import { memoOn } from '../../util/memo';
import { prefixLength } from '../../util/prefixLength';

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
export function indexUse(run: RunModel): IndexUse {
  if (hasApkCacheMount(run)) return { relying: [], refreshes: false };
  const relying: ApkCall[] = [];
  let refreshes = false;
  for (const call of run.apkCalls) {
    if (writesIndex(call)) refreshes = true;
    else if (!refreshes && readsIndex(call) && !apkHasFlag(call, '--no-cache')) relying.push(call);
  }
  return { relying, refreshes };
}

/** Stages built `FROM` this stage. */
export function childStages(model: DockerfileModel, stage: Stage): readonly Stage[] {
  const byParent = memoOn(model, CHILDREN, () => {
    const children = new Map<Stage, Stage[]>();
    for (const candidate of model.stages) {
      if (!candidate.parent) continue;
      const known = children.get(candidate.parent);
      if (known) known.push(candidate);
      else children.set(candidate.parent, [candidate]);
    }
    return children;
  });
  return byParent.get(stage) ?? [];
}

/** The stages built on each stage, kept on the model. */
const CHILDREN = Symbol('child stages');

/** The RUNs of `runs` (in document order) after the one at `start`, that are (or are not) ONBUILD triggers. */
function* runsAfter(runs: readonly RunModel[], start: number, isOnbuild: boolean): Generator<RunModel> {
  for (let index = prefixLength(runs, (run) => run.start <= start); index < runs.length; index++) if (runs[index].isOnbuild === isOnbuild) yield runs[index];
}

/**
 * The RUNs that execute after `run` in the same filesystem, as separate sequences: later RUNs of the stage, then
 * (each a branch of its own) the stage's ONBUILD triggers and every stage built `FROM` it, recursively. For an
 * ONBUILD trigger, the later triggers of the stage. Why lazy: callers stop at the first RUN that answers them, and
 * listing every later RUN for every RUN is quadratic in the number of RUNs.
 */
export function* sequencesAfter(model: DockerfileModel, run: RunModel): Generator<Iterable<RunModel>> {
  const stage = run.stage;
  if (!stage) return;
  const later = (): Iterable<RunModel> => runsAfter(stage.runs, run.start, run.isOnbuild);
  if (run.isOnbuild) {
    yield later();
    return;
  }
  const sequence = function* (parts: readonly (() => Iterable<RunModel>)[]): Generator<RunModel> {
    for (const part of parts) yield* part();
  };
  const extend = function* (prefix: readonly (() => Iterable<RunModel>)[], from: Stage): Generator<Iterable<RunModel>> {
    yield sequence([...prefix, () => runsAfter(from.runs, -1, true)]);
    for (const child of childStages(model, from)) yield* extend([...prefix, () => runsAfter(child.runs, -1, false)], child);
  };
  yield* extend([later], stage);
}

/**
 * The later RUNs that install from the package index `run` leaves on disk, oldest first; undefined when one of them
 * reads it in a way `--no-cache` cannot replace (`apk upgrade`, or a RUN that also refreshes the index for others).
 */
export function runsRelyingOnIndexOf(model: DockerfileModel, run: RunModel): RunModel[] | undefined {
  const relying = new Set<RunModel>();
  for (const sequence of sequencesAfter(model, run)) {
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

/** Offsets from the first word of a command to the end of its last word (without redirections). */
export function commandWordsSpan(command: ShellCommand): { start: number; end: number } {
  const words = command.words;
  return { start: words[0]?.start ?? command.start, end: words[words.length - 1]?.end ?? command.end };
}

/** The line break used after `offset` (or the first one in the file), `\n` when the file has none. */
export function lineBreakAt(text: string, offset: number): string {
  const index = text.indexOf('\n', offset);
  const found = index === -1 ? text.indexOf('\n') : index;
  if (found === -1) return '\n';
  return found > 0 && text[found - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * Removes a whole instruction with its line: from the start of its first line (when only blanks precede it) through
 * the line break after it; for the last line of a file, the line break before it goes instead.
 */
export function removeInstruction(model: DockerfileModel, instruction: InstructionModel): TextEdit {
  const text = model.text;
  let start = instruction.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start = instruction.start;
  let end = instruction.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  if (text[end] === '\r' && text[end + 1] === '\n') end += 2;
  else if (text[end] === '\n' || text[end] === '\r') end++;
  else if (end >= text.length && start > 0) {
    start--;
    if (start > 0 && text[start] === '\n' && text[start - 1] === '\r') start--;
  }
  return replaceOffsets(model, start, end, '');
}
