/** The apk command model: subcommand, flags (with their values) and package arguments of one `apk` call. */
import { argumentsOf, type ShellCommand, type ShellWord } from './shellCommand';

/** apk options that take a value, by every spelling; the value is the next word or follows `=`. */
const VALUE_FLAGS = new Map<string, string>([
  ['-t', '--virtual'], ['--virtual', '--virtual'],
  ['-X', '--repository'], ['--repository', '--repository'],
  ['--repositories-file', '--repositories-file'],
  ['-p', '--root'], ['--root', '--root'],
  ['--cache-dir', '--cache-dir'],
  ['--arch', '--arch'],
  ['--keys-dir', '--keys-dir'],
  ['--cache-max-age', '--cache-max-age'],
  ['--timeout', '--timeout'],
  ['--wait', '--wait'],
  ['--from', '--from'],
]);

/** Short spellings of options that take no value, mapped to their long names. */
const SHORT_SWITCHES: Readonly<Record<string, string>> = {
  U: '--update-cache', u: '--upgrade', q: '--quiet', v: '--verbose', i: '--interactive', f: '--force',
  h: '--help', V: '--version', l: '--latest', s: '--simulate', r: '--recursive', a: '--available',
  L: '--contents', w: '--who-owns', R: '--depends', P: '--provides', e: '--installed', d: '--description',
};

export interface ApkFlag {
  /** The long name (`--update-cache` for `-U`, `--virtual` for `-t`); unknown flags keep their spelling. */
  readonly name: string;
  /** The word that holds the flag (a bundle such as `-qU` is one word holding two flags). */
  readonly word: ShellWord;
  /** The value of a value-taking flag, either in the same word after `=` or as the next word. */
  readonly value?: string;
  readonly valueWord?: ShellWord;
}

export type ApkPackageKind = 'name' | 'negated' | 'file' | 'opaque';

export interface ApkPackage {
  readonly word: ShellWord;
  readonly kind: ApkPackageKind;
  /** The package name without constraint or `@tag` (empty for opaque words). */
  readonly name: string;
  /** Version operator and version (`=1.2-r0`, `~3.1`, `>=2`), if any. */
  readonly constraint?: { readonly operator: string; readonly version: string };
  readonly tag?: string;
}

export interface ApkCall {
  readonly command: ShellCommand;
  /** `add`, `del`, `update`, …; undefined when apk was called with flags only. */
  readonly subcommand: string | undefined;
  readonly subcommandWord: ShellWord | undefined;
  readonly flags: readonly ApkFlag[];
  readonly packages: readonly ApkPackage[];
  /** The value of `--virtual`/`-t`, if given. */
  readonly virtualName: string | undefined;
}

const OPAQUE_LONG_FLAG = /^["']?(--[A-Za-z][A-Za-z0-9-]*)=/;
const CONSTRAINT = /^([^=~<>@]+)(?:@([^=~<>]+))?(?:(~=|=~|>=|<=|><|=|~|>|<)(.*))?$/;

/** Builds the apk model for a command named `apk`; returns undefined for any other command. */
export function parseApk(command: ShellCommand): ApkCall | undefined {
  if (command.name !== 'apk') return undefined;
  const flags: ApkFlag[] = [];
  const operands: ShellWord[] = [];
  const words = argumentsOf(command);
  let onlyOperands = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const text = word.value;
    // `--virtual=$NAME`: the flag is literal even though its value expands; keep the value unknown.
    const opaqueLongFlag = text === undefined && !onlyOperands ? OPAQUE_LONG_FLAG.exec(word.raw)?.[1] : undefined;
    if (opaqueLongFlag !== undefined) {
      flags.push({ name: VALUE_FLAGS.get(opaqueLongFlag) ?? opaqueLongFlag, word });
      continue;
    }
    if (onlyOperands || text === undefined || !text.startsWith('-') || text === '-') {
      operands.push(word);
      continue;
    }
    if (text === '--') {
      onlyOperands = true;
      continue;
    }
    if (text.startsWith('--')) {
      const equals = text.indexOf('=');
      const spelling = equals === -1 ? text : text.slice(0, equals);
      const name = VALUE_FLAGS.get(spelling) ?? (spelling === '--update' ? '--update-cache' : spelling);
      if (VALUE_FLAGS.has(spelling)) {
        if (equals !== -1) flags.push({ name, word, value: text.slice(equals + 1) });
        else {
          const valueWord = words[i + 1];
          flags.push({ name, word, value: valueWord?.value, valueWord });
          i++;
        }
      } else {
        flags.push({ name, word });
      }
      continue;
    }
    // A bundle of short options; a value-taking letter takes the rest of the word or the next word.
    for (let letter = 1; letter < text.length; letter++) {
      const short = `-${text[letter]}`;
      const valueName = VALUE_FLAGS.get(short);
      if (valueName) {
        const rest = text.slice(letter + 1);
        if (rest !== '') flags.push({ name: valueName, word, value: rest });
        else {
          const valueWord = words[i + 1];
          flags.push({ name: valueName, word, value: valueWord?.value, valueWord });
          i++;
        }
        break;
      }
      flags.push({ name: SHORT_SWITCHES[text[letter]] ?? short, word });
    }
  }
  const subcommandWord = operands[0];
  const subcommand = subcommandWord?.value;
  const packages = operands.slice(1).map(toPackage);
  const virtualName = flags.find((flag) => flag.name === '--virtual')?.value;
  return { command, subcommand, subcommandWord, flags, packages, virtualName };
}

function toPackage(word: ShellWord): ApkPackage {
  const value = word.value;
  if (value === undefined) return { word, kind: 'opaque', name: '' };
  if (value.startsWith('!')) return { word, kind: 'negated', name: value.slice(1) };
  if (value.endsWith('.apk') || value.includes('/')) return { word, kind: 'file', name: value };
  const match = CONSTRAINT.exec(value);
  if (!match) return { word, kind: 'name', name: value };
  const [, name, tag, operator, version] = match;
  return {
    word,
    kind: 'name',
    name,
    tag,
    constraint: operator === undefined ? undefined : { operator, version },
  };
}

/** Whether the option (as written: `-t`, `--virtual`, `-X`) takes the next word as its value. */
export function apkFlagTakesValue(spelling: string): boolean {
  return VALUE_FLAGS.has(spelling);
}

/** True when the call has the flag, by its long name (`--no-cache`, `--update-cache`, `--virtual`, …). */
export function apkHasFlag(call: ApkCall, name: string): boolean {
  return call.flags.some((flag) => flag.name === name);
}

/**
 * The word after which a new option can be inserted: the subcommand, or the program name when `--` ends the options
 * before the subcommand (`apk -- add x`), where anything after `--` would be read as a package.
 */
export function optionAnchor(call: ApkCall): ShellWord {
  const program = call.command.words[0];
  const anchor = call.subcommandWord ?? program;
  const endOfOptions = argumentsOf(call.command).find((word) => word.value === '--');
  return endOfOptions !== undefined && endOfOptions.start < anchor.start ? program : anchor;
}
