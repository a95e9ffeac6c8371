/**
 * Why: BuildKit gives `scratch` (the empty image) and `context` (the build context) their own meaning; a stage with
 * one of these names is not what `FROM scratch` or `--from=context` then refer to (ReservedStageName).
 */
import { RESERVED_STAGE_NAMES } from '../knowledge/buildkit';
import { defineRule } from './rule';

export default defineRule({
  id: 'stage-name-no-reserved',
  description: 'Do not name a stage `scratch` or `context`.',
  defaultSeverity: 'warning',
  buildkit: ['ReservedStageName'],
  check(context) {
    for (const stage of context.dockerfile.stages) {
      const name = stage.from?.stageName;
      // Why without case: BuildKit looks stages up by their lower-cased name, so `AS Scratch` clashes too.
      if (!name || stage.name === undefined || !RESERVED_STAGE_NAMES.has(stage.name)) continue;
      context.report({
        at: name,
        message: `\`${name.value}\` is a name BuildKit reserves (${stage.name === 'scratch' ? 'the empty image' : 'the build context'}), so it should not name a stage.`,
      });
    }
  },
});
