/** Why: wget's default progress output writes a line per few kilobytes into the build log when there is no terminal. */
import { insertArgumentAfter } from '../edits/edits';
import { readCommandLine } from '../shell/cli';
import { argumentsOf } from '../shell/shellCommand';
import { defineRule } from './rule';

/** wget options that take a value (wget --help); `-nv` is one option, not a bundle. */
const VALUE_OPTIONS = ['-o', '-a', '-O', '-P', '-t', '-T', '-w', '-e', '-i', '-B', '-U', '-l', '-A', '-R', '-D', '-I', '-X', '-Q', '--header', '--user', '--password', '--output-document', '--directory-prefix', '--tries', '--timeout', '--user-agent', '--post-data', '--output-file', '--append-output'];
const QUIET = ['--progress', '-q', '--quiet', '--no-verbose', '-o', '--output-file', '-a', '--append-output'];

export default defineRule({
  id: 'wget-require-progress',
  description: 'Give `wget` `--progress=dot:giga` (or `-q`) so downloads do not flood the build log.',
  defaultSeverity: 'info',
  fixSummary: 'safe: `--progress=dot:giga` (`-q` on Alpine)',
  hadolint: ['DL3047'],
  requires: { programs: ['wget'] },
  check(context) {
    for (const run of context.dockerfile.runs) {
      for (const command of run.commands) {
        if (command.name !== 'wget') continue;
        const args = argumentsOf(command);
        if (args.some((word) => word.value === '-nv')) continue;
        const line = readCommandLine(args, { valueOptions: VALUE_OPTIONS });
        if (line.unknown.length > 0 || line.options.some((option) => QUIET.includes(option.name))) continue;
        // Why: BusyBox wget, Alpine's default, has no `--progress` and fails on it; `-q` works for both.
        const flag = run.stage?.isAlpineLike ? '-q' : '--progress=dot:giga';
        context.report({
          at: command.words[0],
          message: '`wget` without `--progress` or `-q` prints its progress meter into the build log, which grows with the download size.',
          fixes: [{ title: `Add \`${flag}\` to \`wget\``, kind: 'safe', edits: [insertArgumentAfter(run, command.words[0], flag)] }],
        });
      }
    }
  },
});
