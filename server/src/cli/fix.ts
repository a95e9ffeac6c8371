/** `--fix` and `--fix-dry-run`: the fixed text of a file, and the unified diff that shows it. */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { AnalysisOptions } from '../analysis/analysis';
import { analyze } from '../analysis/analysis';
import { applyEdits, combineFixes, fixAll } from '../analysis/fixes';
import type { Fix } from '../rules/rule';

/** Re-analyses after each pass, like `fixAll`; a later pass may find what an earlier fix exposed. */
const MAX_PASSES = 10;

/**
 * Applies safe fixes until none is left. With `includeSuggestions`, each finding without a safe fix contributes
 * its first suggestion too; safe fixes are picked first where fixes overlap.
 */
export function fixText(text: string, options: AnalysisOptions, includeSuggestions: boolean): string {
  if (!includeSuggestions) return fixAll(text, options, MAX_PASSES).text;
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const chosen: Fix[] = [];
    const suggestions: Fix[] = [];
    for (const finding of analyze(current, options).findings) {
      const safe = finding.fixes.find((fix) => fix.kind === 'safe');
      if (safe) chosen.push(safe);
      else if (finding.fixes.length > 0) suggestions.push(finding.fixes[0]);
    }
    const edits = combineFixes([...chosen, ...suggestions]);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** A unified diff with three lines of context, `--- name` / `+++ name` headers (apply with `patch -p0`). */
export function unifiedDiff(name: string, before: string, after: string): string {
  return createTwoFilesPatch(name, name, before, after, undefined, undefined, { context: 3, headerOptions: FILE_HEADERS_ONLY });
}
