/** Why: a stage cannot copy from itself; BuildKit fails with a dependency cycle. */
import { defineRule } from './rule';

export default defineRule({
  id: 'copy-from-no-own-stage',
  description: '`COPY --from` must not name the stage it is in.',
  defaultSeverity: 'error',
  hadolint: ['DL3023'],
  requires: { keywords: ['COPY'] },
  check(context) {
    for (const stage of context.dockerfile.stages) {
      if (!stage.from) continue;
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'COPY' || instruction.isOnbuild) continue;
        const flag = instruction.from;
        const value = flag?.value?.toLowerCase();
        if (!flag?.valueSpan || value === undefined) continue;
        if (value !== stage.name && value !== String(stage.index)) continue;
        context.report({ at: flag.valueSpan, message: `\`--from=${flag.value ?? ''}\` names the stage this \`COPY\` is in; a stage cannot copy from itself.` });
      }
    }
  },
});
