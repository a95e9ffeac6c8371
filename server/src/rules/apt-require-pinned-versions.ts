/** Why: an unpinned `apt-get install` installs whatever the mirror serves on build day, so rebuilds can differ. */
import { parseAptCall } from '../shell/apt';
import { defineRule } from './rule';

export default defineRule({
  id: 'apt-require-pinned-versions',
  description: 'Pin the version of every package in `apt-get install` (`package=version`).',
  defaultSeverity: 'warning',
  hadolint: ['DL3008'],
  requires: { programs: ['apt-get', 'apt', 'aptitude'] },
  check(context) {
    for (const run of context.dockerfile.runs) {
      for (const command of run.commands) {
        const call = parseAptCall(command);
        if (call?.tool !== 'apt-get' || call.subcommand !== 'install') continue;
        for (const word of call.operands) {
          const value = word.value;
          // Why: `pkg=1.2`, `pkg/bookworm-backports` (a release) and `.deb` files or paths name what they install.
          if (value === undefined || value.includes('=') || value.includes('/') || value.endsWith('.deb')) continue;
          context.report({ at: word, message: `\`${value}\` is installed without a version (\`${value}=<version>\`), so a rebuild can install a different one.` });
        }
      }
    }
  },
});
