/** Edit builders shared by rules: offsets in, LSP TextEdits out, plus removal of whole shell commands. */
import type { TextEdit } from 'vscode-languageserver-types';
import { toRange, type DockerfileModel, type RunModel } from '../dockerfile/model';
import type { ShellCommand, ShellWord } from '../shell/shellCommand';

export function replaceOffsets(model: DockerfileModel, start: number, end: number, newText: string): TextEdit {
  return { range: toRange(model, start, end), newText };
}

export function insertAt(model: DockerfileModel, offset: number, newText: string): TextEdit {
  return replaceOffsets(model, offset, offset, newText);
}

/** Inserts one more argument after `word`: ` arg` in shell form, `, "arg"` in exec (JSON) form. */
export function insertArgumentAfter(model: DockerfileModel, run: RunModel, word: ShellWord, argument: string): TextEdit {
  return insertAt(model, word.end, run.form === 'exec' ? `, ${JSON.stringify(argument)}` : ` ${argument}`);
}

/**
 * Removes a word and the blanks before it (or after it, when it is first on its line); in exec form, the
 * JSON string together with the comma before it.
 */
export function removeWord(model: DockerfileModel, run: RunModel, word: ShellWord): TextEdit {
  if (run.form === 'exec') {
    const position = run.commands[0]?.words.indexOf(word) ?? -1;
    const previous = position > 0 ? run.commands[0].words[position - 1] : undefined;
    if (previous) return replaceOffsets(model, previous.end, word.end, '');
  }
  const text = model.text;
  let start = word.start;
  let end = word.end;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') return replaceOffsets(model, start, end, '');
  start = word.start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return replaceOffsets(model, start, end, '');
}

/**
 * The offsets to delete so that `command` disappears from its `&&`/`;` chain and the rest stays valid:
 * from the command to the next command, or, for the last command, from the end of the previous one.
 * Undefined when the command is not a plain top-level step joined by `&&`, `;` or a line break.
 */
export function commandRemovalOffsets(run: RunModel, command: ShellCommand): { start: number; end: number } | undefined {
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
