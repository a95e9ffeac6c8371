/** Why: Docker refuses `FROM`, `MAINTAINER` and `ONBUILD` as ONBUILD triggers. */
import { defineRule } from './rule';

const FORBIDDEN = new Set(['FROM', 'MAINTAINER', 'ONBUILD']);

export default defineRule({
  id: 'onbuild-no-forbidden-trigger',
  description: '`ONBUILD` cannot trigger `FROM`, `MAINTAINER` or another `ONBUILD`.',
  defaultSeverity: 'error',
  hadolint: ['DL3043'],
  check(context) {
    for (const instruction of context.dockerfile.instructions) {
      if (!instruction.isOnbuild) continue;
      const keyword = instruction.keywordText.toUpperCase();
      if (!FORBIDDEN.has(keyword)) continue;
      context.report({ at: instruction.keywordSpan, message: `\`ONBUILD ${keyword}\` is not allowed: Docker rejects \`${keyword}\` as an ONBUILD trigger.` });
    }
  },
});
