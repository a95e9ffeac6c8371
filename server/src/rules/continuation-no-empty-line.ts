/**
 * Why: an empty line inside a continued instruction is skipped today, but Docker has announced it will become an
 * error (moby/moby#33719), and it often means the author thought the instruction ended there (BuildKit
 * NoEmptyContinuation).
 */
import { lineEnd, nextLineStart } from '../edits/lines';
import { replace } from '../edits/edits';
import type { Span } from '../util/span';
import { defineRule } from './rule';

export default defineRule({
  id: 'continuation-no-empty-line',
  description: 'Do not leave empty lines inside an instruction continued with `\\`.',
  defaultSeverity: 'warning',
  fixSummary: 'safe: remove the empty line',
  buildkit: ['NoEmptyContinuation'],
  check(context) {
    const { text } = context.dockerfile;
    for (const instruction of context.dockerfile.instructions) {
      // Why first: a search of the instruction's text for a blank line followed by more of it spares most
      // instructions a walk over their lines (the search stays inside the instruction, so the file is read once).
      const blank = BLANK_LINE.exec(text.slice(instruction.start, instruction.end));
      if (!blank || instruction.start + blank.index + blank[0].length >= instruction.end) continue;
      // Why lazily: most instructions have no blank line, and reading heredocs costs a scan of the instruction.
      let heredocs: Span[] | undefined;
      let line = nextLineStart(text, instruction.start);
      while (line < instruction.end) {
        const end = lineEnd(text, line);
        const next = nextLineStart(text, line);
        if (isBlank(text, line, end) && next < instruction.end) {
          heredocs ??= instruction.heredocs.map((heredoc) => heredoc.contentSpan).filter((span): span is Span => span !== undefined);
          if (heredocs.some((span) => span.start <= line && line < span.end)) {
            line = next;
            continue;
          }
          const at = { start: line, end: next };
          context.report({
            at,
            message: 'This empty line sits inside a continued instruction; Docker skips it today but will treat it as an error.',
            fixes: [{ title: 'Remove the empty line', kind: 'safe', edits: [replace(at, '')] }],
          });
        }
        line = next;
      }
    }
  },
});

/** Whether `text[start, end)` holds only spaces and tabs. */
/** A line break, then a line of blanks with its own line break. */
const BLANK_LINE = /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/;

function isBlank(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code !== 0x20 && code !== 0x09) return false;
  }
  return true;
}
