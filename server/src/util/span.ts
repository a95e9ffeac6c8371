/** Document offsets: the vocabulary of every range below the protocol boundary. */

/** A range of document offsets, [start, end). Words, commands, instructions, tokens and flags are all spans. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The span from the start of `first` to the end of `last`. */
export function spanOf(first: Span, last: Span = first): Span {
  return { start: first.start, end: last.end };
}

/** True when `offset` lies inside `span` (its end excluded). */
export function containsOffset(span: Span, offset: number): boolean {
  return span.start <= offset && offset < span.end;
}
