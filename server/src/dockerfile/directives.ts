/** Parser directives (`# escape=`, `# syntax=`, `# check=`) and comment lines, with their offsets. */
import type { Comment as AstComment, ParserDirective } from 'dockerfile-ast';
import type { Span } from '../util/span';
import type { Source } from './instructions';

/** A parser directive at the top of the file: `# name=value`. */
export interface Directive extends Span {
  /** As written (BuildKit compares directive names without case). */
  readonly name: string;
  readonly value: string;
  readonly nameSpan: Span;
  readonly valueSpan: Span;
}

/** A comment line: `# text`. */
export interface Comment extends Span {
  /** The text after `#`, trimmed. */
  readonly content: string;
  /** The span of `content`; undefined for an empty comment. */
  readonly contentSpan: Span | undefined;
}

export function readDirectives(source: Source, directives: readonly ParserDirective[]): Directive[] {
  const { document } = source;
  return directives.map((directive) => {
    const range = directive.getRange();
    const nameRange = directive.getNameRange();
    const valueRange = directive.getValueRange();
    const valueStart = document.offsetAt(valueRange.start);
    // Why: dockerfile-ast ends the value at the first blank, but BuildKit reads a directive's value to the end of the
    // line (`# check=skip=A, B`), trimmed.
    let lineEnd = Math.max(valueStart, document.offsetAt(range.end));
    while (lineEnd < source.text.length && source.text[lineEnd] !== '\n' && source.text[lineEnd] !== '\r') lineEnd++;
    const valueEnd = valueStart + source.text.slice(valueStart, lineEnd).trimEnd().length;
    return {
      start: document.offsetAt(range.start),
      end: Math.max(document.offsetAt(range.end), valueEnd),
      name: directive.getName(),
      value: source.text.slice(valueStart, valueEnd),
      nameSpan: { start: document.offsetAt(nameRange.start), end: document.offsetAt(nameRange.end) },
      valueSpan: { start: valueStart, end: valueEnd },
    };
  });
}

export function readComments(source: Source, comments: readonly AstComment[]): Comment[] {
  const { document } = source;
  return comments.map((comment) => {
    const range = comment.getRange();
    const contentRange = comment.getContentRange();
    return {
      start: document.offsetAt(range.start),
      end: document.offsetAt(range.end),
      content: comment.getContent(),
      contentSpan: contentRange ? { start: document.offsetAt(contentRange.start), end: document.offsetAt(contentRange.end) } : undefined,
    };
  });
}

/** The value of the directive `name` (compared without case), if the file has it. */
export function directiveValue(directives: readonly Directive[], name: string): string | undefined {
  return directives.find((directive) => directive.name.toLowerCase() === name)?.value;
}
