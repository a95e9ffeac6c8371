/**
 * `runCli(argv, io)`: arguments and config → files → lint (in process or on workers) → report and exit code.
 * Exit codes: 0 clean, 1 findings at or above the failure threshold, 2 usage, config or I/O errors.
 */
import { version } from '../../../package.json';
import { writeFileSync } from 'node:fs';
import { isFormat, parseArguments, USAGE, UsageError, type Format } from './args';
import { readEnvironment } from './environment';
import { EMPTY_CONFIG, loadConfig, type CliConfig } from '../config/config';
import { ConfigError, findConfigFile, findUserConfigFile } from '../config/configLocation';
import { discoverFiles, STDIN_PATH } from './discovery';
import { anyGlobMatcher } from '../util/glob';
import { formatReport } from './formatters';
import { describeIoError } from '../config/ioError';
import { createProgress } from './progress';
import { combineSeverities, meetsThreshold } from '../config/severities';
import { visibleControls, wantsColour } from './terminal';
import type { CliIo, FileResult, JobSettings, LintJob } from './types';
import os from 'node:os';
import type { CliOptions } from './args';
import { readDockerfile } from './files';
import { AlpineDataStore, defaultCacheDir, proxyFromEnvironment } from '../alpineData/store';
import { parseDockerfile } from '../dockerfile/model';
import type { AlpineDataView } from '../knowledge/alpineData';
import { branchOf } from '../knowledge/releaseData';
import { countWorkers, lintAll } from './workers';
import { findExecutable } from '../tools/findExecutable';

export type { CliIo } from './types';

/**
 * With `--alpine-mirror` or `--offline`: the release table and the indexes of every Alpine branch the files' stages
 * name, from the mirror (a directory, or a URL through the cache) or the cache alone. Without either flag, none.
 */
async function loadAlpineData(options: CliOptions, jobs: readonly LintJob[], io: CliIo): Promise<AlpineDataView | undefined> {
  if (options.alpineMirror === undefined && !options.offline) return undefined;
  const env = io.env ?? process.env;
  const store = new AlpineDataStore({
    mirror: options.alpineMirror,
    cacheDir: defaultCacheDir(env, os.homedir()),
    fetch: !options.offline,
    limits: { proxy: proxyFromEnvironment(env) },
    log: (line) => io.stderr(`alpinist: alpine data: ${line}\n`),
  });
  const branches = new Set<string>();
  for (const job of jobs) {
    let text = job.text;
    if (text === undefined) {
      try {
        text = readDockerfile(job.path, job.display).text;
      } catch {
        continue;
      }
    }
    for (const stage of parseDockerfile(text).stages) {
      const branch = stage.family === 'alpine' ? branchOf(stage.alpineRelease) : undefined;
      if (branch !== undefined) branches.add(branch);
    }
  }
  await Promise.all([store.loadReleases(), store.loadBranches([...branches])]);
  return store.view;
}

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
  const environment = readEnvironment(io.env ?? {});
  for (const warning of environment.warnings) io.stderr(`alpinist: warning: ${warning}\n`);
  if (options.verbose || config.verbose || environment.verbose) io.stderr(`alpinist: config file: ${configFile ?? 'none'}\n`);

  // Note: flags win over the environment, which wins over the config file; within each, the last setting for a rule wins.
  const threshold = options.noFail ? 'none' : (options.threshold ?? environment.threshold ?? config.threshold ?? 'warning');
  let configFormat: Format | undefined;
  if (config.format !== undefined) {
    if (isFormat(config.format)) configFormat = config.format;
    else io.stderr(`alpinist: warning: ${configFile}: ignoring "format": "${config.format}" is not a format Alpinist writes.\n`);
  }
  const defaultFormat = environment.format ?? configFormat ?? 'text';
  // The n-th -f goes with the n-th -o; later outputs take the last -f; no -o: standard output.
  const targets = (options.outputs.length > 0 ? options.outputs : [{ file: '-' }]).map((output, index) => ({
    file: output.file,
    format: output.format ?? options.formats[index] ?? options.formats.at(-1) ?? defaultFormat,
  }));
  for (const { format } of targets) {
    if (options.fix === 'dry-run' && !['text', 'tty', 'json'].includes(format)) {
      io.stderr(`alpinist: --fix-dry-run prints a diff, which the ${format} format has no place for: use text or json.\n${USAGE}\n`);
      return 2;
    }
  }
  const toStdout = targets.find((target) => target.file === '-');
  // A terminal gets code frames, made from the text each job returns.
  const isTerminal = toStdout !== undefined && isText(toStdout.format) && io.isStdoutTTY === true;
  const ruleOptions = {
    ...config.ruleOptions,
    ...definedOnly({ trustedRegistries: environment.trustedRegistries, labelSchema: environment.labelSchema, strictLabels: environment.strictLabels }),
    ...definedOnly({ trustedRegistries: options.trustedRegistries, labelSchema: options.labelSchema, strictLabels: options.strictLabels }),
  };
  // Note: without `--shellcheck`, a `shellcheck` on the PATH of the environment given (the entry point passes the
  // process's) is used and its absence is silent; a path given must work.
  const shellcheck = options.shellcheck === null ? undefined : findExecutable(options.shellcheck ?? 'shellcheck', io.env?.PATH ?? '');
  if (options.shellcheck && !shellcheck) {
    io.stderr(`alpinist: --shellcheck ${options.shellcheck}: not an executable file (give an absolute path, or a name to look up on PATH).\n`);
    return 2;
  }
  const settings: JobSettings = {
    rules: combineSeverities(config.rules, environment.rules, options.rules),
    ruleOptions,
    fix: options.fix,
    fixSuggestions: options.fixSuggestions,
    suppressionComments: !(options.disableIgnorePragma || (environment.disableIgnorePragma ?? config.disableIgnorePragma)),
    keepSource: isTerminal,
    ...(shellcheck ? { shellcheck } : {}),
  };

  const roots = new Map<string, string>();
  const entries = discoverFiles(options.paths, cwd, roots, options.excludes.length > 0 ? anyGlobMatcher(options.excludes) : undefined);
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
  const alpineData = await loadAlpineData(options, jobs, io);
  const linted = await lintAll(jobs, settings, countWorkers(jobs.length, options.jobs), (done) => progress.update(done), alpineData);
  progress.finish();
  const reported = slots.map((slot) => (typeof slot === 'number' ? linted[slot] : slot));
  // hadolint's --file-path-in-report: every finding is reported under this name (a Dockerfile linted in a container).
  const results = options.filePathInReport === undefined ? reported : reported.map((result) => ({ ...result, file: options.filePathInReport as string }));

  for (const result of results) {
    if (result.error) io.stderr(`alpinist: ${result.error}\n`);
    if (result.warning) io.stderr(`alpinist: warning: ${result.warning}\n`);
    for (const problem of result.shellcheckProblems ?? []) io.stderr(`alpinist: warning: ${problem}\n`);
    for (const ruleId of result.ruleFailures ?? []) io.stderr(`alpinist: internal error in rule ${ruleId} on ${result.file}; the other rules ran.\n`);
  }
  let failedWrite = false;
  for (const target of targets) {
    const onStdout = target.file === '-';
    const colour = onStdout && isText(target.format) && wantsColour(options.color ?? config.color, io.env ?? {}, io.isStdoutTTY === true);
    const report = formatReport(target.format, { results, fix: options.fix, isTerminal: onStdout && isTerminal, colour, cwd, version });
    if (onStdout) {
      io.stdout(report);
      continue;
    }
    try {
      writeFileSync(target.file, report);
    } catch (error) {
      io.stderr(`alpinist: ${describeIoError(error, target.file)}\n`);
      failedWrite = true;
    }
  }
  if (failedWrite || results.some((result) => result.error)) return 2;
  if (jobs.length === 0) {
    io.stderr(`alpinist: no Dockerfiles found in ${options.paths.join(', ')}\n`);
    return 2;
  }
  return results.some((result) => result.findings.some((finding) => meetsThreshold(finding.severity, threshold))) ? 1 : 0;
}

function isText(format: Format): boolean {
  return format === 'text' || format === 'tty';
}

/** The entries of `values` that are set, so that spreading them leaves the others as they were. */
function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
