/**
 * Why: two apk commands that look like cache care and do nothing useful in an image.
 * - `apk update --no-cache`: `--no-cache` means apk sets up no cache directory, so the indexes it fetches are kept
 *   nowhere and no later `apk` command gains from them (apk-tools `apk_db_open`: the cache is only set up without
 *   `APK_NO_CACHE`; read 2026-12-05).
 * - `apk cache clean` (`sync`, `download`, `purge`) without a package cache (`/etc/apk/cache`, `--cache-dir`):
 *   apk-tools 2 (Alpine ≤ 3.22) stops with "Package cache is not enabled" (exit status 2); apk-tools 3 (Alpine 3.23+)
 *   downloads nothing and keeps the current indexes under `/var/cache/apk`, deleting only files no index needs
 *   (apk-tools `app_cache.c`, 2.x and master, read 2026-12-05).
 */
import type { RunInstruction, Stage } from '../dockerfile/model';
import { commandWordsSpan, removeCommand, removeInstruction, replace } from '../edits/edits';
import { compareAlpineVersions } from '../knowledge/lookup';
import { apkHasFlag, type ApkCall } from '../shell/apk';
import { defineRule, type Fix } from './rule';

const CACHE_ACTIONS: ReadonlySet<string> = new Set(['clean', 'sync', 'download', 'purge']);

/** Mentions `/etc/apk/cache` (a symlink, a directory the RUN creates). */
function mentionsCache(run: RunInstruction): boolean {
  return run.commands.some((command) => command.words.some((word) => (word.value ?? word.raw).includes('etc/apk/cache')));
}

/**
 * Where each stage sets up a package cache: the start of its first plain RUN that mentions `/etc/apk/cache`, or
 * -Infinity when a stage it is built on did (Infinity: never). Found once per check.
 */
class CacheSetups {
  private readonly firstByStage = new Map<Stage, number>();

  isConfigured(stage: Stage | undefined, run: RunInstruction): boolean {
    if (run.mountsCacheAt('/etc/apk/cache')) return true;
    return stage !== undefined && this.first(stage) <= run.start;
  }

  private first(stage: Stage): number {
    let found = this.firstByStage.get(stage);
    if (found === undefined) {
      this.firstByStage.set(stage, Infinity);
      const parent = stage.parent && stage.parent !== stage ? this.first(stage.parent) : Infinity;
      found = parent < Infinity ? -Infinity : (stage.runs.find((candidate) => !candidate.isOnbuild && mentionsCache(candidate))?.start ?? Infinity);
      this.firstByStage.set(stage, found);
    }
    return found;
  }
}

/** What apk-tools does with `apk cache ACTION` and no cache, for the stage's Alpine release when known. */
function cacheBehaviour(release: string | undefined, action: string): string {
  const version2 = 'apk-tools 2 (Alpine ≤ 3.22) stops with "Package cache is not enabled"';
  const version3 = `apk-tools 3 (Alpine 3.23+) ${action === 'download' ? 'downloads nothing' : 'keeps the current indexes in `/var/cache/apk`'}`;
  if (release === undefined || release === 'edge') return `${version2}, and ${version3}`;
  return compareAlpineVersions(release, '3.23') < 0 ? version2 : version3;
}

export default defineRule({
  id: 'apk-no-useless-cache-command',
  description: '`apk update --no-cache` keeps no index, and `apk cache clean` needs a package cache the image does not have.',
  defaultSeverity: 'warning',
  fixSummary: 'safe: remove `apk update --no-cache`; suggestion: `rm -rf /var/cache/apk/*` for `apk cache clean`',
  requires: { programs: ['apk'] },
  check(context) {
    const model = context.dockerfile;
    let setups: CacheSetups | undefined;
    for (const run of model.runs) {
      for (const call of run.apkCalls) {
        if (call.subcommand === 'update' && apkHasFlag(call, '--no-cache')) {
          const at = commandWordsSpan(call.command);
          const written = model.text.slice(at.start, at.end);
          const shown = written.length <= 60 && !/[\r\n]/.test(written) ? written : 'apk update --no-cache';
          context.report({
            at,
            message: `\`${shown}\` fetches the package indexes and keeps none of them, so no later \`apk\` command gains from it.`,
            fixes: updateRemoval(model, run, call),
          });
          continue;
        }
        const action = call.subcommand === 'cache' ? call.packages[0] : undefined;
        if (!action || action.kind !== 'name' || !CACHE_ACTIONS.has(action.name)) continue;
        if (apkHasFlag(call, '--cache-dir') || (setups ??= new CacheSetups()).isConfigured(run.stage, run)) continue;
        const span = commandWordsSpan(call.command);
        const isPlain = call.command.isTopLevel && call.flags.length === 0 && call.packages.length === 1 && run.form !== 'exec' && (action.name === 'clean' || action.name === 'purge');
        context.report({
          at: span,
          message: `No package cache is set up (no \`/etc/apk/cache\`), so \`apk cache ${action.name}\` does nothing useful: ${cacheBehaviour(run.stage?.alpineRelease, action.name)}.`,
          fixes: isPlain ? [{ title: 'Delete `/var/cache/apk/*` instead', kind: 'suggestion', edits: [replace(span, 'rm -rf /var/cache/apk/*')] }] : [],
        });
      }
    }
  },
});

/** Removes the command from its chain, or the whole RUN when it is the RUN's only command. */
function updateRemoval(model: Parameters<typeof removeInstruction>[0], run: RunInstruction, call: ApkCall): Fix[] {
  const title = 'Remove `apk update --no-cache`';
  if (run.commands.length === 1 && run.form !== 'heredoc' && call.command.isTopLevel && call.command.redirects.length === 0) {
    return [{ title, kind: 'safe', edits: [removeInstruction(model, run)] }];
  }
  const edit = run.form === 'exec' ? undefined : removeCommand(run, call.command);
  return edit ? [{ title, kind: 'safe', edits: [edit] }] : [];
}
