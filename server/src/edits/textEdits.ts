/**
 * Offset-based text surgery for the stage split and the layer rules: instruction blocks with their comments, removal
 * of list items (words of a command, commands of a RUN) that keeps continuation lines valid, and slices with edits.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, InstructionModel } from '../dockerfile/model';
import { replaceOffsets } from './edits';

export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** The document's line break: CRLF when the file uses it anywhere. */
export function lineEndingOf(text: string): string {
  // Why the memo: rules ask once per finding, and on a large LF file every ask scans all of it.
  if (text !== lastText) {
    lastText = text;
    lastEnding = text.includes('\r\n') ? '\r\n' : '\n';
  }
  return lastEnding;
}

let lastText: string | undefined;
let lastEnding = '\n';

/** Offset of the first character of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  let index = offset;
  while (index > 0 && text[index - 1] !== '\n') index--;
  return index;
}

/** Offset just past the line break that ends the line holding `offset` (or the end of the text). */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

/** The parser directives' lines (`# escape=`, `# syntax=`): they must stay first. */
function directiveEnd(model: DockerfileModel): number {
  let end = 0;
  for (const directive of model.directives) {
    end = Math.max(end, nextLineStart(model.text, model.document.offsetAt(directive.getRange().end)));
  }
  return end;
}

/**
 * Start of the comment lines directly above an instruction (no blank line between), or of the instruction's line.
 * Never reaches into the parser directives.
 */
export function blockStart(model: DockerfileModel, instruction: InstructionModel): number {
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
export function hasBlankLineBefore(model: DockerfileModel, instruction: InstructionModel): boolean {
  const start = blockStart(model, instruction);
  if (start === 0) return false;
  const previous = lineStart(model.text, start - 1);
  return model.text.slice(previous, start).trim() === '';
}

/** The block's text: comments above the instruction and the instruction itself, without the final line break. */
export function blockText(model: DockerfileModel, instruction: InstructionModel): string {
  return model.text.slice(blockStart(model, instruction), instruction.end);
}

/** Removes an instruction with its comment block and its line break (a blank line before it stays). */
export function removeBlock(model: DockerfileModel, instruction: InstructionModel): OffsetEdit {
  return { start: blockStart(model, instruction), end: nextLineStart(model.text, instruction.end), newText: '' };
}

/** A slice of `text` with edits (offsets in `text`, inside the slice, not overlapping) applied. */
export function sliceWithEdits(text: string, start: number, end: number, edits: readonly OffsetEdit[]): string {
  let result = '';
  let cursor = start;
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (edit.start < cursor || edit.end > end) continue;
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor, end);
}

export interface ListItem {
  readonly start: number;
  readonly end: number;
  readonly keep: boolean;
}

/**
 * Edits that remove the dropped items of a list (words of a command, commands of a chain) and whatever separates
 * them from the next kept item; a trailing run goes together with the separator after the last kept item. Works
 * for blanks, line continuations, `&&`, `;`, line breaks and exec-form commas. Undefined when nothing is kept.
 */
export function removeItems(items: readonly ListItem[]): OffsetEdit[] | undefined {
  if (!items.some((item) => item.keep)) return undefined;
  const edits: OffsetEdit[] = [];
  for (let i = 0; i < items.length; i++) {
    if (items[i].keep) continue;
    let j = i;
    while (j + 1 < items.length && !items[j + 1].keep) j++;
    const next = items[j + 1];
    if (next) edits.push({ start: items[i].start, end: next.start, newText: '' });
    else edits.push({ start: items[i - 1].end, end: items[j].end, newText: '' });
    i = j;
  }
  return edits;
}

/** LSP edits for offset edits. */
export function toTextEdits(model: DockerfileModel, edits: readonly OffsetEdit[]): TextEdit[] {
  return edits.map((edit) => replaceOffsets(model, edit.start, edit.end, edit.newText));
}

/**
 * What joins two consecutive commands of a RUN, read from the text between them with line continuations and comment
 * lines dropped: `&&`, `;`, a line break (heredoc scripts), or `other` (`||`, `|`, `&`, keywords).
 */
export function joinerBetween(model: DockerfileModel, end: number, start: number): '&&' | ';' | 'newline' | 'other' {
  const escape = model.escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const between = model.text.slice(end, start);
  const joined = between.replace(new RegExp(`${escape}[ \\t]*\\r?\\n`, 'g'), ' ').split(/\r?\n/).filter((line) => !/^\s*#/.test(line)).join('\n');
  const operator = joined.trim();
  if (operator === '&&' || operator === ';') return operator;
  if (operator === '' && /\n/.test(joined)) return 'newline';
  return 'other';
}
