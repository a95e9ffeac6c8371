/**
 * GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding, which the runner turns
 * into annotations on the pull request.
 */
import type { Severity } from '../../rules/rule';
import type { Report } from '.';
import { visibleControls } from '../terminal';

/** Workflow commands have three levels. */
const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

export function formatGithub(report: Report): string {
  const lines: string[] = [];
  for (const result of report.results) {
    if (result.error) continue;
    for (const finding of result.findings) {
      const { start, end } = finding.range;
      const properties = [`file=${escapeProperty(result.file)}`, `line=${start.line + 1}`, `col=${start.character + 1}`];
      // Note: endColumn is inclusive and only meaningful on a single line; LSP's end character is exclusive.
      if (end.line === start.line && end.character > start.character) properties.push(`endColumn=${end.character}`);
      else if (end.line > start.line) properties.push(`endLine=${end.character === 0 ? end.line : end.line + 1}`);
      properties.push(`title=${escapeProperty(finding.ruleId)}`);
      lines.push(`::${COMMANDS[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`);
    }
  }
  return lines.join('\n');
}

/**
 * The runner's escaping for the message part, then every other control character shown as a visible symbol. Why:
 * messages and file names quote the Dockerfile and its path, and an ESC would reach the log viewer as is.
 */
function escapeData(text: string): string {
  return visibleControls(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** The message escaping plus the property separators `:` and `,`. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
