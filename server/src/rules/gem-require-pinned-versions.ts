/** Why: `gem install bundler` installs whatever version is latest on build day, so rebuilds can differ. */
import { parseGemInstall } from '../shell/gem';
import { defineRule } from './rule';

export default defineRule({
  id: 'gem-require-pinned-versions',
  description: 'Pin the version of every gem in `gem install` (`gem:version` or `-v`).',
  defaultSeverity: 'warning',
  hadolint: ['DL3028'],
  requires: { programs: ['gem'] },
  check(context) {
    for (const run of context.dockerfile.runs) {
      for (const command of run.commands) {
        const install = parseGemInstall(command);
        if (!install || install.hasVersionOption) continue;
        for (const word of install.gems) {
          const gem = word.value;
          // Why: `.gem` files and paths carry their version.
          if (gem === undefined || gem.includes(':') || gem.endsWith('.gem') || gem.includes('/')) continue;
          context.report({ at: word, message: `\`${gem}\` is installed without a version (\`${gem}:<version>\`), so a rebuild can install a different one.` });
        }
      }
    }
  },
});
