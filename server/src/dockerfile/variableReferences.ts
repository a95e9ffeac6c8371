/**
 * The `$NAME` and `${NAME…}` references in a word of an instruction BuildKit expands (ENV, ARG, LABEL, COPY, ADD,
 * WORKDIR, USER, VOLUME, STOPSIGNAL, FROM), with offsets. As BuildKit's word lexer reads them: nothing expands inside
 * single quotes, and the escape character makes the next `$` literal; a line continuation is skipped.
 */
import type { Span } from '../util/span';

export interface VariableReference extends Span {
  readonly name: string;
  /** The span of the name alone. */
  readonly nameSpan: Span;
  /**
   * The modifier of `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}`, `${NAME?err}` … (`:-`, `-`, `:+`, `+`, `:?`,
   * `?`, or `#`, `%` patterns); undefined for `$NAME` and `${NAME}`.
   */
  readonly modifier: string | undefined;
}

const isLetter = (character: string | undefined): boolean =>
  character !== undefined && ((character >= 'A' && character <= 'Z') || (character >= 'a' && character <= 'z') || character === '_');
const isNameStart = isLetter;
const isNamePart = (character: string | undefined): boolean => isLetter(character) || (character !== undefined && character >= '0' && character <= '9');

const MODIFIERS = [':-', ':+', ':?', '##', '%%', '-', '+', '?', '#', '%'];

/**
 * The references in `text[start, end)`. `singleQuotes`: false where quotes are plain characters (exec form's JSON
 * strings). Nested references inside a modifier's word (`${A:-$B}`) are returned too.
 */
export function variableReferences(text: string, start: number, end: number, escapeChar: string, singleQuotes = true): VariableReference[] {
  const references: VariableReference[] = [];
  let inSingle = false;
  let index = start;
  while (index < end) {
    const character = text[index];
    if (character === escapeChar && !inSingle) {
      index += 2;
      continue;
    }
    if (character === "'" && singleQuotes) {
      inSingle = !inSingle;
      index++;
      continue;
    }
    if (character !== '$' || inSingle) {
      index++;
      continue;
    }
    const next = text[index + 1];
    if (isNameStart(next)) {
      let nameEnd = index + 2;
      while (nameEnd < end && isNamePart(text[nameEnd])) nameEnd++;
      references.push({ start: index, end: nameEnd, name: text.slice(index + 1, nameEnd), nameSpan: { start: index + 1, end: nameEnd }, modifier: undefined });
      index = nameEnd;
      continue;
    }
    if (next === '{' && isNameStart(text[index + 2])) {
      let nameEnd = index + 3;
      while (nameEnd < end && isNamePart(text[nameEnd])) nameEnd++;
      const nameSpan = { start: index + 2, end: nameEnd };
      if (text[nameEnd] === '}') {
        references.push({ start: index, end: nameEnd + 1, name: text.slice(nameSpan.start, nameEnd), nameSpan, modifier: undefined });
        index = nameEnd + 1;
        continue;
      }
      const modifier = MODIFIERS.find((candidate) => text.startsWith(candidate, nameEnd) && nameEnd + candidate.length <= end);
      if (modifier === undefined) {
        index = nameEnd;
        continue;
      }
      const close = text.indexOf('}', nameEnd);
      const referenceEnd = close === -1 || close >= end ? end : close + 1;
      references.push({ start: index, end: referenceEnd, name: text.slice(nameSpan.start, nameEnd), nameSpan, modifier });
      // The modifier's word may itself hold references: scan on from after the modifier.
      index = nameEnd + modifier.length;
      continue;
    }
    index++;
  }
  return references;
}
