/** `--fix` and `--fix-dry-run`: the fixed text of a file, and the unified diff that shows it. */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { AnalysisOptions } from '../analysis/analysis';
import { analyze } from '../analysis/analysis';
import { applyEdits, combineFixes, fixAll, pickFixes } from '../analysis/fixes';
import type { Fix } from '../rules/rule';
import { SPLIT_TITLE } from '../split/splitStages';

/** Re-analyses after each pass, like `fixAll`; a later pass may find what an earlier fix exposed. */
const MAX_PASSES = 10;

/** One pass of `fixText`: the text it started from and the fixes it applied to it, with the rule of each. */
export interface FixPass {
  readonly before: string;
  readonly applied: readonly { readonly ruleId: string; readonly fix: Fix }[];
}

/**
 * Applies safe fixes until none is left. With `includeSuggestions`, each finding without a safe fix contributes
 * its first suggestion too; safe fixes are picked first where fixes overlap. A split into compile and runtime stages,
 * when a finding offers one, goes first and alone in its pass. `onPass` hears each pass that changed the text (the
 * property tests check every edit against the text it was made for).
 */
export function fixText(text: string, options: AnalysisOptions, includeSuggestions: boolean, onPass?: (pass: FixPass) => void): string {
  if (!includeSuggestions && !onPass) return fixAll(text, options, MAX_PASSES).text;
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const chosen: Fix[] = [];
    const suggestions: Fix[] = [];
    const ruleOf = new Map<Fix, string>();
    const findings = analyze(current, options).findings;
    // Why the split alone, first: it rewrites whole stages, so any other fix taken with it would push it to a later
    // pass, where it is computed on changed text (or declined); alone, it is the split the editor offers for this file.
    const split = includeSuggestions ? findings.flatMap((finding) => finding.fixes).find((fix) => fix.title === SPLIT_TITLE) : undefined;
    if (split) {
      const next = applyEdits(current, combineFixes([split]));
      if (next !== current) {
        onPass?.({ before: current, applied: [{ ruleId: findings.find((finding) => finding.fixes.includes(split))?.ruleId ?? '', fix: split }] });
        current = next;
        continue;
      }
    }
    for (const finding of findings) {
      for (const fix of finding.fixes) if (!ruleOf.has(fix)) ruleOf.set(fix, finding.ruleId);
      // Without suggestions every safe fix counts, as in `fixAll`; with them, a finding's first safe fix, else its first suggestion.
      if (!includeSuggestions) {
        for (const fix of finding.fixes) if (fix.kind === 'safe') chosen.push(fix);
        continue;
      }
      const safe = finding.fixes.find((fix) => fix.kind === 'safe');
      if (safe) chosen.push(safe);
      else if (finding.fixes.length > 0) suggestions.push(finding.fixes[0]);
    }
    const picked = pickFixes([...chosen, ...suggestions]);
    const edits = picked.flatMap((fix) => fix.edits);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    if (next === current) break;
    onPass?.({ before: current, applied: picked.map((fix) => ({ ruleId: ruleOf.get(fix) ?? '', fix })) });
    current = next;
  }
  return current;
}

/** Context lines around each change. */
const CONTEXT = 3;
/**
 * Above this edit distance (in lines) the library's diff gives up. Why: its Myers diff costs lines × distance, and a
 * fix that touches every line of a 20,000-line file made `--fix-dry-run` take 87 s.
 */
const MAX_EDIT_LENGTH = 2000;

/** A unified diff with three lines of context, `--- name` / `+++ name` headers (apply with `patch -p0`). */
export function unifiedDiff(name: string, before: string, after: string): string {
  const options = { context: CONTEXT, headerOptions: FILE_HEADERS_ONLY };
  const minimal = createTwoFilesPatch(name, name, before, after, undefined, undefined, { ...options, maxEditLength: MAX_EDIT_LENGTH });
  if (minimal !== undefined) return minimal;
  return lineByLineDiff(name, before, after) ?? createTwoFilesPatch(name, name, before, after, undefined, undefined, options);
}

/**
 * The diff of two texts with the same number of lines that differ line by line (what fixes that rewrite words do),
 * in linear time: each changed line is replaced in place. Lines are split at `\n`, as the library and `patch` split
 * them. Undefined when the line counts differ, a text is empty, or only one of them ends with a line break.
 */
export function lineByLineDiff(name: string, before: string, after: string): string | undefined {
  // Why: an empty text has no line at all, and a final line break added or removed changes the last line's form.
  if (before === '' || after === '' || before.endsWith('\n') !== after.endsWith('\n')) return undefined;
  const old = before.split('\n');
  const next = after.split('\n');
  if (old.length !== next.length) return undefined;
  // The last element is what follows the last line break: empty when the text ends with one.
  const count = old.length - (old[old.length - 1] === '' && next[next.length - 1] === '' ? 1 : 0);
  const changed: number[] = [];
  for (let line = 0; line < count; line++) if (old[line] !== next[line]) changed.push(line);
  if (changed.length === 0) return '';
  const hasBreak = (lines: readonly string[], line: number): boolean => line < lines.length - 1;
  const out: string[] = [`--- ${name}\n+++ ${name}\n`];
  const emit = (prefix: string, lines: readonly string[], line: number): void => {
    out.push(`${prefix}${lines[line]}\n`);
    if (!hasBreak(lines, line)) out.push('\\ No newline at end of file\n');
  };
  for (let index = 0; index < changed.length; ) {
    // A hunk: changes closer than two contexts apart share one.
    let last = index;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] <= 2 * CONTEXT) last++;
    const start = Math.max(0, changed[index] - CONTEXT);
    const end = Math.min(count, changed[last] + CONTEXT + 1);
    const size = end - start;
    out.push(`@@ -${start + 1},${size} +${start + 1},${size} @@\n`);
    for (let line = start; line < end; ) {
      if (old[line] === next[line]) {
        emit(' ', old, line);
        line++;
        continue;
      }
      // A run of changed lines: all removals, then all additions, as unified diffs write them.
      let runEnd = line;
      while (runEnd < end && old[runEnd] !== next[runEnd]) runEnd++;
      for (let removed = line; removed < runEnd; removed++) emit('-', old, removed);
      for (let added = line; added < runEnd; added++) emit('+', next, added);
      line = runEnd;
    }
    index = last + 1;
  }
  return out.join('');
}
