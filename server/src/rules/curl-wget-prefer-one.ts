/** Why: a stage that uses both curl and wget installs and maintains two tools for one job. */
import { defineRule } from './rule';

const OTHER: Readonly<Record<string, string>> = { curl: 'wget', wget: 'curl' };

export default defineRule({
  id: 'curl-wget-prefer-one',
  description: 'Use either `curl` or `wget` in a stage, not both.',
  defaultSeverity: 'warning',
  hadolint: ['DL4001'],
  requires: { programs: ['curl', 'wget'] },
  check(context) {
    for (const stage of context.dockerfile.stages) {
      const seen = new Set<string>();
      for (const run of stage.runs) {
        if (run.isOnbuild) continue;
        for (const command of run.commands) {
          const name = command.name;
          if (name === undefined || !(name in OTHER)) continue;
          seen.add(name);
          if (!seen.has(OTHER[name])) continue;
          context.report({
            at: command.words[0],
            message: `\`${name}\` is used in a stage that also uses \`${OTHER[name]}\`; one download tool is enough.`,
          });
        }
      }
    }
  },
});
