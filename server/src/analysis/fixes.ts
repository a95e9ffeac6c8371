/** Applying fixes to text: single fixes, and fix-all over the safe fixes of an analysis. */
import { applyEdits, type Edit, type Fix } from '../edits/edits';
import { prefixLength } from '../util/prefixLength';
import { analyze, type AnalysisOptions } from './analysis';

export { applyEdits } from '../edits/edits';

/**
 * Picks fixes whose edits overlap neither each other nor fixes picked before, dropping exact duplicates
 * (several findings may carry the same RUN-wide fix). Returns the edits to apply together.
 */
export function combineFixes(fixes: readonly Fix[]): Edit[] {
  const edits: Edit[] = [];
  for (const fix of pickFixes(fixes)) for (const edit of fix.edits) edits.push(edit);
  return edits;
}

/** The fixes `combineFixes` applies together, in the order given: the first of any overlapping ones wins. */
export function pickFixes(fixes: readonly Fix[]): Fix[] {
  // Why sorted by start, with binary search: a long RUN can carry thousands of fixes, and comparing each with every
  // span taken before made fix-all quadratic (tens of seconds on a 100,000-character RUN).
  const taken: [number, number][] = [];
  const seenFixes = new Set<Fix>();
  const seenKeys = new Set<string>();
  const picked: Fix[] = [];
  const overlaps = (a: [number, number], b: [number, number]): boolean =>
    // Why `<=`: an insertion at the start of another edit's range is only valid when it comes first, and the fix
    // order does not say which text goes first; leave it to the next pass.
    a[0] < b[1] && b[0] < a[1] || (a[0] === a[1] && b[0] <= a[0] && a[0] < b[1]) || (b[0] === b[1] && a[0] <= b[0] && b[0] < a[1]) ||
    // Why: two insertions at one offset (e.g. two fixes that both add `--no-cache` to the same `apk add`) would both apply.
    (a[0] === a[1] && b[0] === b[1] && a[0] === b[0]);
  /** Index of the first taken span that starts at or after `offset`. */
  const firstFrom = (offset: number): number => prefixLength(taken, (span) => span[0] < offset);
  // Taken spans do not overlap one another, so only the last one starting before `span` and those starting inside it can.
  const overlapsTaken = (span: [number, number]): boolean => {
    let index = firstFrom(span[0]);
    if (index > 0 && overlaps(span, taken[index - 1])) return true;
    for (; index < taken.length && taken[index][0] <= span[1]; index++) if (overlaps(span, taken[index])) return true;
    return false;
  };
  for (const fix of fixes) {
    if (seenFixes.has(fix)) continue;
    seenFixes.add(fix);
    const key = JSON.stringify(fix.edits);
    if (seenKeys.has(key)) continue;
    const spans = fix.edits.map((edit): [number, number] => [edit.start, edit.end]);
    // Why: a fix whose own edits overlap cannot be applied as a whole; it is refused rather than half-applied.
    if (overlapsItself(spans) || spans.some(overlapsTaken)) continue;
    seenKeys.add(key);
    for (const span of spans) taken.splice(firstFrom(span[0]), 0, span);
    picked.push(fix);
  }
  return picked;
}

/** True when two spans of one fix overlap (as `combineFixes` defines overlap), or a span is reversed. */
function overlapsItself(spans: readonly [number, number][]): boolean {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (let index = 0; index < sorted.length; index++) {
    const [start, end] = sorted[index];
    if (start > end) return true;
    const next = sorted[index + 1];
    if (next && next[0] < end) return true;
  }
  return false;
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
    const edits = combineFixes(safe);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
  }
  return { text: current, passes };
}
