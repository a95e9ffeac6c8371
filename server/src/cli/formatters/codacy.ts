/** Codacy's tool output (`--format codacy`, as hadolint writes it): one JSON object per line and finding. */
import type { Report } from '.';

export function formatCodacy(report: Report): string {
  const lines: string[] = [];
  for (const result of report.results) {
    if (result.error) continue;
    for (const finding of result.findings) {
      lines.push(JSON.stringify({ filename: result.file, patternId: finding.ruleId, message: finding.message, line: finding.range.start.line + 1 }));
    }
  }
  return lines.join('\n');
}
