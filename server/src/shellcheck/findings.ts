/**
 * ShellCheck's `--format=json1` output → findings of the rule `shellcheck` at exact Dockerfile ranges, with
 * ShellCheck's own fixes as suggestions where every edit maps back to contiguous Dockerfile text. Suppressions
 * (`# alpinist ignore=shellcheck`, `… ignore=SC2086`, `# hadolint ignore=SC2086`) and the configured severity are
 * applied here, as the analysis applies them to every other rule.
 */
import { toRange, type Analysis, type AnalysisOptions, type ResolvedFinding } from '../analysis/analysis';
import type { Suppression } from '../dockerfile/pragmas';
import type { Edit } from '../edits/edits';
import { findRule } from '../rules';
import type { Fix, Rule, Severity } from '../rules/rule';
import type { Span } from '../util/span';
import type { ShellScript } from './scripts';

export const SHELLCHECK_RULE_ID = 'shellcheck';

/**
 * Checks turned off, as hadolint turns them off (hadolint's `src/Hadolint/Shell.hs`, read 2026-12): SC2187 (ash is
 * checked as dash), SC1090 and SC1091 (`source` of a file ShellCheck cannot follow: it cannot see the image).
 */
export const EXCLUDED_CHECKS: readonly number[] = [1090, 1091, 2187];

export type ShellCheckLevel = 'error' | 'warning' | 'info' | 'style';

interface Replacement {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly replacement: string;
}

/** One entry of json1's `comments`. Lines and columns are 1-based; columns count characters, a tab as one. */
export interface ShellCheckComment {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly level: ShellCheckLevel;
  readonly code: number;
  readonly message: string;
  readonly replacements: readonly Replacement[] | undefined;
}

const LEVELS: Record<ShellCheckLevel, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };

/** Reads json1 output; undefined when it is not json1 (the caller reports the run as failed). */
export function parseJson1(output: string): ShellCheckComment[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(output);
  } catch {
    return undefined;
  }
  const comments = (parsed as { comments?: unknown } | null)?.comments;
  if (!Array.isArray(comments)) return undefined;
  const result: ShellCheckComment[] = [];
  for (const entry of comments as unknown[]) {
    const comment = readComment(entry);
    if (comment) result.push(comment);
  }
  return result;
}

function readComment(entry: unknown): ShellCheckComment | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const record = entry as Record<string, unknown>;
  const { line, column, endLine, endColumn, level, code, message } = record;
  if (!isPosition(line) || !isPosition(column) || !isPosition(endLine) || !isPosition(endColumn)) return undefined;
  if (typeof code !== 'number' || typeof message !== 'string' || typeof level !== 'string' || !(level in LEVELS)) return undefined;
  const fix = record.fix as { replacements?: unknown } | null | undefined;
  let replacements: Replacement[] | undefined;
  if (fix && Array.isArray(fix.replacements)) {
    replacements = [];
    for (const item of fix.replacements as unknown[]) {
      const candidate = item as Record<string, unknown> | null;
      if (!candidate || !isPosition(candidate.line) || !isPosition(candidate.column) || !isPosition(candidate.endLine) || !isPosition(candidate.endColumn) || typeof candidate.replacement !== 'string') {
        replacements = undefined;
        break;
      }
      replacements.push({ line: candidate.line, column: candidate.column, endLine: candidate.endLine, endColumn: candidate.endColumn, replacement: candidate.replacement });
    }
  }
  return { line, column, endLine, endColumn, level: level as ShellCheckLevel, code, message, replacements };
}

function isPosition(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/** What one script's ShellCheck run found, mapped to the document, before suppressions and severities. */
export interface MappedComment {
  readonly code: string;
  readonly at: Span;
  readonly message: string;
  readonly severity: Severity;
  readonly docsUrl: string;
  readonly fixes: readonly Fix[];
}

/** Maps a script's comments to Dockerfile spans; comments on the added declarations are dropped. */
export function mapComments(script: ShellScript, comments: readonly ShellCheckComment[], escapeChar: string): MappedComment[] {
  const lines = lineStarts(script.text);
  const result: MappedComment[] = [];
  for (const comment of comments) {
    if (EXCLUDED_CHECKS.includes(comment.code)) continue;
    const start = scriptIndex(script.text, lines, comment.line, comment.column);
    const end = Math.max(start, scriptIndex(script.text, lines, comment.endLine, comment.endColumn));
    const at = findingSpan(script, start, end);
    if (!at) continue;
    const code = `SC${String(comment.code).padStart(4, '0')}`;
    const fixes: Fix[] = [];
    const edits = comment.replacements && comment.replacements.length > 0 ? mapReplacements(script, lines, comment.replacements, escapeChar) : undefined;
    if (edits) fixes.push({ title: `Apply ShellCheck's fix for ${code}`, kind: 'suggestion', edits });
    result.push({ code, at, message: `${code}: ${comment.message}`, severity: LEVELS[comment.level], docsUrl: `https://www.shellcheck.net/wiki/${code}`, fixes });
  }
  return result;
}

/** Offsets in the script where each line starts (ShellCheck splits lines at `\n`). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** The script index of a 1-based line and column, where the column counts Unicode characters (code points). */
function scriptIndex(text: string, lines: readonly number[], line: number, column: number): number {
  if (line > lines.length) return text.length;
  let index = lines[line - 1];
  const lineEnd = line < lines.length ? lines[line] : text.length;
  for (let remaining = column - 1; remaining > 0 && index < lineEnd; remaining--) {
    const code = text.charCodeAt(index);
    index += code >= 0xd800 && code <= 0xdbff && index + 1 < lineEnd ? 2 : 1;
  }
  return index;
}

/** The document span of script characters [start, end); undefined when it starts on the added declarations. */
function findingSpan(script: ShellScript, start: number, end: number): Span | undefined {
  const { offsets, text } = script;
  if (start >= text.length) {
    // Past the end (a parse error at the end of the script): the end of the last mapped character.
    const last = offsets[text.length];
    return last < 0 ? undefined : { start: last, end: last };
  }
  const first = offsets[start];
  if (first < 0) return undefined;
  if (end <= start) return { start: first, end: first };
  let lastIndex = Math.min(end, text.length) - 1;
  while (lastIndex > start && offsets[lastIndex] < 0) lastIndex--;
  return { start: first, end: offsets[lastIndex] + 1 };
}

/**
 * ShellCheck's replacements as document edits, or undefined when one does not map cleanly: it touches the
 * declarations, spans a joined line continuation or a dropped comment line, or would add a line break (or a line
 * continuation) to the Dockerfile.
 */
function mapReplacements(script: ShellScript, lines: readonly number[], replacements: readonly Replacement[], escapeChar: string): Edit[] | undefined {
  const edits: Edit[] = [];
  for (const replacement of replacements) {
    const text = replacement.replacement;
    if (text.includes('\n') || text.includes('\r')) return undefined;
    if (escapeChar !== '\\' ? text.includes(escapeChar) : text.endsWith('\\')) return undefined;
    const start = scriptIndex(script.text, lines, replacement.line, replacement.column);
    const end = scriptIndex(script.text, lines, replacement.endLine, replacement.endColumn);
    const span = contiguousSpan(script, start, end);
    if (!span) return undefined;
    edits.push({ start: span.start, end: span.end, newText: text });
  }
  return edits;
}

/** The document span of script characters [start, end) when they are one unbroken stretch of the document. */
function contiguousSpan(script: ShellScript, start: number, end: number): Span | undefined {
  const { offsets, text } = script;
  if (end > start) {
    const first = offsets[start];
    const last = offsets[end - 1];
    if (first < 0 || last < 0 || last - first !== end - 1 - start) return undefined;
    return { start: first, end: last + 1 };
  }
  // An insertion: between two characters that are neighbours in the document, or at either end of the script.
  const after = start < text.length ? offsets[start] : -1;
  const before = start > 0 ? offsets[start - 1] : -1;
  if (after >= 0 && (before < 0 || before + 1 === after)) return { start: after, end: after };
  if (after < 0 && before >= 0 && start === text.length) return { start: before + 1, end: before + 1 };
  return undefined;
}

/**
 * Findings of the rule `shellcheck` for mapped comments: suppressed ones dropped, severities as configured (a setting
 * for the comment's code, such as `SC2086`, wins over one for `shellcheck`, which wins over ShellCheck's level), `off`
 * giving none. Sorted by position.
 */
export function resolveShellCheckFindings(analysis: Analysis, mapped: readonly MappedComment[], options: AnalysisOptions): ResolvedFinding[] {
  const rule = shellCheckRule();
  const configured = options.ruleSeverities?.[rule.id];
  if (configured === 'off' || (configured === undefined && rule.defaultSeverity === 'off')) return [];
  const suppressions = options.suppressionComments === false ? [] : analysis.suppressions;
  const findings: ResolvedFinding[] = [];
  for (const comment of mapped) {
    if (isSuppressed(suppressions, comment.code, comment.at.start)) continue;
    const forCode = options.ruleSeverities?.[comment.code];
    if (forCode === 'off') continue;
    findings.push({
      ruleId: rule.id,
      rule,
      at: comment.at,
      message: comment.message,
      severity: forCode ?? configured ?? comment.severity,
      docsUrl: comment.docsUrl,
      fixes: comment.fixes,
      range: toRange(analysis.model, comment.at),
    });
  }
  findings.sort((a, b) => a.at.start - b.at.start || a.at.end - b.at.end);
  return findings;
}

function shellCheckRule(): Rule {
  const rule = findRule(SHELLCHECK_RULE_ID);
  if (!rule) throw new Error('The rule `shellcheck` is not registered.');
  return rule;
}

function isSuppressed(suppressions: readonly Suppression[], code: string, offset: number): boolean {
  for (const suppression of suppressions) {
    if (!suppression.target || offset < suppression.target.start || offset >= suppression.target.end) continue;
    for (const { id } of suppression.ids) {
      if (id === code) return true;
      if (suppression.tool === 'alpinist' && (id === SHELLCHECK_RULE_ID || id === 'all')) return true;
    }
  }
  return false;
}
