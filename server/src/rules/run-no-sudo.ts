/** Why: a build runs as root or as the USER chosen for it; `sudo` hides which, and leaves a setuid tool in the image. */
import { defineRule } from './rule';

const ESCALATION = new Set(['sudo', 'doas']);

export default defineRule({
  id: 'run-no-sudo',
  description: 'Do not use `sudo` (or `doas`) in `RUN`: pick the user with `USER` instead.',
  defaultSeverity: 'error',
  hadolint: ['DL3004'],
  requires: { programs: ['sudo', 'doas'] },
  check(context) {
    for (const run of context.dockerfile.runs) {
      for (const command of run.commands) {
        if (command.name === undefined || !ESCALATION.has(command.name)) continue;
        context.report({
          at: command.words[0],
          message: `\`${command.name}\` in \`RUN\` has unpredictable effects on the build: switch users with \`USER\` instead.`,
        });
      }
    }
  },
});
