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
import type { Range } from 'vscode-languageserver-types';
import type { Severity } from '../../rules/rule';
import type { PlainFinding } from '../types';
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
    const fingerprint = fingerprints(location);
    for (const finding of result.findings) {
      const { start } = finding.range;
      issues.push({
        description: finding.message,
        check_name: finding.ruleId,
        fingerprint: fingerprint(finding),
        severity: SEVERITIES[finding.severity],
        location: { path: location, lines: { begin: start.line + 1, end: lastLine(finding.range) } },
      });
    }
  }
  return JSON.stringify(issues, null, 2);
}

/**
 * Fingerprints for the findings of one file, in order: the rule, the message and how many identical findings came
 * before, never the line, so a finding keeps its fingerprint when lines above it change.
 */
export function fingerprints(location: string): (finding: PlainFinding) => string {
  const seen = new Map<string, number>();
  return (finding) => {
    const key = `${location}\0${finding.ruleId}\0${finding.message}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32);
  };
}

/** The 1-based last line of a range; an LSP range that ends at character 0 ends on the line before. */
export function lastLine({ start, end }: Range): number {
  return end.line > start.line && end.character === 0 ? end.line : end.line + 1;
}

/** The file relative to the current directory (where CI runs), with forward slashes; absolute when outside it. */
export function repositoryPath(file: string, cwd: string): string {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}
