/** Why: a stage keeps only its last `CMD`, `ENTRYPOINT` and `HEALTHCHECK`; an earlier one has no effect and misleads. */
import type { Instruction } from '../dockerfile/model';
import { removeInstruction } from '../edits/edits';
import type { Severity } from './rule';
import { defineRule } from './rule';

/** hadolint's codes and severities: DL4003 for CMD (warning), DL4004 for ENTRYPOINT and DL3012 for HEALTHCHECK (error). */
const SEVERITY: Readonly<Record<string, Severity>> = { CMD: 'warning', ENTRYPOINT: 'error', HEALTHCHECK: 'error' };

export default defineRule({
  id: 'stage-no-repeated-cmd',
  description: 'Write at most one `CMD`, `ENTRYPOINT` and `HEALTHCHECK` per stage: only the last one takes effect.',
  defaultSeverity: 'warning',
  severityNote: 'error for `ENTRYPOINT` and `HEALTHCHECK`',
  fixSummary: 'suggestion: remove the overridden instruction',
  hadolint: ['DL4003', 'DL4004', 'DL3012'],
  buildkit: ['MultipleInstructionsDisallowed'],
  requires: { keywords: ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] },
  check(context) {
    const model = context.dockerfile;
    for (const stage of model.stages) {
      const byKeyword = new Map<string, Instruction[]>();
      for (const instruction of stage.instructions) {
        if (instruction.isOnbuild || !(instruction.keyword in SEVERITY)) continue;
        const list = byKeyword.get(instruction.keyword);
        if (list) list.push(instruction);
        else byKeyword.set(instruction.keyword, [instruction]);
      }
      for (const [keyword, list] of byKeyword) {
        const last = list[list.length - 1];
        const line = model.document.positionAt(last.start).line + 1;
        for (const instruction of list.slice(0, -1)) {
          context.report({
            at: instruction.keywordSpan,
            severity: SEVERITY[keyword],
            message: `This \`${keyword}\` has no effect: the \`${keyword}\` on line ${line} replaces it.`,
            fixes: [{ title: `Remove the overridden \`${keyword}\``, kind: 'suggestion', edits: [removeInstruction(model, instruction)] }],
          });
        }
      }
    }
  },
});
