/**
 * Code Climate engine output (`--format codeclimate`, as hadolint writes it): one JSON issue per finding, each
 * followed by a NUL character, as the Code Climate engine specification asks. Positions carry lines and columns,
 * which the specification allows next to hadolint's lines only.
 */
import type { Severity } from '../../rules/rule';
import type { Report } from '.';
import { fingerprints, repositoryPath } from './gitlab';

/** Code Climate's scale is info, minor, major, critical, blocker; hadolint maps error, warning, info, style so. */
const SEVERITIES: Record<Severity, string> = { error: 'blocker', warning: 'major', info: 'minor', hint: 'info' };

export function formatCodeclimate(report: Report): string {
  const issues: string[] = [];
  for (const result of report.results) {
    if (result.error) continue;
    const path = repositoryPath(result.file, report.cwd);
    const fingerprint = fingerprints(path);
    for (const finding of result.findings) {
      const { start, end } = finding.range;
      issues.push(
        `${JSON.stringify({
          type: 'issue',
          check_name: finding.ruleId,
          description: finding.message,
          categories: ['Bug Risk'],
          location: { path, positions: { begin: { line: start.line + 1, column: start.character + 1 }, end: { line: end.line + 1, column: end.character + 1 } } },
          severity: SEVERITIES[finding.severity],
          fingerprint: fingerprint(finding),
        })}\0`,
      );
    }
  }
  return issues.join('');
}
