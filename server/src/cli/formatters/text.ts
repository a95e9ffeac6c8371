/**
 * `file:line:col: severity rule-id: message`, one line per finding, then a summary. On a terminal each finding
 * gets a code frame, and colours unless turned off; with `--fix-dry-run` the diffs come first. Text taken from the
 * Dockerfile is written with its control characters made visible (see terminal.ts).
 */
import type { Range } from 'vscode-languageserver-types';
import type { Severity } from '../../rules/rule';
import { COLOURED, PLAIN, visibleControls, type Style } from '../terminal';
import type { Report } from '.';
import { appendAll } from '../../util/arrays';

/** Lines of a multi-line range shown in a code frame; the rest is elided. */
const FRAME_MAX_LINES = 3;

export function formatText(report: Report): string {
  const style = report.colour ? COLOURED : PLAIN;
  // Why only on a terminal: written to a file or a pipe, the text (a diff for `patch`, above all) stays exact.
  const visible = report.isTerminal ? visibleControls : (text: string) => text;
  const lines: string[] = [];
  const readable = report.results.filter((result) => !result.error);
  for (const result of readable) if (result.diff) appendAll(lines, result.diff.replace(/\n$/, '').split('\n').map(visibleLine(visible)));
  for (const result of readable) {
    // Note: a lone CR ends a line too, as it does for the ranges (LSP's line breaks).
    const sourceLines = report.isTerminal && result.source !== undefined ? result.source.split(/\r\n?|\n/) : undefined;
    const file = visible(result.file);
    for (const finding of result.findings) {
      const { line, character } = finding.range.start;
      const location = style.location(`${file}:${line + 1}:${character + 1}:`);
      lines.push(`${location} ${style.severity(finding.severity, finding.severity)} ${style.ruleId(finding.ruleId)}: ${visible(finding.message)}`);
      if (sourceLines) appendAll(lines, [...codeFrame(sourceLines, finding.range, style, finding.severity), '']);
    }
  }
  const total = readable.reduce((sum, result) => sum + result.findings.length, 0);
  let summary = `${plural(total, 'finding')} in ${plural(readable.length, 'file')}`;
  const fixed = readable.filter((result) => result.fixed).length;
  if (report.fix === 'apply') summary += `; fixed ${plural(fixed, 'file')}`;
  if (report.fix === 'dry-run') summary += ` after fixes; ${plural(fixed, 'file')} would change`;
  lines.push(style.summary(`${summary}.`));
  return lines.join('\n');
}

/**
 * The line before the finding, then its lines marked with `>` and carets under the range:
 *
 *     1 | FROM alpine:3.20
 *   > 2 | RUN apk add curl
 *       |     ^^^^^^^
 */
export function codeFrame(sourceLines: readonly string[], range: Range, style: Style = PLAIN, severity: Severity = 'warning'): string[] {
  // Note: a range that ends at the start of a line (a whole line with its newline) does not mark that line.
  const end = range.end.character === 0 && range.end.line > range.start.line ? { line: range.end.line - 1, character: Infinity } : range.end;
  const first = Math.max(0, range.start.line - 1);
  const last = Math.min(sourceLines.length - 1, end.line, range.start.line + FRAME_MAX_LINES - 1);
  const width = String(last + 1).length;
  const blankGutter = style.gutter(`  ${' '.repeat(width)} |`);
  const frame: string[] = [];
  for (let line = first; line <= last; line++) {
    // Why the same width: each control character becomes one visible symbol, so the carets keep their columns.
    const text = visibleControls(sourceLines[line] ?? '');
    const shown = text.trimEnd();
    const marked = line >= range.start.line;
    const marker = marked ? style.severity(severity, '>') : ' ';
    frame.push(`${marker}${style.gutter(` ${String(line + 1).padStart(width)} |`)}${shown === '' ? '' : ` ${shown}`}`);
    if (!marked) continue;
    const from = line === range.start.line ? range.start.character : 0;
    const to = line === end.line ? Math.min(end.character, text.length) : text.length;
    // Why: tabs keep their width in the caret line, so the carets stay under the code on any tab stop setting.
    const padding = text.slice(0, from).replace(/[^\t]/g, ' ');
    frame.push(`${blankGutter} ${padding}${style.severity(severity, '^'.repeat(Math.max(1, to - from)))}`);
  }
  if (end.line > last) frame.push(`${blankGutter} …`);
  return frame;
}

/** A diff line through `visible`, keeping the carriage return of a CRLF line (not a control to show there). */
function visibleLine(visible: (text: string) => string): (line: string) => string {
  return (line) => (line.endsWith('\r') ? `${visible(line.slice(0, -1))}\r` : visible(line));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
