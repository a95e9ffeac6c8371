/**
 * GitLab Code Quality: the JSON array GitLab reads from a job's `artifacts:reports:codequality` file and shows in
 * merge requests (a subset of the Code Climate issue format: description, check_name, fingerprint, severity,
 * location with a path relative to the repository and the first line).
 * Why the fingerprint hashes the message and not the line: GitLab compares fingerprints between the merge request
 * and its target branch to tell new findings from old ones, so a finding must keep its fingerprint when lines above
 * it are added or removed; the number of earlier identical findings in the file keeps each one distinct.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Severity } from '../../rules/rule';
import type { Report } from '.';

/** GitLab's scale is info, minor, major, critical, blocker; Alpinist's errors are broken builds or images. */
const SEVERITIES: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

interface CodeQualityIssue {
  readonly description: string;
  readonly check_name: string;
  readonly fingerprint: string;
  readonly severity: string;
  readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end: number } };
}

export function formatGitlab(report: Report): string {
  const issues: CodeQualityIssue[] = [];
  for (const result of report.results) {
    if (result.error) continue;
    const location = repositoryPath(result.file, report.cwd);
    const seen = new Map<string, number>();
    for (const finding of result.findings) {
      const key = `${location}\0${finding.ruleId}\0${finding.message}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      const { start, end } = finding.range;
      // Note: an LSP range that ends at character 0 ends on the line before.
      const endLine = end.line > start.line && end.character === 0 ? end.line : end.line + 1;
      issues.push({
        description: finding.message,
        check_name: finding.ruleId,
        fingerprint: createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32),
        severity: SEVERITIES[finding.severity],
        location: { path: location, lines: { begin: start.line + 1, end: endLine } },
      });
    }
  }
  return JSON.stringify(issues, null, 2);
}

/** The file relative to the current directory (where CI runs), with forward slashes; absolute when outside it. */
function repositoryPath(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}
