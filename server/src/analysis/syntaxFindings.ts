/**
 * The parser's syntax diagnostics as findings of the `dockerfile-syntax` rule, for front ends that report findings
 * only (the CLI): same ranges and messages as the editor shows, the rule's configured severity when there is one.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { findRule } from '../rules';
import type { Severity } from '../rules/rule';
import { resolveSeverity, type Analysis, type AnalysisOptions, type ResolvedFinding } from './analysis';

const BY_LEVEL: Readonly<Record<number, Severity>> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export function syntaxFindings(syntax: readonly Diagnostic[], analysis: Analysis, options: AnalysisOptions): ResolvedFinding[] {
  const rule = findRule('dockerfile-syntax');
  if (!rule || syntax.length === 0) return [];
  const configured = resolveSeverity(rule, options);
  if (configured === 'off') return [];
  const explicit = options.ruleSeverities?.[rule.id] !== undefined;
  const document = analysis.model.document;
  return syntax.map((diagnostic) => {
    const text = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
    return {
      ruleId: rule.id,
      rule,
      at: { start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) },
      range: diagnostic.range,
      message: text.endsWith('.') ? text : `${text}.`,
      fixes: [],
      severity: explicit ? configured : (BY_LEVEL[diagnostic.severity ?? 1] ?? 'error'),
    };
  });
}
