/**
 * Why: a user name is looked up in the image's `/etc/passwd`; runtimes and policies that check the user from outside
 * (Kubernetes `runAsNonRoot`) can only verify a numeric id. `root` is uid 0 everywhere and is not reported.
 */
import { isDigits } from './shared/stages';
import { defineRule } from './rule';

export default defineRule({
  id: 'user-prefer-numeric-id',
  description: 'Give `USER` a numeric user id, which the host and orchestrators can check.',
  defaultSeverity: 'info',
  hadolint: ['DL3066'],
  requires: { keywords: ['USER'] },
  check(context) {
    for (const instruction of context.dockerfile.instructions) {
      if (instruction.keyword !== 'USER') continue;
      const name = instruction.userName;
      const first = instruction.arguments[0];
      if (!first || name === undefined || name === '' || name.includes('$') || isDigits(name) || name === 'root') continue;
      context.report({
        at: { start: first.start, end: first.raw.includes(':') ? first.start + first.raw.indexOf(':') : first.end },
        message: `\`${name}\` is a user name: the host and orchestrators cannot tell which user id it stands for.`,
      });
    }
  },
});
