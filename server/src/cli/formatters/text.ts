/**
 * `file:line:col: severity rule-id: message`, one line per finding, then a summary. On a terminal each finding
 * gets a code frame; with `--fix-dry-run` the diffs come first.
 */
import type { Range } from 'vscode-languageserver-types';
import type { Report } from '.';

/** Lines of a multi-line range shown in a code frame; the rest is elided. */
const FRAME_MAX_LINES = 3;

export function formatText(report: Report): string {
  const lines: string[] = [];
  const readable = report.results.filter((result) => !result.error);
  for (const result of readable) if (result.diff) lines.push(result.diff.replace(/\n$/, ''));
  for (const result of readable) {
    const sourceLines = report.codeFrame && result.source !== undefined ? result.source.split(/\r?\n/) : undefined;
    for (const finding of result.findings) {
      const { line, character } = finding.range.start;
      lines.push(`${result.file}:${line + 1}:${character + 1}: ${finding.severity} ${finding.ruleId}: ${finding.message}`);
      if (sourceLines) lines.push(...codeFrame(sourceLines, finding.range), '');
    }
  }
  const total = readable.reduce((sum, result) => sum + result.findings.length, 0);
  let summary = `${plural(total, 'finding')} in ${plural(readable.length, 'file')}`;
  const fixed = readable.filter((result) => result.fixed).length;
  if (report.fix === 'apply') summary += `; fixed ${plural(fixed, 'file')}`;
  if (report.fix === 'dry-run') summary += ` after fixes; ${plural(fixed, 'file')} would change`;
  lines.push(`${summary}.`);
  return lines.join('\n');
}

/**
 * The line before the finding, then its lines marked with `>` and carets under the range:
 *
 *     1 | FROM alpine:3.20
 *   > 2 | RUN apk add curl
 *       |     ^^^^^^^
 */
export function codeFrame(sourceLines: readonly string[], range: Range): string[] {
  // Note: a range that ends at the start of a line (a whole line with its newline) does not mark that line.
  const end = range.end.character === 0 && range.end.line > range.start.line ? { line: range.end.line - 1, character: Infinity } : range.end;
  const first = Math.max(0, range.start.line - 1);
  const last = Math.min(sourceLines.length - 1, end.line, range.start.line + FRAME_MAX_LINES - 1);
  const width = String(last + 1).length;
  const frame: string[] = [];
  for (let line = first; line <= last; line++) {
    const text = sourceLines[line] ?? '';
    const marked = line >= range.start.line;
    frame.push(`${marked ? '>' : ' '} ${String(line + 1).padStart(width)} | ${text}`.trimEnd());
    if (!marked) continue;
    const from = line === range.start.line ? range.start.character : 0;
    const to = line === end.line ? Math.min(end.character, text.length) : text.length;
    // Why: tabs keep their width in the caret line, so the carets stay under the code on any tab stop setting.
    const padding = text.slice(0, from).replace(/[^\t]/g, ' ');
    frame.push(`  ${' '.repeat(width)} | ${padding}${'^'.repeat(Math.max(1, to - from))}`);
  }
  if (end.line > last) frame.push(`  ${' '.repeat(width)} | …`);
  return frame;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
