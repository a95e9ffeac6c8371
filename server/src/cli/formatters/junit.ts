/**
 * JUnit XML (`--format junit`), which CI systems show as test results: one test suite per file, one failing test
 * case per finding (named by the rule, its severity as the failure type), and one passing case for a clean file so
 * that it is counted. hadolint writes the same elements.
 */
import type { Report } from '.';
import { escapeXml } from './checkstyle';

export function formatJunit(report: Report): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const result of report.results) {
    const name = escapeXml(result.file);
    if (result.error) {
      errors++;
      tests++;
      suites.push(`  <testsuite name="${name}" tests="1" failures="0" errors="1">`, `    <testcase name="read" classname="${name}">`, `      <error message="${escapeXml(result.error)}"/>`, '    </testcase>', '  </testsuite>');
      continue;
    }
    const count = Math.max(result.findings.length, 1);
    tests += count;
    failures += result.findings.length;
    suites.push(`  <testsuite name="${name}" tests="${count}" failures="${result.findings.length}" errors="0">`);
    if (result.findings.length === 0) suites.push(`    <testcase name="alpinist" classname="${name}"/>`);
    for (const finding of result.findings) {
      const { line, character } = finding.range.start;
      const location = `${result.file}:${line + 1}:${character + 1}`;
      suites.push(
        `    <testcase name="${escapeXml(finding.ruleId)}" classname="${name}">`,
        `      <failure type="${finding.severity}" message="${escapeXml(finding.message)}">${escapeXml(`${location}: ${finding.severity} ${finding.ruleId}: ${finding.message}`)}</failure>`,
        '    </testcase>',
      );
    }
    suites.push('  </testsuite>');
  }
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="alpinist" tests="${tests}" failures="${failures}" errors="${errors}">`, ...suites, '</testsuites>'].join('\n');
}
