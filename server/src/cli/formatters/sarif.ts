/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every rule's metadata (description,
 * docs link and page, default level), each finding as a result with its fixes as SARIF `fixes`, and unreadable
 * files as tool execution notifications.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Range } from 'vscode-languageserver-types';
import { docsUri } from '../../config/docs';
import { allRules } from '../../rules';
import type { Rule, Severity } from '../../rules/rule';
import type { Report } from '.';
import { aliasesOf } from './aliases';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SOURCE_ROOT = '%SRCROOT%';
/** SARIF has no hint level; `note` is its lowest one that still shows. */
const LEVELS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(report: Report): string {
  const ruleIndex = new Map(allRules.map((rule, index) => [rule.id, index]));
  const results = report.results.flatMap((result) =>
    result.findings.map((finding) => {
      const artifactLocation = toArtifactLocation(result.file, report.cwd);
      return {
        ruleId: finding.ruleId,
        ruleIndex: ruleIndex.get(finding.ruleId),
        level: LEVELS[finding.severity],
        message: { text: finding.message },
        // Why: CI users grep reports for the hadolint codes (DL3019) and BuildKit names they know.
        properties: { aliases: aliasesOf(finding.ruleId) },
        locations: [{ physicalLocation: { artifactLocation, region: toRegion(finding.range) } }],
        ...(finding.fixes.length > 0
          ? {
              fixes: finding.fixes.map((fix) => ({
                description: { text: fix.title },
                artifactChanges: [{ artifactLocation, replacements: fix.edits.map((edit) => ({ deletedRegion: toRegion(edit.range), insertedContent: { text: edit.newText } })) }],
                properties: { kind: fix.kind },
              })),
            }
          : {}),
      };
    }),
  );
  const notifications = report.results.flatMap((result) => [
    ...(result.error ? [{ level: 'error', message: { text: result.error } }] : []),
    ...(result.ruleFailures ?? []).map((ruleId) => ({ level: 'error', message: { text: `${result.file}: rule ${ruleId} failed; the other rules ran.` } })),
  ]);
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'alpinist', version: report.version, semanticVersion: report.version, rules: allRules.map(toReportingDescriptor) } },
        originalUriBaseIds: { [SOURCE_ROOT]: { uri: `${pathToFileURL(report.cwd).href.replace(/\/$/, '')}/` } },
        columnKind: 'utf16CodeUnits',
        invocations: [{ executionSuccessful: notifications.length === 0, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}) }],
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

function toReportingDescriptor(rule: Rule) {
  const helpUri = docsUri(rule.id);
  const help = readDocsPage(helpUri);
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    helpUri,
    // Why: code scanning shows `help` on the alert page, while the docs URI points into the installed package.
    ...(help ? { help: { text: `${rule.description} Documentation: ${helpUri}`, markdown: help } } : {}),
    defaultConfiguration: rule.defaultSeverity === 'off' ? { enabled: false } : { level: LEVELS[rule.defaultSeverity] },
    properties: { tags: ['dockerfile', ...(rule.hadolint ?? []), ...(rule.buildkit ?? [])], aliases: [...(rule.hadolint ?? []), ...(rule.buildkit ?? [])] },
  };
}

function readDocsPage(uri: string): string | undefined {
  try {
    return readFileSync(fileURLToPath(uri), 'utf8');
  } catch {
    return undefined;
  }
}

/** Relative to the source root when the file is below the current directory (as code scanning needs), else absolute. */
function toArtifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT };
}

/** 1-based lines and columns; SARIF's end column, like LSP's end character, points just past the region. */
function toRegion(range: Range) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}
