/** Why: a Dockerfile must start with `FROM` (only `ARG`, comments and parser directives may come before it). */
import { defineRule } from './rule';

export default defineRule({
  id: 'from-require-first',
  description: 'Begin the Dockerfile with `FROM`: only `ARG`, comments and parser directives may come before it.',
  defaultSeverity: 'error',
  hadolint: ['DL3061'],
  check(context) {
    const first = context.dockerfile.stages[0];
    if (!first || first.from) return;
    for (const instruction of first.instructions) {
      if (instruction.keyword === 'ARG') continue;
      context.report({ at: instruction.keywordSpan, message: `\`${instruction.keywordText}\` comes before the first \`FROM\`; Docker accepts only \`ARG\` there.` });
    }
  },
});
