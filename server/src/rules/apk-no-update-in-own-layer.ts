/**
 * Why: `apk update` in a RUN that installs nothing commits the package index (several MB) to a layer of its own.
 * Later RUNs install from that index as it ages, and deleting it later cannot shrink the image.
 */
import { type DockerfileModel, type RunInstruction } from '../dockerfile/model';
import { apkHasFlag, type ApkCall } from '../shell/apk';
import { commandWordsSpan, removeCommand, removeInstruction, type Edit } from '../edits/edits';
import { defineRule, type Fix } from './rule';
import { readsIndex, runsRelyingOnIndexOf, writesIndex } from './shared/apkLayers';
import { cacheCleanups, hasApkCacheMount, noCacheCallEdits, noCacheEdits } from './shared/noCache';
import { appendAll } from '../util/arrays';

/** Flags that do not change what `apk update` fetches, so dropping the command loses nothing. */
const HARMLESS_UPDATE_FLAGS = new Set(['--quiet', '--verbose', '--no-progress']);

export default defineRule({
  id: 'apk-no-update-in-own-layer',
  description: 'Do not leave the apk index in a layer: `apk update` in a RUN that installs nothing, beside `apk add --no-cache`, or before `apk upgrade` (`apk upgrade --no-cache` instead).',
  defaultSeverity: 'warning',
  fixSummary: 'safe: remove `apk update`, `apk upgrade --no-cache`, `--no-cache` on the next `apk add`',
  requires: { programs: ['apk'] },
  check(context) {
    const model = context.dockerfile;
    for (const run of model.runs) {
      if (run.apkCalls.length === 0 || hasApkCacheMount(run)) continue;
      // Why: an `apk add` without `--no-cache` leaves the index anyway; apk-prefer-no-cache reports that one.
      const keepingReaders = run.apkCalls.filter((call) => readsIndex(call) && !apkHasFlag(call, '--no-cache'));
      if (keepingReaders.some((call) => call.subcommand !== 'upgrade')) continue;
      const updates = run.apkCalls.filter((call) => call.subcommand === 'update' && !apkHasFlag(call, '--no-cache'));
      // Why: a RUN that deletes `/var/cache/apk/*` after its last index write leaves no index in its layer.
      const lastWrite = run.apkCalls.filter(writesIndex).at(-1);
      if (lastWrite && cacheCleanups(run).some((cleanup) => cleanup.command.isTopLevel && cleanup.command.index > lastWrite.command.index)) continue;
      if (updates.length > 0) {
        const upgrades = keepingReaders;
        // Note: one fix for the RUN's updates, built when read (code actions, `--fix`).
        let fixList: Fix[] | undefined;
        const fixes = (): Fix[] => {
          if (fixList) return fixList;
          const fix = removalFix(model, run, updates, upgrades);
          return (fixList = fix ? [fix] : []);
        };
        const installs = run.apkCalls.some((call) => readsIndex(call));
        // Undefined relying RUNs: a later RUN reads the index in a way `--no-cache` cannot replace, so it is used too.
        const relying = installs && upgrades.length === 0 ? runsRelyingOnIndexOf(run) : [];
        const laterUse = relying === undefined || relying.length > 0;
        for (const call of updates) {
          context.report({ at: commandWordsSpan(call.command), message: updateMessage(installs, upgrades.length > 0, laterUse), fixes });
        }
        continue;
      }
      for (const call of keepingReaders) {
        const flag = call.flags.find((candidate) => candidate.name === '--update-cache');
        if (!flag) continue;
        const written = flag.word.value === '-U' || flag.word.value === '--update-cache' || flag.word.value === '--update' ? flag.word.value : '-U';
        context.report({
          at: flag.word,
          message: `\`${written}\` makes \`apk upgrade\` leave the package index in this layer; \`apk upgrade --no-cache\` upgrades the same without it.`,
          fixes: () => {
            const later = runsRelyingOnIndexOf(run);
            const edits = later && [...noCacheCallEdits(model, run, call), ...later.flatMap((other) => noCacheEdits(model, other))];
            return edits ? [{ title: 'Use `apk upgrade --no-cache`', kind: 'safe', edits }] : [];
          },
        });
      }
    }
  },
});

function updateMessage(installs: boolean, upgrades: boolean, laterUse: boolean): string {
  if (upgrades) return '`apk update` before `apk upgrade` leaves the package index in this layer; `apk upgrade --no-cache` upgrades the same without it.';
  if (installs && laterUse) {
    return '`apk update` leaves the package index in this layer, which the `apk --no-cache` commands of the RUN do not need and later RUNs install from as it goes stale.';
  }
  if (installs) return '`apk update` leaves the package index in this layer, and the `apk --no-cache` commands of the RUN fetch their own: it only adds weight.';
  return '`apk update` in a RUN that installs nothing commits the package index to a layer of its own, where it goes stale.';
}

/**
 * Removes the `apk update` commands, gives `--no-cache` to the `apk upgrade` after them in the RUN and to every later
 * `apk add` that read the index they left. None when a later RUN reads that index in another way (`apk upgrade`, …) or the removal would not leave valid shell.
 */
function removalFix(model: DockerfileModel, run: RunInstruction, updates: readonly ApkCall[], upgrades: readonly ApkCall[]): Fix | undefined {
  if (updates.some((call) => call.flags.some((flag) => !HARMLESS_UPDATE_FLAGS.has(flag.name)))) return undefined;
  const edits: Edit[] = [];
  const isWholeRun = run.commands.every(
    (command) => command.isTopLevel && command.end === commandWordsSpan(command).end && updates.some((call) => call.command === command),
  );
  if (isWholeRun) {
    edits.push(removeInstruction(model, run));
  } else {
    if (updates.length > 1) return undefined;
    const removal = removeCommand(run, updates[0].command);
    if (!removal) return undefined;
    edits.push(removal);
  }
  for (const upgrade of upgrades) {
    // Why: an upgrade before the update reads the index an earlier layer left; `--no-cache` would make it fetch a fresh one.
    if (upgrade.command.index < updates[0].command.index) return undefined;
    appendAll(edits, noCacheCallEdits(model, run, upgrade));
  }
  const ordered = runsRelyingOnIndexOf(run);
  if (!ordered) return undefined;
  for (const later of ordered) appendAll(edits, noCacheEdits(model, later));
  const upgrade = upgrades.length > 0 ? ' and use `apk upgrade --no-cache`' : '';
  const title = ordered.length === 0 ? `Remove \`apk update\`${upgrade}` : `Remove \`apk update\`${upgrade} and add \`--no-cache\` to the later \`apk add\``;
  return { title, kind: 'safe', edits };
}
