/** Why: without `--no-cache` (or a cache mount) apk keeps the downloaded package index in the image layer. */

import { apkHasFlag, optionAnchor, type ApkCall } from '../shell/apk';
import { insertArgumentAfter, insertAt } from '../edits/edits';
import { spanOf } from '../util/span';
import { defineRule, type Fix } from './rule';
import { indexUse, runsRelyingOnIndexOf, writesIndex } from './shared/apkLayers';
import { addsWithoutNoCache, cacheCleanups, isIndexRefresh, noCacheCallEdits, noCacheEdits, removeCacheCleanup } from './shared/noCache';

function messageFor(call: ApkCall, isCleanedLater: boolean): string {
  if (isIndexRefresh(call)) {
    return isCleanedLater
      ? '`apk add` without packages only refreshes the package index, which a later `rm` deletes again; `--no-cache` on the installs that need an index does the same.'
      : '`apk add` without packages only refreshes the package index, and leaves it in the image layer.';
  }
  return isCleanedLater
    ? '`apk add` without `--no-cache` relies on the later `rm -rf /var/cache/apk/*` to drop the package index; `--no-cache` does the same in one flag and cannot be forgotten.'
    : '`apk add` without `--no-cache` leaves the package index in the image layer.';
}

export default defineRule({
  id: 'apk-prefer-no-cache',
  description: 'Use `apk add --no-cache` so the package index does not end up in the image layer.',
  defaultSeverity: 'warning',
  fixSummary: 'safe: `--no-cache` (also on `apk upgrade -U`), dropping `-U`, `apk update`, `rm -rf /var/cache/apk/*`; suggestion: cache mount',
  hadolint: ['DL3019'],
  requires: { programs: ['apk'] },
  check(context) {
    const model = context.dockerfile;
    for (const run of model.runs) {
      const adds = addsWithoutNoCache(run);
      if (adds.length === 0) continue;
      // Why built when read: the fixes cost more than the findings, and only code actions and `--fix` read them.
      const runFixes = (): Fix[] => {
        const fixes: Fix[] = [];
        // Why: later RUNs may install from the index this RUN leaves behind; `--no-cache` here must reach them too.
        const relying = indexUse(run).refreshes ? runsRelyingOnIndexOf(run) : [];
        const own = relying ? noCacheEdits(model, run) : [];
        // Why: with no edit of its own RUN (an index refresh that cannot go) the fix would leave this finding.
        if (relying && own.length > 0) {
          const edits = [...own, ...relying.flatMap((later) => noCacheEdits(model, later))];
          const title = relying.length === 0 ? 'Add `--no-cache` to `apk add`' : 'Add `--no-cache` to `apk add` here and in the later RUNs that used its index';
          fixes.push({ title, kind: 'safe', edits });
        }
        if (relying?.length === 0 && !run.isOnbuild && run.form !== 'exec') {
          // The cache-mount variant keeps fetching the index (so `-U`/`apk update` stay) but into a BuildKit cache.
          const mountEdits = [insertAt(run.flagsStart, '--mount=type=cache,target=/var/cache/apk ')];
          const fetchesIndex = run.apkCalls.some((call) => call.subcommand === 'update' && call.command.index < adds[0].command.index);
          for (const call of adds) {
            if (!fetchesIndex && !apkHasFlag(call, '--update-cache')) {
              mountEdits.push(insertArgumentAfter(run, optionAnchor(call), '--update-cache'));
            }
          }
          for (const cleanup of cacheCleanups(run)) {
            const edit = removeCacheCleanup(model, run, cleanup);
            if (edit) mountEdits.push(edit);
          }
          fixes.push({ title: 'Use a BuildKit cache mount for `/var/cache/apk`', kind: 'suggestion', edits: mountEdits });
        }
        return fixes;
      };
      // Why the RUN-wide fixes on the first finding only: they carry an edit for every `apk add` of the RUN, and
      // repeating them on each finding made the fixes of a RUN with n adds n² edits (a 16 KB RUN of 1,000 adds gave
      // 4 million edits). The other findings get a fix of their own call, safe alone when the call does not fetch
      // the index that later calls read (`-U`); Fix All takes the first.
      const cleanups = cacheCleanups(run).filter((cleanup) => cleanup.command.isTopLevel);
      adds.forEach((call, index) => {
        const end = call.subcommandWord ?? call.command.words[0];
        const callFix = (): Fix[] => (writesIndex(call) || isIndexRefresh(call) ? [] : [{ title: 'Add `--no-cache` to this `apk add`', kind: 'safe', edits: noCacheCallEdits(model, run, call) }]);
        const isCleanedLater = cleanups.some((cleanup) => cleanup.command.index > call.command.index);
        context.report({
          at: spanOf(call.command.words[0], end),
          message: messageFor(call, isCleanedLater),
          fixes: index === 0 ? runFixes : callFix,
        });
      });
    }
  },
});
