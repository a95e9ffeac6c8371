/**
 * A shell segment is the text the shell would see for one part of a RUN instruction (its shell-form body or
 * one heredoc body), with a map from every character back to its offset in the Dockerfile.
 * Why: Dockerfile line continuations and comment lines inside them are removed before the shell runs, but every
 * diagnostic and fix must point at the exact characters in the document.
 */

export interface ShellSegment {
  /** What the shell sees. */
  readonly text: string;
  /** `offsets[i]` is the document offset of `text[i]`; `offsets[text.length]` is the offset just past the end. */
  readonly offsets: ArrayLike<number>;
}

const isBlank = (character: string): boolean => character === ' ' || character === '\t';

/**
 * Joins `document.slice(start, end)` the way Docker does for a shell-form instruction: the escape character
 * followed by optional blanks and a newline continues the line; inside a continuation, lines that are empty or
 * whose first non-blank character is `#` are dropped.
 * Note: the text is built from slices of the document and the offsets in a typed array, as a RUN body is mostly
 * long runs of kept characters; one string and one number per character made most of a lint's garbage.
 */
export function joinContinuationLines(document: string, start: number, end: number, escapeChar: string): ShellSegment {
  const parts: string[] = [];
  const offsets = new Int32Array(Math.max(0, end - start) + 1);
  let length = 0;
  let index = start;
  /** Start of the run of kept characters that ends at `index`. */
  let runStart = start;
  const keepRun = (): void => {
    if (index > runStart) {
      parts.push(document.slice(runStart, index));
      for (let offset = runStart; offset < index; offset++) offsets[length++] = offset;
    }
  };
  let atContinuedLineStart = false;
  while (index < end) {
    if (atContinuedLineStart) {
      const lineEnd = findLineEnd(document, index, end);
      const content = document.slice(index, lineEnd.contentEnd).trim();
      if (content === '' || content.startsWith('#')) {
        if (lineEnd.next >= end) break;
        index = lineEnd.next;
        continue;
      }
      atContinuedLineStart = false;
      runStart = index;
    }
    // Why a search: only the escape character can start a continuation, and most lines have one at most.
    const escape = escapeChar.length === 1 ? document.indexOf(escapeChar, index) : -1;
    if (escape === -1 || escape >= end) {
      index = end;
      break;
    }
    const continuation = matchContinuation(document, escape + 1, end);
    if (continuation !== undefined) {
      index = escape;
      keepRun();
      index = continuation;
      runStart = index;
      atContinuedLineStart = true;
      continue;
    }
    index = escape + 1;
  }
  if (!atContinuedLineStart) keepRun();
  offsets[length] = Math.min(index, end);
  return { text: parts.join(''), offsets: offsets.subarray(0, length + 1) };
}

/** A segment that is a verbatim slice of the document (heredoc bodies: no continuation processing). */
export function verbatimSegment(document: string, start: number, end: number): ShellSegment {
  const offsets = new Int32Array(Math.max(0, end - start) + 1);
  for (let index = 0; index < offsets.length; index++) offsets[index] = start + index;
  return { text: loneCarriageReturnsAsLineFeeds(document.slice(start, end)), offsets };
}

/**
 * A lone CR ends a line for the ranges, the parser and the edits; the shell parser reads only LF (and CRLF) as one, so
 * `apk update\recho hi` in a heredoc was one command running on into the next line (and over the delimiter). An LF in
 * its place has the same length, so every offset stays.
 */
function loneCarriageReturnsAsLineFeeds(text: string): string {
  let result = '';
  let from = 0;
  for (let index = text.indexOf('\r'); index !== -1; index = text.indexOf('\r', index + 1)) {
    if (text[index + 1] === '\n') continue;
    result += `${text.slice(from, index)}\n`;
    from = index + 1;
  }
  return from === 0 ? text : result + text.slice(from);
}

/** If blanks then a line break follow `from`, the offset after the line break. */
function matchContinuation(document: string, from: number, end: number): number | undefined {
  let index = from;
  while (index < end && isBlank(document[index])) index++;
  if (index >= end) return undefined;
  if (document[index] === '\n') return index + 1;
  if (document[index] === '\r' && document[index + 1] === '\n') return index + 2;
  if (document[index] === '\r') return index + 1;
  return undefined;
}

function findLineEnd(document: string, from: number, end: number): { contentEnd: number; next: number } {
  let index = from;
  while (index < end && document[index] !== '\n' && document[index] !== '\r') index++;
  const contentEnd = index;
  if (document[index] === '\r' && document[index + 1] === '\n') index += 2;
  else if (index < end) index++;
  return { contentEnd, next: index };
}
