/**
 * The one edit vocabulary: document offsets in, `Edit`s out. Rules, the stage split and the fixes all speak it; the
 * protocol boundary (lsp/, cli/) turns edits into line/character ranges.
 * Every helper keeps the shell valid: continuation lines, CRLF and lone CR line breaks, exec form and chain operators.
 */
import type { DockerfileModel, Instruction, RunInstruction } from '../dockerfile/model';
import type { ShellCommand, ShellWord } from '../shell/shellCommand';
import type { Span } from '../util/span';
import { blockStart, isLineBreak, lineEnd, nextLineStart } from './lines';

/** Replace the text in [start, end) with `newText`; all edits of one fix refer to the same original text. */
export interface Edit extends Span {
  readonly newText: string;
}

/** A titled set of edits a finding offers. */
export interface Fix {
  /** Imperative and specific: "Add `--no-cache` to `apk add`". */
  readonly title: string;
  readonly edits: readonly Edit[];
  /** `safe` fixes cannot change what the image does and may be applied on save; `suggestion`s are offered only. */
  readonly kind: 'safe' | 'suggestion';
}

export function replace(span: Span, newText: string): Edit {
  return { start: span.start, end: span.end, newText };
}

export function insertAt(offset: number, newText: string): Edit {
  return { start: offset, end: offset, newText };
}

/** Inserts one more argument after `word`: ` arg` in shell form, `, "arg"` in exec (JSON) form. */
export function insertArgumentAfter(run: RunInstruction, word: ShellWord, argument: string): Edit {
  return insertAt(word.end, run.form === 'exec' ? `, ${JSON.stringify(argument)}` : ` ${argument}`);
}

/**
 * Removes a word and the blanks before it (or after it, when it is first on its line); in exec form, the
 * JSON string together with the comma before it.
 */
export function removeWord(model: DockerfileModel, run: RunInstruction, word: ShellWord): Edit {
  if (run.form === 'exec') {
    const position = run.commands[0]?.words.indexOf(word) ?? -1;
    const previous = position > 0 ? run.commands[0].words[position - 1] : undefined;
    if (previous) return { start: previous.end, end: word.end, newText: '' };
  }
  const text = model.text;
  let start = word.start;
  let end = word.end;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start > 0 && !isLineBreak(text[start - 1])) return { start, end, newText: '' };
  start = word.start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return { start, end, newText: '' };
}

/**
 * The offsets to delete so that `command` disappears from its `&&`/`;` chain and the rest stays valid:
 * from the command to the next command, or, for the last command, from the end of the previous one.
 * Undefined when the command is not a plain top-level step joined by `&&`, `;` or a line break.
 */
export function commandRemoval(run: RunInstruction, command: ShellCommand): Span | undefined {
  const plain = new Set(['&&', ';', 'newline']);
  if (!command.isTopLevel) return undefined;
  const position = run.commands.indexOf(command);
  const next = run.commands[position + 1];
  const previous = run.commands[position - 1];
  if (next && plain.has(command.separatorAfter) && (command.separatorBefore === 'none' || plain.has(command.separatorBefore))) {
    return { start: command.start, end: next.start };
  }
  if (!next && previous && plain.has(command.separatorBefore) && previous.isTopLevel) {
    return { start: previous.end, end: command.end };
  }
  return undefined;
}

/** True when the line starting at `start` is a comment line (its first non-blank character is `#`). */
function isCommentLine(text: string, start: number): boolean {
  let index = start;
  while (text[index] === ' ' || text[index] === '\t') index++;
  return text[index] === '#';
}

/**
 * Removes a whole command from its chain, or undefined when that would not leave valid shell. Comment lines between
 * the command and the next one stay, behind the line continuation that carries them; a last command with comment
 * lines before it is not removed (nothing could carry them).
 */
export function removeCommand(run: RunInstruction, command: ShellCommand): Edit | undefined {
  const span = commandRemoval(run, command);
  if (!span) return undefined;
  // Why: where the shell reads a line break the Dockerfile does not (a lone CR), a command could run on over the
  // heredoc's delimiter; removing it would unclose the heredoc and swallow the rest of the file.
  // A heredoc left open (no delimiter line) has no end the removal could keep to.
  if (run.form === 'heredoc' && !run.heredocs.some(({ contentSpan, delimiterSpan }) => contentSpan && delimiterSpan && contentSpan.start <= span.start && span.end <= contentSpan.end)) return undefined;
  const text = run.text;
  const start = span.start - run.start;
  const end = span.end - run.start;
  // The starts of the lines after the first one inside the removed text.
  const lineStarts: number[] = [];
  for (let index = nextLineStart(text, start); index < end && index > start; index = nextLineStart(text, index)) lineStarts.push(index);
  if (!lineStarts.some((line) => isCommentLine(text, line))) return replace(span, '');
  if (span.end !== run.commands[run.commands.indexOf(command) + 1]?.start) return undefined;
  // Kept: the continuation that ends the command's line, the comment (and blank) lines, the next command's indentation.
  const last = lineStarts[lineStarts.length - 1];
  for (const line of lineStarts.slice(0, -1)) {
    if (!isCommentLine(text, line) && text.slice(line, lineEnd(text, line)).trim() !== '') return undefined;
  }
  let indentationEnd = last;
  while (text[indentationEnd] === ' ' || text[indentationEnd] === '\t') indentationEnd++;
  const comments = text.slice(lineStarts[0], last) + text.slice(last, Math.min(indentationEnd, end));
  // In a heredoc the command's own line goes, line break and all.
  if (run.form === 'heredoc') return replace(span, comments);
  const firstBreak = lineEnd(text, start);
  let continuation = firstBreak;
  while (continuation > start && (text[continuation - 1] === ' ' || text[continuation - 1] === '\t')) continuation--;
  const escape = text[continuation - 1];
  if (escape !== '\\' && escape !== '`') return undefined;
  return replace(span, escape + text.slice(firstBreak, lineStarts[0]) + comments);
}

/** Offsets from the first word of a command to the end of its last word (without redirections). */
export function commandWordsSpan(command: ShellCommand): Span {
  const words = command.words;
  return { start: words[0]?.start ?? command.start, end: words[words.length - 1]?.end ?? command.end };
}

/**
 * Removes a whole instruction with its line: from the start of its first line (when only blanks precede it) through
 * the line break after it; for the last line of a file, the line break before it goes instead.
 */
export function removeInstruction(model: DockerfileModel, instruction: Instruction): Edit {
  const text = model.text;
  let start = instruction.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start > 0 && !isLineBreak(text[start - 1])) start = instruction.start;
  let end = instruction.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  if (text[end] === '\r' && text[end + 1] === '\n') end += 2;
  else if (isLineBreak(text[end])) end++;
  else if (end >= text.length && start > 0) {
    start--;
    if (start > 0 && text[start] === '\n' && text[start - 1] === '\r') start--;
  }
  return { start, end, newText: '' };
}

/** Removes an instruction with the comment lines directly above it and its line break (a blank line before it stays). */
export function removeBlock(model: DockerfileModel, instruction: Instruction): Edit {
  return { start: blockStart(model, instruction), end: nextLineStart(model.text, instruction.end), newText: '' };
}

/** A slice of `text` with edits (offsets in `text`, inside the slice, not overlapping) applied. */
export function sliceWithEdits(text: string, start: number, end: number, edits: readonly Edit[]): string {
  let result = '';
  let cursor = start;
  for (const edit of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (edit.start < cursor || edit.end > end) continue;
    result += text.slice(cursor, edit.start) + edit.newText;
    cursor = edit.end;
  }
  return result + text.slice(cursor, end);
}

export interface ListItem extends Span {
  readonly keep: boolean;
}

/**
 * Edits that remove the dropped items of a list (words of a command, commands of a chain) and whatever separates
 * them from the next kept item; a trailing run goes together with the separator after the last kept item. Works
 * for blanks, line continuations, `&&`, `;`, line breaks and exec-form commas. Undefined when nothing is kept.
 */
export function removeItems(items: readonly ListItem[]): Edit[] | undefined {
  if (!items.some((item) => item.keep)) return undefined;
  const edits: Edit[] = [];
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

/** Thrown by `applyEdits` when two edits overlap: the fix cannot be applied as a whole. */
export class OverlappingEditsError extends Error {
  constructor(readonly first: Edit, readonly second: Edit) {
    super(`Overlapping edits at offsets ${first.start}–${first.end} and ${second.start}–${second.end}`);
  }
}

/**
 * Applies edits that all refer to `text` (LSP semantics). Insertions at the same offset keep their given order.
 * Throws `OverlappingEditsError` rather than apply part of them.
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  if (edits.length === 0) return text;
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index);
  const parts: string[] = [];
  let cursor = 0;
  let previous: Edit | undefined;
  for (const { edit } of sorted) {
    if (edit.start < cursor || edit.end > text.length || edit.start > edit.end) throw new OverlappingEditsError(previous ?? edit, edit);
    parts.push(text.slice(cursor, edit.start), edit.newText);
    cursor = edit.end;
    previous = edit;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}
