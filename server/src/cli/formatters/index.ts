/** The report formats: each turns the run's results into the text written to stdout. */
import type { Format } from '../args';
import type { FileResult, JobSettings } from '../types';
import { formatCheckstyle } from './checkstyle';
import { formatCodacy } from './codacy';
import { formatCodeclimate } from './codeclimate';
import { formatGnu } from './gnu';
import { formatJunit } from './junit';
import { formatSonarqube } from './sonarqube';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatText } from './text';

export interface Report {
  /** In the order files were given and discovered; unreadable files carry `error` and no findings. */
  readonly results: readonly FileResult[];
  readonly fix: JobSettings['fix'];
  /**
   * Text only: stdout is a terminal, so each finding gets a code frame (from `source`) and control characters from
   * Dockerfiles are shown as symbols.
   */
  readonly isTerminal: boolean;
  /** Text only: colour the output. */
  readonly colour: boolean;
  /** SARIF locations are relative to it, as code scanning expects paths relative to the repository. */
  readonly cwd: string;
  readonly version: string;
}

const FORMATTERS: Record<Format, (report: Report) => string> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  checkstyle: formatCheckstyle,
  github: formatGithub,
  gitlab: formatGitlab,
  // hadolint's names: its tty is Alpinist's text, its gitlab_codeclimate (GitLab Code Quality) Alpinist's gitlab.
  tty: formatText,
  gitlab_codeclimate: formatGitlab,
  codeclimate: formatCodeclimate,
  gnu: formatGnu,
  junit: formatJunit,
  sonarqube: formatSonarqube,
  codacy: formatCodacy,
};

/** The complete report of a run, ending with a newline unless empty (Code Climate's NUL-separated stream ends as is). */
export function formatReport(format: Format, report: Report): string {
  const output = FORMATTERS[format](report);
  return output === '' || format === 'codeclimate' ? output : `${output}\n`;
}
