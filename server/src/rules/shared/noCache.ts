/**
 * The rewrite behind `apk-prefer-no-cache`, shared with the rules that point back at the installing RUN:
 * every `apk add` of a RUN gets `--no-cache`, and what that makes redundant in the same RUN goes away.
 */
import type { DockerfileModel, RunInstruction } from '../../dockerfile/model';
import { insertArgumentAfter, removeCommand, removeInstruction, removeWord, replace, type Edit } from '../../edits/edits';
import { apkHasFlag, optionAnchor, type ApkCall } from '../../shell/apk';
import { argumentsOf, type ShellCommand, type ShellWord } from '../../shell/shellCommand';
import { appendAll } from '../../util/arrays';

/** apk subcommands that only read the installed database or the index already fetched. */
const READ_ONLY_SUBCOMMANDS = new Set(['info', 'search', 'version', 'policy', 'list', 'dot', 'verify', 'stats', 'audit', 'manifest']);
const APK_CACHE_PATHS = ['/var/cache/apk', '/etc/apk/cache'];
const CACHE_GLOB = '/var/cache/apk/*';
/** Flags of an index refresh (`apk add -U -q`) that change nothing it fetches, so removing it loses nothing. */
const REFRESH_FLAGS = new Set(['--update-cache', '--quiet', '--verbose', '--no-progress']);

/** True when the RUN keeps the apk cache out of the layer through a cache or tmpfs mount. */
export function hasApkCacheMount(run: RunInstruction): boolean {
  return run.mounts.length > 0 && APK_CACHE_PATHS.some((path) => run.mountsCacheAt(path));
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
 * True for `apk add -U` that names no package: it only refreshes the index (like `apk update`), so `--no-cache`
 * would turn it into a command that does nothing.
 */
export function isIndexRefresh(call: ApkCall): boolean {
  return call.subcommand === 'add' && call.packages.length === 0 && !apkHasFlag(call, '--virtual') && apkHasFlag(call, '--update-cache');
}

/**
 * `apk upgrade` calls of the RUN that fetch their index in the same RUN (`-U`, or after an `apk update` there), so
 * `--no-cache` upgrades exactly the same. One that reads an index an earlier layer left is not among them: it would
 * upgrade from a fresher index.
 */
export function upgradesFetchingOwnIndex(run: RunInstruction): ApkCall[] {
  const found: ApkCall[] = [];
  let fetched = false;
  for (const call of run.apkCalls) {
    if (apkHasFlag(call, '--no-cache')) continue;
    if (call.subcommand === 'upgrade' && (fetched || apkHasFlag(call, '--update-cache'))) found.push(call);
    if (call.subcommand === 'update' || apkHasFlag(call, '--update-cache')) fetched = true;
  }
  return found;
}

/**
 * Edits that make every `apk add` of the RUN use `--no-cache` and drop what that makes redundant: `-U`/`--update-cache`
 * flags, a preceding `apk update` or index refresh (`apk add -U` without packages), and `rm -rf /var/cache/apk/*`. An
 * `apk upgrade` that fetched its own index in the RUN becomes `apk upgrade --no-cache` too. Redundant parts stay when
 * another apk call in the RUN still needs the index (an `apk upgrade` reading an earlier layer's index), so what gets
 * installed never changes.
 */
export function noCacheEdits(model: DockerfileModel, run: RunInstruction): Edit[] {
  const adds = addsWithoutNoCache(run);
  if (adds.length === 0) return [];
  const edits: Edit[] = [];
  const installs = adds.filter((call) => !isIndexRefresh(call));
  const upgrades = upgradesFetchingOwnIndex(run);
  for (const call of [...installs, ...upgrades].sort((a, b) => a.command.index - b.command.index)) appendAll(edits, noCacheCallEdits(model, run, call));
  const users = new Set([...installs, ...upgrades]);
  const firstUse = run.apkCalls.find((call) => users.has(call))?.command.index ?? Infinity;
  const othersNeedIndex = run.apkCalls.some(
    (call) =>
      !adds.includes(call) &&
      !upgrades.includes(call) &&
      call.subcommand !== 'update' &&
      call.subcommand !== 'del' &&
      !isApkCacheClean(call) &&
      !READ_ONLY_SUBCOMMANDS.has(call.subcommand ?? '') &&
      !apkHasFlag(call, '--no-cache'),
  );
  const refreshAdds = adds.filter(isIndexRefresh);
  // Why nothing at all: an index refresh that stays would keep its finding, and `--no-cache` cannot fix it.
  if (refreshAdds.length > 0 && (othersNeedIndex || refreshAdds.some((call) => !call.flags.every((flag) => REFRESH_FLAGS.has(flag.name))))) return [];
  if (!othersNeedIndex) {
    const refreshes = run.apkCalls.filter((call) => (call.subcommand === 'update' && call.flags.length === 0) || refreshAdds.includes(call));
    const isWholeRun = refreshes.length > 0 && users.size === 0 && run.commands.every((command) => command.isTopLevel && refreshes.some((call) => call.command === command));
    if (isWholeRun) return [removeInstruction(model, run)];
    for (const call of refreshes) {
      const edit = call.command.index > firstUse ? undefined : removeCommand(run, call.command);
      if (edit) edits.push(edit);
      else if (refreshAdds.includes(call)) return [];
    }
    for (const cleanup of cacheCleanups(run)) {
      if (cleanup.command.index < firstUse) continue;
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
