/** Why: `useradd` records a high UID in the sparse lastlog/faillog files; Docker's layer export writes them out in full. */
import { insertArgumentAfter } from '../edits/edits';
import { findOption, hasOption, readCommandLine } from '../shell/cli';
import { argumentsOf } from '../shell/shellCommand';
import { defineRule } from './rule';

/** useradd(8) options that take a value. */
const VALUE_OPTIONS = ['-u', '--uid', '-g', '--gid', '-G', '--groups', '-d', '--home-dir', '-s', '--shell', '-c', '--comment', '-e', '--expiredate', '-f', '--inactive', '-k', '--skel', '-K', '--key', '-p', '--password', '-b', '--base-dir', '-Z', '--selinux-user', '-R', '--root', '-P', '--prefix'];

export default defineRule({
  id: 'useradd-require-no-log-init',
  description: 'Use `useradd -l` with a high UID, so lastlog does not grow the image by gigabytes.',
  defaultSeverity: 'warning',
  fixSummary: 'safe: `-l`',
  hadolint: ['DL3046'],
  requires: { programs: ['useradd'] },
  check(context) {
    for (const run of context.dockerfile.runs) {
      for (const command of run.commands) {
        if (command.name !== 'useradd') continue;
        const line = readCommandLine(argumentsOf(command), { valueOptions: VALUE_OPTIONS });
        const uid = findOption(line, '-u', '--uid');
        // Note: hadolint's threshold: a UID of more than five digits.
        if (!uid?.value || !/^\d{6,}$/.test(uid.value) || hasOption(line, '-l', '--no-log-init')) continue;
        context.report({
          at: uid.valueWord ?? uid.word,
          message: `UID ${uid.value} without \`-l\` makes \`useradd\` extend /var/log/lastlog and /var/log/faillog to a size proportional to the UID, which the image layer stores in full.`,
          fixes: [{ title: 'Add `-l` to `useradd`', kind: 'safe', edits: [insertArgumentAfter(run, command.words[0], '-l')] }],
        });
      }
    }
  },
});
