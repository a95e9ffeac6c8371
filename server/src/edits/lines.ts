/**
 * Lines as the edits see them. Line breaks are `\r\n`, `\n` or a lone `\r`, the same notion the ranges and the
 * parser use, so an edit never splits a line break or joins two lines by accident.
 */
import type { DockerfileModel, Instruction } from '../dockerfile/model';

/** True for `\n` and `\r`. */
export function isLineBreak(character: string | undefined): boolean {
  return character === '\n' || character === '\r';
}

/** Offset of the first character of the line holding `offset` (at a line break: the line that break ends). */
export function lineStart(text: string, offset: number): number {
  let index = offset;
  // Why: the `\n` of a `\r\n` belongs to the line the pair ends.
  if (text[index] === '\n' && text[index - 1] === '\r') index--;
  while (index > 0 && !isLineBreak(text[index - 1])) index--;
  return index;
}

/** Offset just past the line break that ends the line holding `offset` (or the end of the text). */
export function nextLineStart(text: string, offset: number): number {
  let index = offset;
  while (index < text.length && !isLineBreak(text[index])) index++;
  if (text[index] === '\r' && text[index + 1] === '\n') return index + 2;
  return index < text.length ? index + 1 : index;
}

/** Offset of the line break that ends the line holding `offset` (the end of the text on the last line). */
export function lineEnd(text: string, offset: number): number {
  let index = offset;
  while (index < text.length && !isLineBreak(text[index])) index++;
  return index;
}

/** The line break after `offset` (or the first one in the file); `\n` when the file has none. */
export function lineBreakAt(text: string, offset: number): string {
  const after = breakFrom(text, offset);
  return after ?? breakFrom(text, 0) ?? '\n';
}

/** The line break a new line in the file should use: the file's first one, `\n` when it has none. */
export function lineEndingOf(text: string): string {
  // Why the memo: rules ask once per finding, and on a large file every ask scans up to its first line break.
  if (text !== lastText) {
    lastText = text;
    lastEnding = breakFrom(text, 0) ?? '\n';
  }
  return lastEnding;
}

let lastText: string | undefined;
let lastEnding = '\n';

function breakFrom(text: string, offset: number): string | undefined {
  const index = lineEnd(text, offset);
  if (index >= text.length) return undefined;
  return text[index] === '\r' ? (text[index + 1] === '\n' ? '\r\n' : '\r') : '\n';
}

/** The parser directives' lines (`# escape=`, `# syntax=`): they must stay first. */
function directiveEnd(model: DockerfileModel): number {
  let end = 0;
  for (const directive of model.directives) end = Math.max(end, nextLineStart(model.text, directive.end));
  return end;
}

/**
 * Start of the comment lines directly above an instruction (no blank line between), or of the instruction's line.
 * Never reaches into the parser directives.
 */
export function blockStart(model: DockerfileModel, instruction: Instruction): number {
  const text = model.text;
  const floor = directiveEnd(model);
  let start = lineStart(text, instruction.start);
  while (start > floor) {
    const previous = lineStart(text, start - 1);
    if (!/^[ \t]*#/.test(text.slice(previous, start))) break;
    start = previous;
  }
  return Math.max(start, Math.min(floor, lineStart(text, instruction.start)));
}

/** True when a blank line separates the instruction's block from what comes before it. */
export function hasBlankLineBefore(model: DockerfileModel, instruction: Instruction): boolean {
  const start = blockStart(model, instruction);
  if (start === 0) return false;
  const previous = lineStart(model.text, start - 1);
  return model.text.slice(previous, start).trim() === '';
}

/** The block's text: comments above the instruction and the instruction itself, without the final line break. */
export function blockText(model: DockerfileModel, instruction: Instruction): string {
  return model.text.slice(blockStart(model, instruction), instruction.end);
}
