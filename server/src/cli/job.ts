/**
 * One file's work: read, fix if asked, analyse, and return plain data. The in-process path and every worker
 * thread run exactly this function, which is why their output cannot differ. A failure is this file's alone: it
 * becomes the file's error, and the other files of the run go on.
 */
import { toTextEdits, type AnalysisOptions, type ResolvedFinding } from '../analysis/analysis';
import { createDocumentLinter } from '../analysis/documentLinter';
import { syntaxFindings } from '../analysis/syntaxFindings';
import { ShellCheckRunner } from '../tools/shellcheckRunner';
import { mergeFindings, shellCheckFindings } from '../tools/shellcheckDocument';
import { describeIoError } from '../config/ioError';
import { readDockerfile, UnreadableFileError, writeFixed, type ReadDockerfile } from './files';
import { readDockerignore } from '../config/dockerignoreFile';
import { fixText, unifiedDiff } from './fix';
import type { FileResult, JobSettings, LintJob, PlainFinding } from './types';
import type { AlpineDataView } from '../knowledge/alpineData';

export async function lintJob(job: LintJob, settings: JobSettings, alpineData?: AlpineDataView): Promise<FileResult> {
  try {
    return await lintFile(job, settings, alpineData);
  } catch (error) {
    return { file: job.display, findings: [], error: `${job.display}: internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

async function lintFile(job: LintJob, settings: JobSettings, alpineData: AlpineDataView | undefined): Promise<FileResult> {
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
  // Why the document linter: it also runs the parser's validator, so the CLI reports the syntax problems the editor shows.
  const { syntax, analysis } = createDocumentLinter().lint(text, options);
  let all: readonly ResolvedFinding[] = byPosition([...syntaxFindings(syntax, analysis, options), ...analysis.findings]);
  const shellcheckProblems: string[] = [];
  if (settings.shellcheck !== undefined) {
    const report = (line: string): void => void shellcheckProblems.push(`${job.display}:${line}`);
    all = mergeFindings(all, await shellCheckFindings(analysis, runnerFor(settings.shellcheck, report), options, report));
  }
  const findings: PlainFinding[] = all.map(({ ruleId, severity, message, range, fixes, tags, docsUrl }) => ({
    ruleId,
    severity,
    message,
    range,
    fixes: fixes.map((fix) => ({ title: fix.title, kind: fix.kind, edits: toTextEdits(analysis.model, fix.edits) })),
    ...(tags ? { tags } : {}),
    ...(docsUrl ? { docsUrl } : {}),
  }));
  return {
    file: job.display,
    findings,
    ...(shellcheckProblems.length > 0 ? { shellcheckProblems } : {}),
    ...(analysis.failures.length > 0 ? { ruleFailures: analysis.failures.map((failure) => failure.ruleId) } : {}),
    ...(settings.keepSource ? { source: text } : {}),
    ...fixed,
  };
}

/** One runner per ShellCheck path for the whole run (per worker thread), so its cache serves every file. */
const runners = new Map<string, ShellCheckRunner>();

function runnerFor(executable: string, report: (line: string) => void): ShellCheckRunner {
  let runner = runners.get(executable);
  if (!runner) {
    // The CLI runs what its user asked for, on files its user named: there is no workspace trust to ask.
    // Note: the runner's own log hears only that ShellCheck gave no version, once, on the first file's report.
    runner = new ShellCheckRunner({ executable, isTrusted: () => true, log: (line) => report(` ${line}`) });
    runners.set(executable, runner);
  }
  return runner;
}

function byPosition(findings: ResolvedFinding[]): ResolvedFinding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
