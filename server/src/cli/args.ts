/** `alpinist lint` arguments → options. Every mistake is a `UsageError` with a one-line reason. */
import { SEVERITY_SETTINGS, type SeveritySetting } from '../rules/rule';
import { listRuleIds, parseThreshold, resolveRuleReference } from '../config/ruleOptions';
import type { JobSettings, Threshold } from './types';

export const FORMATS = ['text', 'json', 'sarif', 'checkstyle', 'github', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];

export const USAGE = `Usage: alpinist lint [options] [paths...]

Lints Dockerfiles: files, or directories searched recursively for Dockerfile, *.Dockerfile, Dockerfile.* and
Containerfile, skipping what .gitignore excludes. With no path, lints ./Dockerfile. Use - to read standard input.

Options:
  -f, --format FORMAT          text|json|sarif|checkstyle|github|gitlab (default: text)
  -t, --failure-threshold LVL  error|warning|info|hint|none: exit 1 on a finding at or above LVL (default: warning)
  -c, --config FILE            Alpinist or hadolint YAML config (default: ./.alpinist.yaml, else ./.hadolint.yaml,
                               else the user's: ~/.config/alpinist.yaml, hadolint's global files)
      --no-config              use no config file
      --rule ID=SEVERITY       set a rule's severity (off|hint|info|warning|error); repeatable
      --ignore ID              turn a rule off; repeatable (ID: an Alpinist rule id or a hadolint code)
      --disable-ignore-pragma  suppression comments (# alpinist ignore=…, # hadolint ignore=…) do nothing
      --fix                    apply safe fixes in place, then report what is left
      --fix-dry-run            print the fixes as a unified diff instead of applying them (text or json format)
      --fix-suggestions        with --fix or --fix-dry-run, also apply suggestions (may change what the image does)
      --shellcheck PATH        run this ShellCheck on RUN commands and heredoc scripts (default: \`shellcheck\`
                               on PATH when there is one; the script goes to it on standard input)
      --no-shellcheck          do not run ShellCheck
      --stdin-filename NAME    name to report for standard input (default: <stdin>)
      --color, --no-color      colour the text format (default: on a terminal, unless NO_COLOR is set)
  -j, --jobs N                 files linted in parallel (default: auto; 1 lints in this process)
  -h, --help                   show this help
  -v, --version                show the version

Exit codes: 0 no findings at or above the threshold, 1 findings at or above it, 2 usage, config or I/O error.`;

export class UsageError extends Error {}

export interface CliOptions {
  readonly paths: readonly string[];
  readonly format: Format;
  /** Undefined: the config file's, else `warning`. */
  readonly threshold: Threshold | undefined;
  /** Severities from `--rule` and `--ignore`, in argument order (the last one for a rule wins). */
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  /** A path, `null` for `--no-config`, or undefined to look in the current directory. */
  readonly config: string | null | undefined;
  readonly fix: JobSettings['fix'];
  readonly fixSuggestions: boolean;
  /** `--disable-ignore-pragma`: suppression comments do nothing (as hadolint's flag of that name). */
  readonly disableIgnorePragma: boolean;
  /** `--color` / `--no-color`; undefined: decided by the environment and the terminal. */
  readonly color: boolean | undefined;
  readonly stdinFilename: string;
  /** Worker threads to use, or `auto`. */
  readonly jobs: number | 'auto';
  /** `--shellcheck PATH`, `null` for `--no-shellcheck`, or undefined to use `shellcheck` from PATH if there is one. */
  readonly shellcheck: string | null | undefined;
}

export function parseArguments(argv: readonly string[]): CliOptions | 'help' | 'version' {
  const args = [...argv];
  if (args[0] === 'lint') args.shift();
  else if (args[0] === 'help' || args[0] === 'version') return args[0];
  const paths: string[] = [];
  const rules: Record<string, SeveritySetting> = {};
  let format: Format = 'text';
  let threshold: Threshold | undefined;
  let config: string | null | undefined;
  let fix: CliOptions['fix'] = 'off';
  let fixSuggestions = false;
  let disableIgnorePragma = false;
  let color: boolean | undefined;
  let stdinFilename = '<stdin>';
  let jobs: CliOptions['jobs'] = 'auto';
  let shellcheck: string | null | undefined;
  while (args.length > 0) {
    const arg = args.shift() as string;
    const split = arg.startsWith('--') && arg.includes('=');
    const flag = split ? arg.slice(0, arg.indexOf('=')) : arg;
    const inline = split ? arg.slice(arg.indexOf('=') + 1) : undefined;
    const value = (): string => {
      const given = inline ?? args.shift();
      if (given === undefined) throw new UsageError(`${flag} needs a value.`);
      return given;
    };
    switch (flag) {
      case '-h': case '--help': return 'help';
      case '-v': case '--version': return 'version';
      case '-f': case '--format': {
        const given = value();
        if (!(FORMATS as readonly string[]).includes(given)) throw new UsageError(`Unknown format "${given}": use ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)}.`);
        format = given as Format;
        break;
      }
      case '-t': case '--failure-threshold': {
        const given = value();
        threshold = parseThreshold(given);
        if (!threshold) throw new UsageError(`Unknown failure threshold "${given}": use error, warning, info, hint or none.`);
        break;
      }
      case '-c': case '--config': config = value(); break;
      case '--no-config': config = null; break;
      case '--rule': {
        const spec = value();
        const separator = spec.lastIndexOf('=');
        if (separator < 0) throw new UsageError(`--rule needs ID=SEVERITY, got "${spec}".`);
        const [reference, severity] = [spec.slice(0, separator), spec.slice(separator + 1)];
        const named = resolveOrThrow(reference);
        if (!(SEVERITY_SETTINGS as readonly string[]).includes(severity)) throw new UsageError(`Unknown severity "${severity}" for ${reference}: use ${SEVERITY_SETTINGS.join(', ')}.`);
        for (const rule of named) rules[rule.id] = severity as SeveritySetting;
        break;
      }
      case '--ignore':
        for (const rule of resolveOrThrow(value())) rules[rule.id] = 'off';
        break;
      case '--fix': fix = fix === 'dry-run' ? conflict() : 'apply'; break;
      case '--fix-dry-run': fix = fix === 'apply' ? conflict() : 'dry-run'; break;
      case '--fix-suggestions': fixSuggestions = true; break;
      case '--disable-ignore-pragma': disableIgnorePragma = true; break;
      case '--color': color = true; break;
      case '--no-color': color = false; break;
      case '--stdin-filename': stdinFilename = value(); break;
      case '--shellcheck': shellcheck = value(); break;
      case '--no-shellcheck': shellcheck = null; break;
      case '-j': case '--jobs': {
        const given = value();
        if (given !== 'auto' && !/^[1-9]\d{0,2}$/.test(given)) throw new UsageError(`--jobs needs a number from 1 or auto, got "${given}".`);
        jobs = given === 'auto' ? 'auto' : Number(given);
        break;
      }
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option "${arg}".`);
        paths.push(arg);
    }
  }
  if (paths.length === 0) paths.push('Dockerfile');
  if (fixSuggestions && fix === 'off') throw new UsageError('--fix-suggestions needs --fix or --fix-dry-run.');
  if (fix === 'apply' && paths.includes('-')) throw new UsageError('--fix cannot write back to standard input: use --fix-dry-run.');
  if (fix === 'dry-run' && format !== 'text' && format !== 'json') throw new UsageError(`--fix-dry-run prints a diff, which the ${format} format has no place for: use text or json.`);
  return { paths, format, threshold, rules, config, fix, fixSuggestions, disableIgnorePragma, color, stdinFilename, jobs, shellcheck };
}

function resolveOrThrow(reference: string) {
  const named = resolveRuleReference(reference);
  if (!named) throw new UsageError(`Unknown rule "${reference}". Rules: ${listRuleIds()}.`);
  return named;
}

function conflict(): never {
  throw new UsageError('--fix and --fix-dry-run exclude each other.');
}
