/**
 * Why: Dockerfile keywords are case-insensitive, and a file that mixes `RUN` and `run` (or writes `Run`) is harder to
 * scan; BuildKit asks every keyword to follow the case most of the file uses (ConsistentInstructionCasing).
 */
import type { Instruction } from '../dockerfile/model';
import { replace } from '../edits/edits';
import type { Span } from '../util/span';
import { defineRule } from './rule';

/** Each keyword as written: an instruction's, and for an ONBUILD trigger, the `ONBUILD` keyword too. */
function keywordsOf(instruction: Instruction, text: string): { span: Span; text: string }[] {
  const keywords = [{ span: instruction.keywordSpan, text: instruction.keywordText }];
  if (instruction.onbuildKeyword) keywords.unshift({ span: instruction.onbuildKeyword, text: text.slice(instruction.onbuildKeyword.start, instruction.onbuildKeyword.end) });
  return keywords;
}

export default defineRule({
  id: 'instruction-consistent-casing',
  description: 'Write every instruction keyword in the case most of the file uses (all upper or all lower).',
  defaultSeverity: 'warning',
  fixSummary: 'safe: rewrite the keyword in the majority case',
  buildkit: ['ConsistentInstructionCasing'],
  check(context) {
    const model = context.dockerfile;
    // Why not unknown keywords: they are not instructions (the syntax check reports them), often a line meant to continue.
    const keywords = model.instructions.filter((instruction) => instruction.keyword !== 'UNKNOWN').flatMap((instruction) => keywordsOf(instruction, model.text));
    let lower = 0;
    let upper = 0;
    for (const keyword of keywords) {
      if (keyword.text === keyword.text.toLowerCase()) lower++;
      else if (keyword.text === keyword.text.toUpperCase()) upper++;
    }
    // Why: BuildKit picks lower case only when strictly more keywords are lower case.
    const majorityLower = lower > upper;
    for (const keyword of keywords) {
      const wanted = majorityLower ? keyword.text.toLowerCase() : keyword.text.toUpperCase();
      if (keyword.text === wanted) continue;
      context.report({
        at: keyword.span,
        message: `\`${keyword.text}\` does not match the ${majorityLower ? 'lower' : 'upper'} case most instructions of this file use.`,
        fixes: [{ title: `Write \`${wanted}\``, kind: 'safe', edits: [replace(keyword.span, wanted)] }],
      });
    }
  },
});
