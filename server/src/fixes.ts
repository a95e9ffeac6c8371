/** Applying fixes to text: single fixes, and fix-all over the safe fixes of an analysis. */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { analyze, type AnalysisOptions } from './analysis';
import type { Fix } from './rules/rule';

/** Applies non-overlapping edits (LSP semantics: all ranges refer to the original text). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('untitled:fix', 'dockerfile', 0, text), [...edits]);
}

/** Offsets of an edit in `document`. */
function offsetsOf(document: TextDocument, edit: TextEdit): [number, number] {
  return [document.offsetAt(edit.range.start), document.offsetAt(edit.range.end)];
}

/**
 * Picks fixes whose edits overlap neither each other nor fixes picked before, dropping exact duplicates
 * (several findings may carry the same RUN-wide fix). Returns the edits to apply together.
 */
export function combineFixes(text: string, fixes: readonly Fix[]): TextEdit[] {
  const document = TextDocument.create('untitled:fix', 'dockerfile', 0, text);
  const taken: [number, number][] = [];
  const seen = new Set<string>();
  const edits: TextEdit[] = [];
  const overlaps = (a: [number, number], b: [number, number]): boolean =>
    a[0] < b[1] && b[0] < a[1] || (a[0] === a[1] && b[0] < a[0] && a[0] < b[1]) || (b[0] === b[1] && a[0] < b[0] && b[0] < a[1]) ||
    // Why: two insertions at one offset (e.g. two fixes that both add `--no-cache` to the same `apk add`) would both apply.
    (a[0] === a[1] && b[0] === b[1] && a[0] === b[0]);
  for (const fix of fixes) {
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue;
    const spans = fix.edits.map((edit) => offsetsOf(document, edit));
    if (spans.some((span) => taken.some((other) => overlaps(span, other)))) continue;
    seen.add(key);
    taken.push(...spans);
    edits.push(...fix.edits);
  }
  return edits;
}

export interface FixAllResult {
  readonly text: string;
  /** Passes that changed the text. */
  readonly passes: number;
}

/** Applies safe fixes until none is left (at most `maxPasses` analyses), e.g. for `source.fixAll` and `--fix`. */
export function fixAll(text: string, options: AnalysisOptions = {}, maxPasses = 10): FixAllResult {
  let current = text;
  let passes = 0;
  for (; passes < maxPasses; passes++) {
    const analysis = analyze(current, options);
    const safe = analysis.findings.flatMap((finding) => finding.fixes.filter((fix) => fix.kind === 'safe'));
    const edits = combineFixes(current, safe);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
  }
  return { text: current, passes };
}
