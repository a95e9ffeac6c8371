/**
 * `runCli(argv, io)`: arguments and config → files → lint (in process or on workers) → report and exit code.
 * Exit codes: 0 clean, 1 findings at or above the failure threshold, 2 usage, config or I/O errors.
 */
import { version } from '../../../package.json';
import { parseArguments, USAGE, UsageError } from './args';
import { EMPTY_CONFIG, loadConfig, type CliConfig } from '../config/config';
import { ConfigError, findConfigFile, findUserConfigFile } from '../config/configLocation';
import { discoverFiles, STDIN_PATH } from './discovery';
import { formatReport } from './formatters';
import { describeIoError } from '../config/ioError';
import { createProgress } from './progress';
import { meetsThreshold } from '../config/ruleOptions';
import { visibleControls, wantsColour } from './terminal';
import type { CliIo, FileResult, JobSettings, LintJob } from './types';
import { countWorkers, lintAll } from './workers';
import { findExecutable } from '../tools/findExecutable';

export type { CliIo } from './types';

export async function runCli(argv: readonly string[], given: CliIo): Promise<number> {
  // Why: messages name files and paths, which may hold control characters; on a terminal they are shown as symbols.
  const io: CliIo = given.isStderrTTY === true ? { ...given, stderr: (text) => given.stderr(text.split('\n').map(visibleControls).join('\n')) } : given;
  let options: ReturnType<typeof parseArguments>;
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`alpinist: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (options === 'version') {
    io.stdout(`${version}\n`);
    return 0;
  }

  const cwd = process.cwd();
  // Note: a project file is named relative to the current directory ('.hadolint.yaml'), as messages show it; the
  // user's own file, read only when the current directory has none (as hadolint does), by its absolute path.
  const configFile = options.config === null ? undefined : (options.config ?? findConfigFile('.') ?? findUserConfigFile());
  let config: CliConfig = EMPTY_CONFIG;
  try {
    if (configFile) config = loadConfig(configFile);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`alpinist: ${error.message}\n`);
    return 2;
  }
  for (const warning of config.warnings) io.stderr(`alpinist: warning: ${warning}\n`);

  // Note: flags win over the config file; within each, the last setting for a rule wins.
  const threshold = options.threshold ?? config.threshold ?? 'warning';
  // A terminal gets code frames, made from the text each job returns.
  const isTerminal = options.format === 'text' && io.isStdoutTTY === true;
  // Note: without `--shellcheck`, a `shellcheck` on the PATH of the environment given (the entry point passes the
  // process's) is used and its absence is silent; a path given must work.
  const shellcheck = options.shellcheck === null ? undefined : findExecutable(options.shellcheck ?? 'shellcheck', io.env?.PATH ?? '');
  if (options.shellcheck && !shellcheck) {
    io.stderr(`alpinist: --shellcheck ${options.shellcheck}: not an executable file (give an absolute path, or a name to look up on PATH).\n`);
    return 2;
  }
  const settings: JobSettings = {
    rules: { ...config.rules, ...options.rules },
    fix: options.fix,
    fixSuggestions: options.fixSuggestions,
    suppressionComments: !(options.disableIgnorePragma || config.disableIgnorePragma),
    keepSource: isTerminal,
    ...(shellcheck ? { shellcheck } : {}),
  };

  const roots = new Map<string, string>();
  const entries = discoverFiles(options.paths, cwd, roots);
  const jobs: LintJob[] = [];
  const slots: (number | FileResult)[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'string') {
      slots.push({ file: entry.path, findings: [], error: entry.error });
    } else if (entry === STDIN_PATH) {
      try {
        jobs.push({ path: entry, display: options.stdinFilename, text: io.readStdin() });
        slots.push(jobs.length - 1);
      } catch (error) {
        slots.push({ file: options.stdinFilename, findings: [], error: describeIoError(error, options.stdinFilename) });
      }
    } else {
      const within = roots.get(entry);
      jobs.push(within === undefined ? { path: entry, display: entry } : { path: entry, display: entry, within });
      slots.push(jobs.length - 1);
    }
  }

  // The progress line draws with escape sequences of its own, so it writes to the terminal as given.
  const progress = createProgress(jobs.length, io.isStderrTTY === true, given.stderr);
  const linted = await lintAll(jobs, settings, countWorkers(jobs.length, options.jobs), (done) => progress.update(done));
  progress.finish();
  const results = slots.map((slot) => (typeof slot === 'number' ? linted[slot] : slot));

  for (const result of results) {
    if (result.error) io.stderr(`alpinist: ${result.error}\n`);
    if (result.warning) io.stderr(`alpinist: warning: ${result.warning}\n`);
    for (const problem of result.shellcheckProblems ?? []) io.stderr(`alpinist: warning: ${problem}\n`);
    for (const ruleId of result.ruleFailures ?? []) io.stderr(`alpinist: internal error in rule ${ruleId} on ${result.file}; the other rules ran.\n`);
  }
  const colour = options.format === 'text' && wantsColour(options.color, io.env ?? {}, io.isStdoutTTY === true);
  io.stdout(formatReport(options.format, { results, fix: options.fix, isTerminal, colour, cwd, version }));
  if (results.some((result) => result.error)) return 2;
  if (jobs.length === 0) {
    io.stderr(`alpinist: no Dockerfiles found in ${options.paths.join(', ')}\n`);
    return 2;
  }
  return results.some((result) => result.findings.some((finding) => meetsThreshold(finding.severity, threshold))) ? 1 : 0;
}
