/** The diagnostic contract, enforced in one place: source, code, docs link, severity, tags, data. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ResolvedFinding } from '../../analysis/analysis';
import type { Severity } from '../../rules/rule';
import { docsUri } from '../../config/docs';

export const DIAGNOSTIC_SOURCE = 'alpinist';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What `Diagnostic.data` carries: only the rule id. */
export interface DiagnosticData {
  readonly ruleId: string;
}

export function toDiagnostic(finding: ResolvedFinding): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.ruleId,
    codeDescription: { href: finding.docsUrl ?? docsUri(finding.ruleId) },
    message: finding.message,
    data: { ruleId: finding.ruleId } satisfies DiagnosticData,
  };
  if (finding.tags && finding.tags.length > 0) diagnostic.tags = [...finding.tags];
  return diagnostic;
}

/** True when two ranges are equal. */
export function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
