/** Why: `apt` is made for people at a terminal; its output and behaviour may change between releases, `apt-get`'s do not. */
import type { Fix } from '../edits/edits';
import { replace } from '../edits/edits';
import type { RunInstruction } from '../dockerfile/model';
import { parseAptCall } from '../shell/apt';
import type { ShellWord } from '../shell/shellCommand';
import { defineRule } from './rule';

/** apt subcommands with the same meaning in `apt-get` (apt(8), apt-get(8)). */
const SAME_IN_APT_GET = new Set(['install', 'remove', 'purge', 'update', 'autoremove', 'autopurge', 'clean', 'autoclean', 'build-dep', 'source', 'download', 'satisfy', 'changelog', 'check', 'dist-upgrade']);
/** apt subcommands `apt-cache` has. */
const SAME_IN_APT_CACHE = new Set(['search', 'show', 'policy', 'depends', 'rdepends', 'showsrc', 'madison']);

export default defineRule({
  id: 'apt-prefer-apt-get',
  description: 'Use `apt-get` or `apt-cache` in scripts, not `apt`, whose interface is not stable.',
  defaultSeverity: 'warning',
  fixSummary: 'safe: `apt` → `apt-get` / `apt-cache`',
  hadolint: ['DL3027'],
  requires: { programs: ['apt-get', 'apt', 'aptitude'] },
  check(context) {
    for (const run of context.dockerfile.runs) {
      for (const command of run.commands) {
        const call = parseAptCall(command);
        if (call?.tool !== 'apt') continue;
        const fix = fixFor(run, call.programWord, call.subcommand);
        context.report({
          at: call.programWord,
          message: '`apt` is meant for interactive use and warns that its interface may change; scripts should call `apt-get` or `apt-cache`.',
          fixes: fix && [fix],
        });
      }
    }
  },
});

function fixFor(run: RunInstruction, word: ShellWord, subcommand: string | undefined): Fix | undefined {
  if (word.value !== 'apt' || subcommand === undefined) return undefined;
  const spell = (program: string): string => (run.form === 'exec' ? JSON.stringify(program) : program);
  if (SAME_IN_APT_GET.has(subcommand)) return { title: 'Use `apt-get`', kind: 'safe', edits: [replace(word, spell('apt-get'))] };
  if (SAME_IN_APT_CACHE.has(subcommand)) return { title: 'Use `apt-cache`', kind: 'safe', edits: [replace(word, spell('apt-cache'))] };
  // Why: `apt upgrade` also installs new dependencies, `apt-get upgrade` does not; the user has to choose.
  if (subcommand === 'upgrade') return { title: 'Use `apt-get` (its `upgrade` installs no new packages)', kind: 'suggestion', edits: [replace(word, spell('apt-get'))] };
  return undefined;
}
