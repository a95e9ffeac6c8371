/** `«…»` markers in test Dockerfiles: strip them and return the ranges they enclosed. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextEdit } from 'vscode-languageserver-types';

export interface Marked {
  readonly text: string;
  readonly ranges: Range[];
}

export function stripMarkers(marked: string): Marked {
  let text = '';
  const spans: [number, number][] = [];
  const open: number[] = [];
  for (const character of marked) {
    if (character === '«') open.push(text.length);
    else if (character === '»') {
      const start = open.pop();
      if (start === undefined) throw new Error(`Unbalanced » in test code: ${marked}`);
      spans.push([start, text.length]);
    } else text += character;
  }
  if (open.length > 0) throw new Error(`Unbalanced « in test code: ${marked}`);
  const document = TextDocument.create('untitled:test', 'dockerfile', 0, text);
  const ranges = spans
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map(([start, end]) => ({ start: document.positionAt(start), end: document.positionAt(end) }));
  return { text, ranges };
}

export function formatRange(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** Applies protocol edits (line/character ranges), as an editor does. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('untitled:test', 'dockerfile', 0, text), [...edits]);
}
