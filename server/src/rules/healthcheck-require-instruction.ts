/** Why: without `HEALTHCHECK`, an orchestrator sees a running but broken container as healthy. */
import type { Stage } from '../dockerfile/model';
import { stageChain } from '../dockerfile/model';
import { outputStages } from './shared/stages';
import { defineRule } from './rule';

export default defineRule({
  id: 'healthcheck-require-instruction',
  description: 'Give every image a `HEALTHCHECK` (or `HEALTHCHECK NONE` to state there is none).',
  defaultSeverity: 'off',
  hadolint: ['DL3057'],
  check(context) {
    for (const stage of outputStages(context.dockerfile)) {
      if (!stage.from || stageChain(stage).some(hasHealthcheck)) continue;
      context.report({ at: stage.from.keywordSpan, message: 'The image of this stage has no `HEALTHCHECK`, so its health cannot be checked.' });
    }
  },
});

function hasHealthcheck(stage: Stage): boolean {
  return stage.instructions.some((instruction) => instruction.keyword === 'HEALTHCHECK' && !instruction.isOnbuild);
}
