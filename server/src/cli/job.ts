/**
 * One file's work: read, fix if asked, analyse, and return plain data. The in-process path and every worker
 * thread run exactly this function, which is why their output cannot differ. A failure is this file's alone: it
 * becomes the file's error, and the other files of the run go on.
 */
import { analyze, toTextEdits, type AnalysisOptions } from '../analysis/analysis';
import { describeIoError } from '../config/ioError';
import { readDockerfile, readDockerignore, UnreadableFileError, writeFixed, type ReadDockerfile } from './files';
import { fixText, unifiedDiff } from './fix';
import type { FileResult, JobSettings, LintJob, PlainFinding } from './types';
import type { AlpineDataView } from '../knowledge/alpineData';

export function lintJob(job: LintJob, settings: JobSettings, alpineData?: AlpineDataView): FileResult {
  try {
    return lintFile(job, settings, alpineData);
  } catch (error) {
    return { file: job.display, findings: [], error: `${job.display}: internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function lintFile(job: LintJob, settings: JobSettings, alpineData: AlpineDataView | undefined): FileResult {
  let read: ReadDockerfile | undefined;
  let original: string;
  if (job.text !== undefined) {
    original = job.text.startsWith('\uFEFF') ? job.text.slice(1) : job.text;
  } else {
    try {
      read = readDockerfile(job.path, job.display);
    } catch (error) {
      return { file: job.display, findings: [], error: error instanceof UnreadableFileError ? error.message : describeIoError(error, job.display) };
    }
    original = read.text;
  }
  const dockerignore = job.text === undefined ? readDockerignore(job.path) : undefined;
  const options: AnalysisOptions = { ruleSeverities: settings.rules, suppressionComments: settings.suppressionComments, ruleOptions: settings.ruleOptions, dockerignore, alpineData };
  let text = original;
  let fixed: Pick<FileResult, 'fixed' | 'diff' | 'warning'> = {};
  if (settings.fix !== 'off') {
    const candidate = fixText(original, options, settings.fixSuggestions);
    const changed = candidate !== original;
    fixed = { fixed: changed };
    if (changed && settings.fix === 'dry-run') fixed = { fixed: changed, diff: unifiedDiff(job.display, original, candidate) };
    text = settings.fix === 'dry-run' ? candidate : original;
    if (changed && settings.fix === 'apply' && read) {
      let warning: string | undefined;
      try {
        warning = writeFixed(job.path, job.display, read, candidate, job.within);
      } catch (error) {
        return { file: job.display, findings: [], error: describeIoError(error, job.display) };
      }
      fixed = warning === undefined ? { fixed: true } : { fixed: false, warning };
      if (warning === undefined) text = candidate;
    } else if (changed && settings.fix === 'apply') {
      // Standard input: the fixed text is what the report shows; there is no file to write.
      text = candidate;
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
