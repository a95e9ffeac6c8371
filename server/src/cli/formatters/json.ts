/**
 * One entry per file: its findings with ranges (0-based, LSP) and fixes; `fixed`/`diff` with the fix flags. Each
 * finding names its rule's other names (`aliases`: hadolint codes, BuildKit check names) next to its id.
 */
import type { Report } from '.';
import { aliasesOf } from './aliases';

export function formatJson(report: Report): string {
  return JSON.stringify(
    report.results.map((result) => ({
      file: result.file,
      ...(result.error ? { error: result.error } : {}),
      ...(result.fixed !== undefined ? { fixed: result.fixed } : {}),
      ...(result.diff ? { diff: result.diff } : {}),
      findings: result.findings.map((finding) => ({
        ruleId: finding.ruleId,
        aliases: aliasesOf(finding.ruleId),
        severity: finding.severity,
        message: finding.message,
        range: finding.range,
        fixes: finding.fixes.map((fix) => ({ title: fix.title, kind: fix.kind, edits: fix.edits })),
      })),
    })),
    null,
    2,
  );
}
