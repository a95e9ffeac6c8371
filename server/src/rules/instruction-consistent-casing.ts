/**
 * Why: Dockerfile keywords are case-insensitive, and a file that mixes `RUN` and `run` (or writes `Run`) is harder to
 * scan; BuildKit asks every keyword to follow the case most of the file uses (ConsistentInstructionCasing).
 */
import type { Instruction } from '../dockerfile/model';
import { replace } from '../edits/edits';
import type { Span } from '../util/span';
import { defineRule } from './rule';

/** A keyword as written, and whether BuildKit counts it towards the file's majority case. */
interface Keyword {
  readonly span: Span;
  readonly text: string;
  readonly counted: boolean;
}

/**
 * Each keyword as written: an instruction's, and for an ONBUILD trigger the `ONBUILD` keyword too. BuildKit's count
 * (validateCommandCasing in dockerfile2llb, moby/buildkit) takes each stage's FROM and the instructions of its stages,
 * an `ONBUILD` by its own keyword only (its trigger is not parsed then); the ARGs before the first FROM belong to no
 * stage and are not counted. Those keywords are still held to the majority case.
 */
function keywordsOf(instruction: Instruction, text: string): Keyword[] {
  const inStage = instruction.stage?.from !== undefined;
  if (!instruction.onbuildKeyword) return [{ span: instruction.keywordSpan, text: instruction.keywordText, counted: inStage }];
  return [
    { span: instruction.onbuildKeyword, text: text.slice(instruction.onbuildKeyword.start, instruction.onbuildKeyword.end), counted: inStage },
    { span: instruction.keywordSpan, text: instruction.keywordText, counted: false },
  ];
}

export default defineRule({
  id: 'instruction-consistent-casing',
  description: 'Write every instruction keyword in the case most of the file uses (all upper or all lower).',
  defaultSeverity: 'warning',
  fixSummary: 'safe: rewrite the keyword in the majority case',
  buildkit: ['ConsistentInstructionCasing'],
  check(context) {
    const model = context.dockerfile;
    // Why first: most files write every keyword in upper case, which is then the majority and what each one wants.
    if (model.instructions.every((instruction) => instruction.keyword === 'UNKNOWN' || (isUpperCase(model.text, instruction.keywordSpan) && (!instruction.onbuildKeyword || isUpperCase(model.text, instruction.onbuildKeyword))))) return;
    // Why not unknown keywords: they are not instructions (the syntax check reports them), often a line meant to continue.
    const keywords = model.instructions.filter((instruction) => instruction.keyword !== 'UNKNOWN').flatMap((instruction) => keywordsOf(instruction, model.text));
    let lower = 0;
    let upper = 0;
    for (const keyword of keywords) {
      if (!keyword.counted) continue;
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

/** True when the span's text has no lower-case letter (keywords are ASCII). */
function isUpperCase(text: string, span: Span): boolean {
  for (let index = span.start; index < span.end; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x61 && code <= 0x7a) return false;
  }
  return true;
}
