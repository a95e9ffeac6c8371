/** Why: pip keeps downloaded and built wheels in `~/.cache/pip`; in an image layer that cache is dead weight. */
import type { RunInstruction } from '../dockerfile/model';
import type { ShellCommand } from '../shell/shellCommand';
import { insertArgumentAfter } from '../edits/edits';
import { spanOf } from '../util/span';
import { defineRule } from './rule';
import { environmentValue, pipConfigBefore, pipInstallsOf } from '../dockerfile/environment';
import { findPipOption, parsePipCall, pipCallText, type PipCall } from '../shell/pip';
import { memoOn } from '../util/memo';

/** Cache directories a `rm -rf` may name to drop pip's cache (`~` and `$HOME` spellings included). */
const CACHE_PATHS = /^(?:\/root|~|\$HOME|\$\{HOME\}|\/home\/[^/]+)\/\.cache(?:\/pip)?\/?\*?$/;

export default defineRule({
  id: 'pip-require-no-cache-dir',
  description: 'Use `pip install --no-cache-dir` so the pip cache does not end up in the image layer.',
  defaultSeverity: 'info',
  fixSummary: 'safe: `--no-cache-dir`',
  hadolint: ['DL3042'],
  requires: { programs: ['pip*', 'python*'] },
  check(context) {
    const model = context.dockerfile;
    for (const run of model.runs) {
      for (const call of pipInstallsOf(run)) {
        if (!call.subcommandWord || findPipOption(call, '--no-cache-dir', '--no-cache')) continue;
        // Note: pip turns the cache off for any boolean PIP_NO_CACHE_DIR, `0` and `false` included.
        const variable = environmentValue(run.stage, run, call.command, 'PIP_NO_CACHE_DIR');
        if (variable && variable.raw !== '') continue;
        if (pipConfigBefore(run.stage, run, call.command).has('no-cache-dir')) continue;
        if (cacheIsMounted(run, call) || cacheIsRemovedLater(run, call.command)) continue;
        context.report({
          at: spanOf(call.programWord, call.subcommandWord),
          message: `\`${pipCallText(call)}\` without \`--no-cache-dir\` leaves pip's download cache in the image layer.`,
          fixes: [
            {
              title: `Add \`--no-cache-dir\` to \`${pipCallText(call)}\``,
              kind: 'safe',
              edits: [insertArgumentAfter(run, call.subcommandWord, '--no-cache-dir')],
            },
          ],
        });
      }
    }
  },
});

/**
 * True when a cache or tmpfs mount holds pip's cache directory: the `--cache-dir` given, else `PIP_CACHE_DIR`,
 * else the default `~/.cache/pip` of any user (a mount at `~/.cache` covers it too).
 */
function cacheIsMounted(run: RunInstruction, call: PipCall): boolean {
  const targets = run.mounts
    .filter((mount) => (mount.type === 'cache' || mount.type === 'tmpfs') && mount.target !== undefined)
    .map((mount) => (mount.target as string).replace(/(?<!\/)\/+$/, ''));
  if (targets.length === 0) return false;
  const covers = (directory: string): boolean => targets.some((target) => directory === target || directory.startsWith(`${target}/`));
  const explicit = cacheDirOption(call) ?? environmentValue(run.stage, run, call.command, 'PIP_CACHE_DIR')?.value;
  if (explicit !== undefined) return covers(explicit.replace(/(?<!\/)\/+$/, ''));
  return covers('/root/.cache/pip') || targets.some((target) => /\/\.cache(?:\/pip)?$/.test(target));
}

function cacheDirOption(call: PipCall): string | undefined {
  const word = findPipOption(call, '--cache-dir');
  const value = word?.value;
  if (word === undefined || value === undefined) return undefined;
  if (value.includes('=')) return value.slice(value.indexOf('=') + 1);
  return call.options[call.options.indexOf(word) + 1]?.value;
}

/**
 * The last command of each RUN that deletes pip's cache, or null, by the RUN's commands; computed once. Why the
 * command and not its offset: a RUN's commands outlive an edit elsewhere in the file, and move with it.
 */
const LAST_CACHE_REMOVAL = Symbol('last pip cache removal');

/** True when a later command of the same RUN deletes the cache (`rm -rf ~/.cache/pip`, `pip cache purge`). */
function cacheIsRemovedLater(run: RunInstruction, install: ShellCommand): boolean {
  // Why once per RUN: scanning the rest of the RUN for each `pip install` is quadratic in a long RUN.
  const last = memoOn(run.commands, LAST_CACHE_REMOVAL, () => {
    let found: ShellCommand | null = null;
    for (const command of run.commands) if (removesCache(command)) found = command;
    return found;
  });
  return last !== null && last.start > install.start;
}

function removesCache(command: ShellCommand): boolean {
  if (command.name === 'rm') return command.words.slice(1).some((word) => CACHE_PATHS.test(word.value ?? word.raw.replace(/^"(.*)"$/, '$1')));
  const pip = parsePipCall(command);
  return pip?.subcommand === 'cache' && pip.options.some((word) => word.value === 'purge');
}
