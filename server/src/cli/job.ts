/**
 * One file's work: read, fix if asked, analyse, and return plain data. The in-process path and every worker
 * thread run exactly this function, which is why their output cannot differ.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { analyze, toTextEdits, type AnalysisOptions } from '../analysis/analysis';
import { fixText, unifiedDiff } from './fix';
import { describeIoError } from '../config/ioError';
import type { FileResult, JobSettings, LintJob, PlainFinding } from './types';

export function lintJob(job: LintJob, settings: JobSettings): FileResult {
  let original: string;
  try {
    original = job.text ?? readFileSync(job.path, 'utf8');
  } catch (error) {
    return { file: job.display, findings: [], error: describeIoError(error, job.display) };
  }
  const options: AnalysisOptions = { ruleSeverities: settings.rules, suppressionComments: settings.suppressionComments };
  let text = original;
  let fixed: Pick<FileResult, 'fixed' | 'diff'> = {};
  if (settings.fix !== 'off') {
    text = fixText(original, options, settings.fixSuggestions);
    const changed = text !== original;
    fixed = { fixed: changed };
    if (changed && settings.fix === 'dry-run') fixed = { fixed: changed, diff: unifiedDiff(job.display, original, text) };
    if (changed && settings.fix === 'apply') {
      try {
        writeFileSync(job.path, text);
      } catch (error) {
        return { file: job.display, findings: [], error: describeIoError(error, job.display) };
      }
    }
  }
  const analysis = analyze(text, options);
  const findings: PlainFinding[] = analysis.findings.map(({ ruleId, severity, message, range, fixes, tags }) => ({
    ruleId,
    severity,
    message,
    range,
    fixes: fixes.map((fix) => ({ title: fix.title, kind: fix.kind, edits: toTextEdits(analysis.model, fix.edits) })),
    ...(tags ? { tags } : {}),
  }));
  return {
    file: job.display,
    findings,
    ...(analysis.failures.length > 0 ? { ruleFailures: analysis.failures.map((failure) => failure.ruleId) } : {}),
    ...(settings.keepSource ? { source: text } : {}),
    ...fixed,
  };
}
