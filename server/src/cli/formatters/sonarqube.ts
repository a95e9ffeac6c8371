/**
 * SonarQube's generic issue import format (`--format sonarqube`, as hadolint writes it): `{"issues": [...]}` with an
 * engine id, the rule, a severity and type, and the primary location. Sonar's columns are 0-based, as LSP's are.
 */
import type { Severity } from '../../rules/rule';
import type { Report } from '.';

/** hadolint's mapping: errors are critical bugs, the rest code smells of falling severity. */
const SEVERITIES: Record<Severity, string> = { error: 'CRITICAL', warning: 'MAJOR', info: 'MINOR', hint: 'INFO' };

export function formatSonarqube(report: Report): string {
  const issues = report.results.flatMap((result) =>
    result.error
      ? []
      : result.findings.map((finding) => ({
          engineId: 'Alpinist',
          ruleId: finding.ruleId,
          severity: SEVERITIES[finding.severity],
          type: finding.severity === 'error' ? 'BUG' : 'CODE_SMELL',
          primaryLocation: {
            message: finding.message,
            filePath: result.file,
            textRange: {
              startLine: finding.range.start.line + 1,
              endLine: finding.range.end.line + 1,
              startColumn: finding.range.start.character,
              endColumn: finding.range.end.character,
            },
          },
        })),
  );
  return JSON.stringify({ issues }, null, 2);
}
