/**
 * Why: `apk update` in a RUN that installs nothing commits the package index (several MB) to a layer of its own.
 * Later RUNs install from that index as it ages, and deleting it later cannot shrink the image.
 */
import { type DockerfileModel, type RunInstruction } from '../dockerfile/model';
import { apkHasFlag, type ApkCall } from '../shell/apk';
import { commandWordsSpan, removeCommand, removeInstruction, type Edit } from '../edits/edits';
import { defineRule, type Fix } from './rule';
import { readsIndex, runsRelyingOnIndexOf } from './shared/apkLayers';
import { hasApkCacheMount, noCacheEdits } from './shared/noCache';
import { appendAll } from '../util/arrays';

/** Flags that do not change what `apk update` fetches, so dropping the command loses nothing. */
const HARMLESS_UPDATE_FLAGS = new Set(['--quiet', '--verbose', '--no-progress']);

export default defineRule({
  id: 'apk-no-update-in-own-layer',
  description: 'Do not run `apk update` in a RUN of its own: the index lands in its own layer and goes stale.',
  defaultSeverity: 'warning',
  fixSummary: 'safe: remove it, `--no-cache` on the next `apk add`',
  check(context) {
    const model = context.dockerfile;
    for (const run of model.runs) {
      if (hasApkCacheMount(run) || run.apkCalls.some(readsIndex)) continue;
      const updates = run.apkCalls.filter((call) => call.subcommand === 'update' && !apkHasFlag(call, '--no-cache'));
      if (updates.length === 0) continue;
      const fix = removalFix(model, run, updates);
      for (const call of updates) {
        const span = commandWordsSpan(call.command);
        context.report({
          at: span,
          message: '`apk update` in a RUN that installs nothing commits the package index to a layer of its own, where it goes stale.',
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});

/**
 * Removes the `apk update` commands and gives `--no-cache` to every later `apk add` that read the index they left.
 * None when a later RUN reads that index in another way (`apk upgrade`, …) or the removal would not leave valid shell.
 */
function removalFix(model: DockerfileModel, run: RunInstruction, updates: readonly ApkCall[]): Fix | undefined {
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
  const ordered = runsRelyingOnIndexOf(run);
  if (!ordered) return undefined;
  for (const later of ordered) appendAll(edits, noCacheEdits(model, later));
  const title = ordered.length === 0 ? 'Remove `apk update`' : 'Remove `apk update` and add `--no-cache` to the later `apk add`';
  return { title, kind: 'safe', edits };
}
