/** ShellCheck's findings for one analysed Dockerfile: its scripts through the runner, mapped back and resolved. */
import type { Analysis, AnalysisOptions, ResolvedFinding } from '../analysis/analysis';
import { mapComments, resolveShellCheckFindings, SHELLCHECK_RULE_ID, type MappedComment } from '../shellcheck/findings';
import { shellScriptsOf } from '../shellcheck/scripts';
import type { ShellCheckRunner } from './shellcheckRunner';

/**
 * The findings of the rule `shellcheck` for `analysis`; none (and no process) when the rule is off. A script
 * ShellCheck fails on (a timeout) has none, and `report` hears one line about it. Rejects with
 * `UntrustedWorkspaceError` in an untrusted workspace.
 */
export async function shellCheckFindings(analysis: Analysis, runner: ShellCheckRunner, options: AnalysisOptions, report?: (line: string) => void): Promise<ResolvedFinding[]> {
  if (options.ruleSeverities?.[SHELLCHECK_RULE_ID] === 'off') return [];
  const scripts = shellScriptsOf(analysis.model);
  if (scripts.length === 0) return [];
  const results = await Promise.all(scripts.map((script) => runner.check(script.text, script.dialect, report && ((line) => report(`${analysis.model.document.positionAt(script.run.start).line + 1}: ${line}`)))));
  const mapped: MappedComment[] = [];
  scripts.forEach((script, index) => {
    const comments = results[index];
    if (comments) for (const comment of mapComments(script, comments, analysis.model.escapeChar)) mapped.push(comment);
  });
  return resolveShellCheckFindings(analysis, mapped, options);
}

/** The analysis' findings and ShellCheck's in one list, by position (the analysis' first at equal positions). */
export function mergeFindings(own: readonly ResolvedFinding[], shellcheck: readonly ResolvedFinding[]): ResolvedFinding[] {
  return [...own, ...shellcheck].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
