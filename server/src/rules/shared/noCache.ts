/**
 * The rewrite behind `apk-prefer-no-cache`, shared with the rules that point back at the installing RUN:
 * every `apk add` of a RUN gets `--no-cache`, and what that makes redundant in the same RUN goes away.
 */
import type { DockerfileModel, RunInstruction } from '../../dockerfile/model';
import { insertArgumentAfter, removeCommand, removeWord, replace, type Edit } from '../../edits/edits';
import { apkHasFlag, optionAnchor, type ApkCall } from '../../shell/apk';
import { argumentsOf, type ShellCommand, type ShellWord } from '../../shell/shellCommand';
import { appendAll } from '../../util/arrays';

/** apk subcommands that only read the installed database or the index already fetched. */
const READ_ONLY_SUBCOMMANDS = new Set(['info', 'search', 'version', 'policy', 'list', 'dot', 'verify', 'stats', 'audit', 'manifest']);
const APK_CACHE_PATHS = ['/var/cache/apk', '/etc/apk/cache'];
const CACHE_GLOB = '/var/cache/apk/*';

/** True when the RUN keeps the apk cache out of the layer through a cache or tmpfs mount. */
export function hasApkCacheMount(run: RunInstruction): boolean {
  return APK_CACHE_PATHS.some((path) => run.mountsCacheAt(path));
}

/**
 * `apk add` calls of the RUN that leave the package index in the layer. `--no-network` fetches nothing (the packages
 * come from local files or repositories already on disk), so it writes no index either.
 */
export function addsWithoutNoCache(run: RunInstruction): ApkCall[] {
  if (hasApkCacheMount(run)) return [];
  return run.apkCalls.filter((call) => call.subcommand === 'add' && !apkHasFlag(call, '--no-cache') && !apkHasFlag(call, '--no-network'));
}

/** `rm` commands of a RUN that delete `/var/cache/apk/*`, with the word that names that path. */
export function cacheCleanups(run: RunInstruction): { command: ShellCommand; word: ShellWord }[] {
  const found: { command: ShellCommand; word: ShellWord }[] = [];
  for (const command of run.commands) {
    if (command.name !== 'rm') continue;
    const word = argumentsOf(command).find((candidate) => candidate.value === CACHE_GLOB);
    if (word) found.push({ command, word });
  }
  return found;
}

/** `apk cache clean` / `apk cache purge` commands. */
export function isApkCacheClean(call: ApkCall): boolean {
  if (call.subcommand !== 'cache') return false;
  const action = call.packages[0]?.word.value;
  return action === 'clean' || action === 'purge';
}

/** Removes `/var/cache/apk/*` from an `rm`: only that word when other paths remain, else the whole command. */
export function removeCacheCleanup(model: DockerfileModel, run: RunInstruction, cleanup: { command: ShellCommand; word: ShellWord }): Edit | undefined {
  const paths = argumentsOf(cleanup.command).filter((word) => !(word.value ?? word.raw).startsWith('-'));
  if (paths.length > 1) return removeWord(model, run, cleanup.word);
  return removeCommand(run, cleanup.command);
}

/**
 * Edits that make every `apk add` of the RUN use `--no-cache` and drop what that makes redundant: `-U`/`--update-cache`
 * flags, a preceding `apk update`, and `rm -rf /var/cache/apk/*`. Redundant parts stay when another apk call in the
 * RUN still needs the index (e.g. `apk upgrade` without `--no-cache`), so what gets installed never changes.
 */
export function noCacheEdits(model: DockerfileModel, run: RunInstruction): Edit[] {
  const adds = addsWithoutNoCache(run);
  if (adds.length === 0) return [];
  const edits: Edit[] = [];
  for (const call of adds) appendAll(edits, noCacheCallEdits(model, run, call));
  const firstAdd = adds[0].command;
  const othersNeedIndex = run.apkCalls.some(
    (call) =>
      !adds.includes(call) &&
      call.subcommand !== 'update' &&
      call.subcommand !== 'del' &&
      !isApkCacheClean(call) &&
      !READ_ONLY_SUBCOMMANDS.has(call.subcommand ?? '') &&
      !apkHasFlag(call, '--no-cache'),
  );
  if (!othersNeedIndex) {
    for (const call of run.apkCalls) {
      if (call.subcommand === 'update' && call.command.index < firstAdd.index && call.flags.length === 0) {
        const edit = removeCommand(run, call.command);
        if (edit) edits.push(edit);
      }
    }
    for (const cleanup of cacheCleanups(run)) {
      if (cleanup.command.index < firstAdd.index) continue;
      const edit = removeCacheCleanup(model, run, cleanup);
      if (edit) edits.push(edit);
    }
  }
  return edits;
}

/**
 * Gives one `apk add` `--no-cache` and drops its own `-U`/`--update-cache`, which `--no-cache` makes redundant. Safe on
 * its own: the call then fetches its index itself, and whatever else the RUN does with the cache is unchanged.
 */
export function noCacheCallEdits(model: DockerfileModel, run: RunInstruction, call: ApkCall): Edit[] {
  return [insertArgumentAfter(run, optionAnchor(call), '--no-cache'), ...updateFlagRemovals(model, run, call)];
}

/** Removes `-U`, `--update-cache` and `--update`; inside a bundle such as `-qU` only the letter goes. */
function updateFlagRemovals(model: DockerfileModel, run: RunInstruction, call: ApkCall): Edit[] {
  const edits: Edit[] = [];
  for (const flag of call.flags) {
    if (flag.name !== '--update-cache') continue;
    const value = flag.word.value ?? '';
    if (value.startsWith('--') || value === '-U') {
      edits.push(removeWord(model, run, flag.word));
    } else {
      const letters = value.slice(1).replace('U', '');
      const replacement = run.form === 'exec' ? JSON.stringify(`-${letters}`) : `-${letters}`;
      edits.push(replace({ start: flag.word.start, end: flag.word.end }, replacement));
    }
  }
  return edits;
}
