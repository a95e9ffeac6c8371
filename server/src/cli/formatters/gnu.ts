/**
 * GNU error format (`--format gnu`): `alpinist:FILE:LINE.COLUMN-LINE.COLUMN: RULE SEVERITY: MESSAGE`, the
 * `program:file:range: message` shape of the GNU Coding Standards ("Formatting Error Messages") that editors and
 * `compile` modes jump to; hadolint writes the same shape with a line only.
 */
import type { Report } from '.';

export function formatGnu(report: Report): string {
  const lines: string[] = [];
  for (const result of report.results) {
    if (result.error) continue;
    for (const finding of result.findings) {
      const { start, end } = finding.range;
      const range = start.line === end.line ? `${start.line + 1}.${start.character + 1}-${end.character + 1}` : `${start.line + 1}.${start.character + 1}-${end.line + 1}.${end.character + 1}`;
      lines.push(`alpinist:${result.file}:${range}: ${finding.ruleId} ${finding.severity}: ${oneLine(finding.message)}`);
    }
  }
  return lines.join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ');
}
