/** `alpinist lint` arguments → options. Every mistake is a `UsageError` with a one-line reason. */
import { LABEL_TYPES, SEVERITY_SETTINGS, type LabelType, type Severity, type SeveritySetting } from '../rules/rule';
import { isShellCheckCode, listRuleIds, resolveRuleReference } from '../config/ruleReferences';
import { parseThreshold, setSeverity } from '../config/severities';
import type { JobSettings, Threshold } from './types';

/**
 * Alpinist's formats, then hadolint's (same names, same shapes, for CI lines written for hadolint): `tty` is the text
 * format and `gitlab_codeclimate` the gitlab one.
 */
export const FORMATS = [
  'text', 'json', 'sarif', 'checkstyle', 'github', 'gitlab',
  'tty', 'codeclimate', 'gitlab_codeclimate', 'gnu', 'junit', 'sonarqube', 'codacy',
] as const;
export type Format = (typeof FORMATS)[number];

export const USAGE = `Usage: alpinist lint [options] [paths...]

Lints Dockerfiles: files, or directories searched recursively for Dockerfile, *.Dockerfile, Dockerfile.* and
Containerfile, skipping what .gitignore excludes. With no path, lints ./Dockerfile. Use - to read standard input;
after --, every argument is a path, even one that starts with -.
hadolint's options and HADOLINT_* environment variables are accepted with hadolint's meaning (\`lint\` may be left out).

Options:
  -f, --format FORMAT          text|json|sarif|checkstyle|github|gitlab, or hadolint's tty|codeclimate|
                               gitlab_codeclimate|gnu|junit|sonarqube|codacy (default: text); repeatable with -o
  -o, --output [FORMAT=]FILE   write the report to FILE (- is stdout); repeatable: the n-th -f (or FORMAT=) applies
                               to the n-th -o, later ones take the last -f
  -t, --failure-threshold LVL  error|warning|info|style|hint|none: exit 1 on a finding at or above LVL (default: warning)
      --no-fail                exit 0 whatever is found (errors reading files still exit 2)
  -c, --config FILE            Alpinist or hadolint YAML config (default: ./.alpinist.yaml, else ./.hadolint.yaml,
                               else the user's: ~/.config/alpinist.yaml, hadolint's global files)
      --no-config              use no config file
      --rule ID=SEVERITY       set a rule's severity (off|hint|info|warning|error); repeatable
      --error/--warning/--info/--style ID  set a rule's severity as hadolint does (style is hint); repeatable
      --ignore ID              turn a rule off; repeatable (ID: an Alpinist rule id or a hadolint code)
      --trusted-registry REG   images may only come from these registries (DL3026; *.example.com); repeatable
      --require-label L:TYPE   every image needs label L of TYPE (text|url|semver|hash|rfc3339|spdx|email); repeatable
      --strict-labels          labels outside the required ones are reported
      --disable-ignore-pragma  suppression comments (# alpinist ignore=…, # hadolint ignore=…) do nothing
      --exclude GLOB           skip files and folders matching GLOB (relative to each directory searched; *, ?, **,
                               {a,b}, [abc] as in VS Code's files.exclude); repeatable; named paths are always linted
      --file-path-in-report P  the file name to report (for a Dockerfile linted in a container)
      --fix                    apply safe fixes in place, then report what is left
      --fix-dry-run            print the fixes as a unified diff instead of applying them (text or json format)
      --fix-suggestions        with --fix or --fix-dry-run, also apply suggestions (may change what the image does)
      --shellcheck PATH        run this ShellCheck on RUN commands and heredoc scripts (default: \`shellcheck\`
                               on PATH when there is one; the script goes to it on standard input)
      --no-shellcheck          do not run ShellCheck
      --stdin-filename NAME    name to report for standard input (default: <stdin>)
      --color, --no-color      colour the text format (default: on a terminal, unless NO_COLOR is set)
  -V, --verbose                name the config file read on stderr
  -j, --jobs N                 files linted in parallel (default: auto; 1 lints in this process)
      --alpine-mirror URL|DIR  use Alpine's package indexes and releases.json from this mirror (https:// URL, fetched
                               at most daily into $XDG_CACHE_HOME/alpinist, or a directory with the mirror's layout:
                               v3.22/main/x86_64/APKINDEX.tar.gz, releases.json); lints in this process
      --offline                use Alpine data from the cache only (of any age); never fetch
  -h, --help                   show this help
  -v, --version                show the version

Precedence: flags, then HADOLINT_* environment variables, then the config file, then the defaults.
Exit codes: 0 no findings at or above the threshold, 1 findings at or above it, 2 usage, config or I/O error.`;

export class UsageError extends Error {}

/** Where one report goes: a file, or standard output (`-`); its format when `-o FORMAT=FILE` names one. */
export interface OutputTarget {
  readonly file: string;
  readonly format?: Format;
}

/** hadolint's levels for `--error`, `--warning`, `--info`, `--style`. */
const LEVEL_FLAGS: Readonly<Record<string, Severity>> = { '--error': 'error', '--warning': 'warning', '--info': 'info', '--style': 'hint' };

export interface CliOptions {
  readonly paths: readonly string[];
  /** `--exclude` globs, in order. */
  readonly excludes: readonly string[];
  /** `-f` in order; empty: the environment's, the config file's, else text. */
  readonly formats: readonly Format[];
  /** `-o` in order; empty: standard output. */
  readonly outputs: readonly OutputTarget[];
  /** `--no-fail`. */
  readonly noFail: boolean;
  /** `--trusted-registry`, `--require-label`, `--strict-labels`: undefined when not given. */
  readonly trustedRegistries: readonly string[] | undefined;
  readonly labelSchema: Readonly<Record<string, LabelType>> | undefined;
  readonly strictLabels: boolean | undefined;
  readonly filePathInReport: string | undefined;
  readonly verbose: boolean;
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
  /** `--alpine-mirror`: a mirror URL or directory. */
  readonly alpineMirror: string | undefined;
  readonly offline: boolean;
  /** `--shellcheck PATH`, `null` for `--no-shellcheck`, or undefined to use `shellcheck` from PATH if there is one. */
  readonly shellcheck: string | null | undefined;
}

export function parseArguments(argv: readonly string[]): CliOptions | 'help' | 'version' {
  const args = [...argv];
  if (args[0] === 'lint') args.shift();
  else if (args[0] === 'help' || args[0] === 'version') return args[0];
  const paths: string[] = [];
  const excludes: string[] = [];
  const rules: Record<string, SeveritySetting> = {};
  const formats: Format[] = [];
  const outputs: OutputTarget[] = [];
  let noFail = false;
  let trustedRegistries: string[] | undefined;
  let labelSchema: Record<string, LabelType> | undefined;
  let strictLabels: boolean | undefined;
  let filePathInReport: string | undefined;
  let verbose = false;
  let threshold: Threshold | undefined;
  let config: string | null | undefined;
  let fix: CliOptions['fix'] = 'off';
  let fixSuggestions = false;
  let disableIgnorePragma = false;
  let color: boolean | undefined;
  let stdinFilename = '<stdin>';
  let jobs: CliOptions['jobs'] = 'auto';
  let alpineMirror: string | undefined;
  let offline = false;
  let shellcheck: string | null | undefined;
  while (args.length > 0) {
    const arg = args.shift() as string;
    if (arg === '--') {
      for (const rest of args.splice(0)) paths.push(rest);
      break;
    }
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
      case '-f': case '--format': formats.push(parseFormat(value())); break;
      case '-o': case '--output': {
        const given = value();
        const separator = given.indexOf('=');
        const named = separator > 0 ? given.slice(0, separator) : undefined;
        // Note: `-o FILE` is hadolint's; `-o FORMAT=FILE` only when FORMAT is a format, so `-o a=b.json` is a file.
        if (named !== undefined && isFormat(named)) outputs.push({ format: named, file: given.slice(separator + 1) });
        else outputs.push({ file: given });
        if (outputs.at(-1)?.file === '') throw new UsageError(`--output needs a file name (- for standard output), got "${given}".`);
        break;
      }
      case '--no-fail': noFail = true; break;
      case '--error': case '--warning': case '--info': case '--style':
        setOrThrow(rules, value(), LEVEL_FLAGS[flag]);
        break;
      case '--trusted-registry': {
        const registry = value().trim();
        if (registry === '') throw new UsageError('--trusted-registry needs a registry name such as docker.io.');
        (trustedRegistries ??= []).push(registry);
        break;
      }
      case '--require-label': {
        const [label, type] = parseLabelRequirement(value());
        (labelSchema ??= {})[label] = type;
        break;
      }
      case '--strict-labels': strictLabels = true; break;
      case '--file-path-in-report': filePathInReport = value(); break;
      case '--exclude': {
        const glob = value();
        if (glob.trim() === '') throw new UsageError('--exclude needs a glob such as **/testdata.');
        excludes.push(glob);
        break;
      }
      case '-V': case '--verbose': verbose = true; break;
      case '-t': case '--failure-threshold': {
        const given = value();
        threshold = parseThreshold(given);
        if (!threshold) throw new UsageError(`Unknown failure threshold "${given}": use error, warning, info, style, hint or none.`);
        break;
      }
      case '-c': case '--config': config = value(); break;
      case '--no-config': config = null; break;
      case '--rule': {
        const spec = value();
        const separator = spec.lastIndexOf('=');
        if (separator < 0) throw new UsageError(`--rule needs ID=SEVERITY, got "${spec}".`);
        const [reference, severity] = [spec.slice(0, separator), spec.slice(separator + 1)];
        if (!resolveRuleReference(reference) && !isShellCheckCode(reference)) unknownRule(reference);
        if (!(SEVERITY_SETTINGS as readonly string[]).includes(severity)) throw new UsageError(`Unknown severity "${severity}" for ${reference}: use ${SEVERITY_SETTINGS.join(', ')}.`);
        setOrThrow(rules, reference, severity as SeveritySetting);
        break;
      }
      case '--ignore':
        setOrThrow(rules, value(), 'off');
        break;
      case '--fix': fix = fix === 'dry-run' ? conflict() : 'apply'; break;
      case '--fix-dry-run': fix = fix === 'apply' ? conflict() : 'dry-run'; break;
      case '--fix-suggestions': fixSuggestions = true; break;
      case '--disable-ignore-pragma': disableIgnorePragma = true; break;
      case '--color': color = true; break;
      case '--no-color': color = false; break;
      case '--stdin-filename': stdinFilename = value(); break;
      case '--alpine-mirror': alpineMirror = value(); break;
      case '--offline': offline = true; break;
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
  if (formats.length > Math.max(outputs.length, 1)) throw new UsageError(`${formats.length} formats for ${Math.max(outputs.length, 1)} output${outputs.length > 1 ? 's' : ''}: give one -o FILE per -f FORMAT.`);
  return {
    paths, excludes, formats, outputs, noFail, trustedRegistries, labelSchema, strictLabels, filePathInReport, verbose,
    threshold, rules, config, fix, fixSuggestions, disableIgnorePragma, color, stdinFilename, jobs, alpineMirror, offline, shellcheck,
  };
}

export function isFormat(name: string): name is Format {
  return (FORMATS as readonly string[]).includes(name);
}

export function parseFormat(given: string): Format {
  if (!isFormat(given)) throw new UsageError(`Unknown format "${given}": use ${FORMATS.slice(0, -1).join(', ')} or ${FORMATS.at(-1)}.`);
  return given;
}

/** `LABEL:TYPE`, split at the first colon as hadolint does; throws `UsageError` on an unknown type. */
export function parseLabelRequirement(spec: string): [string, LabelType] {
  const separator = spec.indexOf(':');
  const [label, type] = separator < 0 ? [spec, ''] : [spec.slice(0, separator), spec.slice(separator + 1)];
  if (label === '' || !(LABEL_TYPES as readonly string[]).includes(type)) throw new UsageError(`--require-label needs LABEL:TYPE with TYPE one of ${LABEL_TYPES.join(', ')}, got "${spec}".`);
  return [label, type as LabelType];
}

/** Sets a severity for the rules, or the ShellCheck code, `reference` names; throws `UsageError` when it names none. */
function setOrThrow(rules: Record<string, SeveritySetting>, reference: string, severity: SeveritySetting): void {
  if (!setSeverity(rules, reference, severity)) unknownRule(reference);
}

function unknownRule(reference: string): never {
  throw new UsageError(`Unknown rule "${reference}". Rules: ${listRuleIds()}.`);
}

function conflict(): never {
  throw new UsageError('--fix and --fix-dry-run exclude each other.');
}
