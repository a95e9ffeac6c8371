/**
 * `alpinist lint [paths…]`: the same analysis as the language server, for terminals and CI.
 * Exit codes: 0 clean, 1 findings at or above the failure threshold, 2 usage or I/O errors.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { analyze, type ResolvedFinding } from './analysis';
import { allRules, findRule } from './rules';
import { SEVERITY_SETTINGS, type Severity, type SeveritySetting } from './rules/rule';
import { initShellParser } from './shell/treeSitter';

const USAGE = `Usage: alpinist lint [options] [paths...]

Lints Dockerfiles (files, or directories searched for Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile).
With no path, lints ./Dockerfile. Use - to read standard input.

Options:
  --format text|json          output format (default: text)
  --failure-threshold LEVEL   error|warning|info|hint|none: exit 1 when a finding is at or above LEVEL (default: warning)
  --rule ID=SEVERITY          set a rule's severity (off|hint|info|warning|error); repeatable
  --stdin-filename NAME       name to report for standard input (default: <stdin>)
  -h, --help                  show this help
  -v, --version               show the version

Exit codes: 0 no findings at or above the threshold, 1 findings at or above it, 2 usage or I/O error.`;

const RANK: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.venv', 'venv', '__pycache__']);

export class UsageError extends Error {}

export interface LintOptions {
  readonly paths: string[];
  readonly format: 'text' | 'json';
  readonly threshold: Severity | 'none';
  readonly rules: Record<string, SeveritySetting>;
  readonly stdinFilename: string;
}

export interface FileResult {
  readonly file: string;
  readonly findings: readonly ResolvedFinding[];
  readonly error?: string;
}

/** True for names Docker tooling treats as Dockerfiles. */
export function isDockerfileName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower === 'dockerfile' || lower === 'containerfile' || lower.endsWith('.dockerfile') || lower.startsWith('dockerfile.') || lower.endsWith('.containerfile') || lower.startsWith('containerfile.');
}

export function parseArguments(argv: readonly string[]): LintOptions | 'help' | 'version' {
  const args = [...argv];
  if (args[0] === 'lint') args.shift();
  else if (args[0] !== undefined && !args[0].startsWith('-') && args[0] !== '-' && ['help', 'version'].includes(args[0])) return args[0] as 'help' | 'version';
  const options = { paths: [] as string[], format: 'text' as LintOptions['format'], threshold: 'warning' as LintOptions['threshold'], rules: {} as Record<string, SeveritySetting>, stdinFilename: '<stdin>' };
  const valueOf = (flag: string, inline: string | undefined): string => {
    const value = inline ?? args.shift();
    if (value === undefined) throw new UsageError(`${flag} needs a value.`);
    return value;
  };
  while (args.length > 0) {
    const arg = args.shift() as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    switch (flag) {
      case '-h': case '--help': return 'help';
      case '-v': case '--version': return 'version';
      case '-f': case '--format': {
        const format = valueOf(flag, inline);
        if (format !== 'text' && format !== 'json') throw new UsageError(`Unknown format "${format}": use text or json.`);
        options.format = format;
        break;
      }
      case '-t': case '--failure-threshold': {
        const level = valueOf(flag, inline);
        if (level !== 'none' && !(level in RANK)) throw new UsageError(`Unknown failure threshold "${level}": use error, warning, info, hint or none.`);
        options.threshold = level as LintOptions['threshold'];
        break;
      }
      case '--rule': {
        const spec = valueOf(flag, inline);
        const [id, severity] = spec.split('=');
        if (severity === undefined) throw new UsageError(`--rule needs ID=SEVERITY, got "${spec}".`);
        if (!findRule(id)) throw new UsageError(`Unknown rule "${id}". Rules: ${allRules.map((rule) => rule.id).join(', ')}.`);
        if (!(SEVERITY_SETTINGS as readonly string[]).includes(severity)) throw new UsageError(`Unknown severity "${severity}" for ${id}: use ${SEVERITY_SETTINGS.join(', ')}.`);
        options.rules[id] = severity as SeveritySetting;
        break;
      }
      case '--stdin-filename':
        options.stdinFilename = valueOf(flag, inline);
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option "${arg}".`);
        options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) options.paths.push('Dockerfile');
  return options;
}

/** Expands directories into the Dockerfiles below them, in a stable order. */
export function discoverFiles(paths: readonly string[]): { files: string[]; errors: FileResult[] } {
  const files: string[] = [];
  const errors: FileResult[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full);
      } else if (entry.isFile() && isDockerfileName(entry.name)) files.push(full);
    }
  };
  for (const given of paths) {
    if (given === '-') {
      files.push('-');
      continue;
    }
    try {
      const stat = statSync(given);
      if (stat.isDirectory()) walk(given);
      else files.push(given);
    } catch (error) {
      errors.push({ file: given, findings: [], error: describeIoError(error, given) });
    }
  }
  return { files, errors };
}

function describeIoError(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${file}: no such file or directory`;
  if (code === 'EACCES') return `${file}: permission denied`;
  if (code === 'EISDIR') return `${file}: is a directory`;
  return `${file}: ${(error as Error).message}`;
}

export function lintText(text: string, options: Pick<LintOptions, 'rules'>): ResolvedFinding[] {
  return [...analyze(text, { ruleSeverities: options.rules }).findings];
}

export function formatText(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    if (result.error) continue;
    for (const finding of result.findings) {
      const { line, character } = finding.range.start;
      lines.push(`${result.file}:${line + 1}:${character + 1}: ${finding.severity} ${finding.ruleId}: ${finding.message}`);
    }
  }
  const total = results.reduce((sum, result) => sum + result.findings.length, 0);
  const files = results.filter((result) => !result.error).length;
  lines.push(`${total} ${total === 1 ? 'finding' : 'findings'} in ${files} ${files === 1 ? 'file' : 'files'}.`);
  return lines.join('\n');
}

export function formatJson(results: readonly FileResult[]): string {
  return JSON.stringify(
    results.map((result) => ({
      file: result.file,
      ...(result.error ? { error: result.error } : {}),
      findings: result.findings.map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        range: finding.range,
        fixes: finding.fixes.map((fix) => ({ title: fix.title, kind: fix.kind, edits: fix.edits })),
      })),
    })),
    null,
    2,
  );
}

export async function runCli(argv: readonly string[], io: { stdout: (text: string) => void; stderr: (text: string) => void; readStdin: () => string }): Promise<number> {
  let options: ReturnType<typeof parseArguments>;
  try {
    options = parseArguments(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`alpinist: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (options === 'version') {
    io.stdout(`${process.env.ALPINIST_VERSION ?? '0.1.0'}\n`);
    return 0;
  }
  await initShellParser();
  const { files, errors } = discoverFiles(options.paths);
  const results: FileResult[] = [...errors];
  for (const file of files) {
    try {
      const text = file === '-' ? io.readStdin() : readFileSync(file, 'utf8');
      results.push({ file: file === '-' ? options.stdinFilename : file, findings: lintText(text, options) });
    } catch (error) {
      results.push({ file, findings: [], error: describeIoError(error, file) });
    }
  }
  for (const result of results) if (result.error) io.stderr(`alpinist: ${result.error}\n`);
  io.stdout(`${options.format === 'json' ? formatJson(results) : formatText(results)}\n`);
  if (results.some((result) => result.error)) return 2;
  if (files.length === 0) {
    io.stderr(`alpinist: no Dockerfiles found in ${options.paths.join(', ')}\n`);
    return 2;
  }
  const threshold = options.threshold;
  if (threshold === 'none') return 0;
  return results.some((result) => result.findings.some((finding) => RANK[finding.severity] >= RANK[threshold])) ? 1 : 0;
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readFileSync(0, 'utf8'),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`alpinist: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
