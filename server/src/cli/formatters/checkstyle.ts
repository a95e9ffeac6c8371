/** Checkstyle XML, as hadolint writes it and as Jenkins, reviewdog and GitLab converters read it. */
import type { Severity } from '../../rules/rule';
import type { Report } from '.';

/** Checkstyle has no hint level. */
const LEVELS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info', hint: 'info' };

export function formatCheckstyle(report: Report): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const result of report.results) {
    if (result.error) continue;
    lines.push(`  <file name="${escapeXml(result.file)}">`);
    for (const finding of result.findings) {
      const { line, character } = finding.range.start;
      lines.push(`    <error line="${line + 1}" column="${character + 1}" severity="${LEVELS[finding.severity]}" message="${escapeXml(finding.message)}" source="${escapeXml(finding.ruleId)}"/>`);
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return lines.join('\n');
}

/** Escapes for attribute values; control characters XML 1.0 cannot carry at all become U+FFFD. */
export function escapeXml(text: string): string {
  const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };
  // eslint-disable-next-line no-control-regex -- these are exactly the characters being replaced
  return text.replace(/[&<>"'\n\r\t]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (char) => entities[char] ?? '\uFFFD');
}
