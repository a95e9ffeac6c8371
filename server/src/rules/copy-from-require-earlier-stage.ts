/** Why: `--from` finds only stages defined before it; a later or misspelt name is pulled as an image from a registry. */
import { stageNamed } from '../dockerfile/model';
import { isDigits, looksLikeImage } from './shared/stages';
import { defineRule } from './rule';

export default defineRule({
  id: 'copy-from-require-earlier-stage',
  description: '`COPY --from` should name a stage defined earlier in the file (or an image with a tag or path).',
  defaultSeverity: 'warning',
  hadolint: ['DL3022'],
  requires: { keywords: ['COPY'] },
  check(context) {
    const model = context.dockerfile;
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'COPY' || instruction.isOnbuild) continue;
      const flag = instruction.from;
      const value = flag?.value;
      if (!flag?.valueSpan || !value || value.includes('$') || looksLikeImage(value)) continue;
      const stage = instruction.stage;
      const found = stageNamed(model, value, instruction.start);
      // Note: a stage's own name is copy-from-no-own-stage's finding.
      if (found && found !== stage) continue;
      if (found === stage && stage?.from !== undefined) continue;
      const later = model.stages.find((candidate) => candidate.name === value.toLowerCase() && (candidate.from?.start ?? 0) > instruction.start);
      context.report({
        at: flag.valueSpan,
        message: later
          ? `The stage \`${value}\` is defined after this \`COPY\`; \`--from\` can only name an earlier stage.`
          : isDigits(value)
            ? `There is no earlier stage number \`${value}\` to copy from.`
            : `No earlier stage is named \`${value}\`, so \`--from\` would pull it as an image.`,
      });
    }
  },
});
