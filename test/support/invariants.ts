/**
 * The invariants every analysis must keep, whatever the input: no rule throws, every range lies inside the
 * document, every fix applies, re-parses, removes its own finding and adds no syntax error, and fix-all reaches a
 * fixed point. Shared by the property tests and the corpus test; failures throw with the text that broke them.
 */
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import type { Position, Range } from 'vscode-languageserver-types';
import { analyze, toRange, type Analysis, type AnalysisOptions, type ResolvedFinding } from '../../server/src/analysis/analysis';
import { getDockerfileService } from '../../server/src/dockerfile/languageService';
import { computeCodeActions } from '../../server/src/lsp/features/codeActions';
import { toDiagnostic } from '../../server/src/lsp/features/diagnostics';
import { computeAlpinistHover } from '../../server/src/lsp/features/hover';
import { applyEdits, fixAll } from '../../server/src/analysis/fixes';
import { allRules } from '../../server/src/rules';
import type { Edit, Fix } from '../../server/src/rules/rule';
import { TEST_TODAY } from './ruleTester';

/** Every rule on (the off-by-default ones at `info`), with the fixed test date. */
export const EVERY_RULE_ON: AnalysisOptions = {
  ruleSeverities: Object.fromEntries(allRules.filter((rule) => rule.defaultSeverity === 'off').map((rule) => [rule.id, 'info' as const])),
  today: TEST_TODAY,
};

/**
 * Syntax errors as the editor shows them: dockerfile-language-service `validate()` errors; undefined when the library
 * itself throws (dockerfile-ast 0.7.1 recurses forever on some inputs, e.g. `\tRUN [ $A; \\` at the end of a file).
 */
export function syntaxErrorCount(text: string): number | undefined {
  try {
    return getDockerfileService().validate(text).filter((diagnostic) => diagnostic.severity === 1).length;
  } catch {
    return undefined;
  }
}

/** True when `after` is known to have more syntax errors than `before`. */
function addsSyntaxError(before: number | undefined, after: number | undefined): boolean {
  return before !== undefined && after !== undefined && after > before;
}

/** Prints a string short enough for an assertion message, with control characters visible. */
export function excerpt(text: string, limit = 600): string {
  const shown = text.length > limit ? `${text.slice(0, limit)}… (${text.length} chars)` : text;
  return JSON.stringify(shown);
}

/** The lengths of the document's lines without their line breaks (`\n`, `\r\n` and a lone `\r` end a line, as in LSP). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.length);
}

function isInside(lengths: readonly number[], position: Position): boolean {
  return Number.isInteger(position.line) && Number.isInteger(position.character) && position.line >= 0 && position.character >= 0 &&
    position.line < lengths.length && position.character <= lengths[position.line];
}

function assertRangeInside(lengths: readonly number[], range: Range, what: string, text: string): void {
  assert.ok(isInside(lengths, range.start) && isInside(lengths, range.end), `${what}: range ${JSON.stringify(range)} is outside the document ${excerpt(text)}`);
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what}: range ${JSON.stringify(range)} ends before it starts in ${excerpt(text)}`);
}

/** Worst analysis times seen, by category, printed by `reportWorstTimes`. */
const worstTimes = new Map<string, { ms: number; chars: number; lines: number }>();

export function recordTime(category: string, ms: number, text: string): void {
  const previous = worstTimes.get(category);
  if (!previous || ms > previous.ms) worstTimes.set(category, { ms, chars: text.length, lines: lineLengths(text).length });
}

export function reportWorstTimes(title: string, categories: readonly string[]): void {
  const rows = categories.flatMap((category) => {
    const worst = worstTimes.get(category);
    return worst ? [`    ${category}: ${worst.ms.toFixed(1)} ms (${worst.chars.toLocaleString('en')} chars, ${worst.lines.toLocaleString('en')} lines)`] : [];
  });
  if (rows.length > 0) console.log(`\n  ${title} — worst-case analysis time:\n${rows.join('\n')}`);
}

/** Analyses `text` and checks that no rule threw and that every finding's and every edit's range is inside the document. */
export function checkAnalysis(text: string, category: string, options: AnalysisOptions = EVERY_RULE_ON): Analysis {
  const started = performance.now();
  const analysis = analyze(text, options);
  recordTime(category, performance.now() - started, text);
  assert.deepEqual(analysis.failures, [], `a rule threw on ${excerpt(text)}`);
  const lengths = lineLengths(text);
  for (const finding of analysis.findings) {
    assertRangeInside(lengths, finding.range, finding.ruleId, text);
    for (const fix of finding.fixes) {
      for (const edit of fix.edits) assertRangeInside(lengths, toRange(analysis.model, edit), `${finding.ruleId} fix "${fix.title}"`, text);
    }
  }
  return analysis;
}

/** The LSP features that read an analysis (diagnostics, code actions, hovers) answer without throwing. */
export function checkFeatures(analysis: Analysis, options: AnalysisOptions = EVERY_RULE_ON): void {
  const uri = 'file:///property/Dockerfile';
  const diagnostics = analysis.findings.map(toDiagnostic);
  const whole = { start: { line: 0, character: 0 }, end: analysis.model.document.positionAt(analysis.model.text.length) };
  computeCodeActions(uri, analysis, { textDocument: { uri }, range: whole, context: { diagnostics } }, options);
  for (const finding of analysis.findings) computeAlpinistHover(analysis, finding.range.start, options.today ?? TEST_TODAY);
}

/** Start offset of a finding after `edits` moved the text before it. */
function shiftedOffset(offset: number, edits: readonly Edit[]): number {
  let shift = 0;
  for (const edit of edits) {
    const { start, end } = edit;
    if (end <= offset) shift += edit.newText.length - (end - start);
    else if (start <= offset) return start + shift;
  }
  return offset + shift;
}

/**
 * Applies each fix of each finding alone and checks that it changes the text, the result analyses without a rule
 * failure, has no more syntax errors than before, and no longer has the finding the fix was offered for.
 */
export function checkFixes(text: string, analysis: Analysis, options: AnalysisOptions = EVERY_RULE_ON): number {
  let checked = 0;
  const errorsBefore = syntaxErrorCount(text);
  const seen = new Set<string>();
  for (const finding of analysis.findings) {
    for (const fix of finding.fixes) {
      const key = `${finding.ruleId}\u0000${finding.message}\u0000${JSON.stringify(finding.range)}\u0000${JSON.stringify(fix.edits)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      checkFix(text, analysis, finding, fix, errorsBefore, options);
      checked++;
    }
  }
  return checked;
}

function checkFix(text: string, analysis: Analysis, finding: ResolvedFinding, fix: Fix, errorsBefore: number | undefined, options: AnalysisOptions): void {
  const what = `${finding.ruleId}: ${fix.kind} fix "${fix.title}" on ${excerpt(text)}`;
  let fixed = '';
  assert.doesNotThrow(() => {
    fixed = applyEdits(text, fix.edits);
  }, `${what} does not apply`);
  assert.notEqual(fixed, text, `${what} changes nothing`);
  const after = analyze(fixed, options);
  assert.deepEqual(after.failures, [], `${what}: a rule threw on the fixed text ${excerpt(fixed)}`);
  assert.ok(!addsSyntaxError(errorsBefore, syntaxErrorCount(fixed)), `${what} adds a syntax error: ${excerpt(fixed)}`);
  // Why: an equal finding may move into the place of the one the fix removed (`rm … && rm …`), so compare how many
  // equal findings sit at the fixed finding's new place before and after.
  const document = analysis.model.document;
  const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
  const isEqual = (other: ResolvedFinding): boolean => other.ruleId === finding.ruleId && other.message === finding.message;
  const moved = (other: ResolvedFinding): number => shiftedOffset(document.offsetAt(other.range.start), sorted);
  const place = moved(finding);
  const before = analysis.findings.filter((other) => isEqual(other) && moved(other) === place).length;
  const remaining = after.findings.filter((other) => isEqual(other) && after.model.document.offsetAt(other.range.start) === place).length;
  assert.ok(remaining < before, `${what} leaves its own finding in ${excerpt(fixed)}`);
}

/** Safe fixes still offered by an analysis, as `rule: title` strings. */
export function safeFixesOf(analysis: Analysis): string[] {
  return analysis.findings.flatMap((finding) => finding.fixes.filter((fix) => fix.kind === 'safe').map((fix) => `${finding.ruleId}: ${fix.title}`));
}

/** Fix-all, then one more analysis: it must offer no safe fix, and the fixed text must not gain syntax errors. */
export function checkFixAll(text: string, options: AnalysisOptions = EVERY_RULE_ON): string {
  const result = fixAll(text, options);
  if (result.text === text) return text;
  const again = checkAnalysis(result.text, 'fix-all result', options);
  assert.deepEqual(safeFixesOf(again), [], `fix-all does not reach a fixed point on ${excerpt(text)}\nresult ${excerpt(result.text)}`);
  assert.ok(!addsSyntaxError(syntaxErrorCount(text), syntaxErrorCount(result.text)), `fix-all adds a syntax error: ${excerpt(text)} → ${excerpt(result.text)}`);
  return result.text;
}
