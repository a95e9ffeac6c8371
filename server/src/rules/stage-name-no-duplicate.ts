/** Why: BuildKit refuses a Dockerfile whose stages share a name (names compare without case). */
import type { Token } from '../dockerfile/model';
import { defineRule } from './rule';

export default defineRule({
  id: 'stage-name-no-duplicate',
  description: 'Give every stage a unique name.',
  defaultSeverity: 'error',
  hadolint: ['DL3024'],
  buildkit: ['DuplicateStageName'],
  check(context) {
    const seen = new Map<string, Token>();
    for (const stage of context.dockerfile.stages) {
      const name = stage.from?.stageName;
      if (!name) continue;
      const key = name.value.toLowerCase();
      if (seen.has(key)) {
        context.report({ at: name, message: `The stage name \`${name.value}\` is already used by an earlier stage; the build fails.` });
      } else {
        seen.set(key, name);
      }
    }
  },
});
