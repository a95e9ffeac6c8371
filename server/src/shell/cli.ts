/**
 * A generic command-line reader for package-manager calls: options with and without values, bundled short options
 * (`-yq`), `--name=value`, `-q=2`, `--` and operands. Words that expand a variable are kept apart: they may hold any
 * option or operand, so checks that need to know every option treat them as unknown.
 */
import type { ShellWord } from './shellCommand';

export interface CliSpec {
  /** Options that take a value (`-o`, `--target-release`): the rest of a short bundle, `=value`, or the next word. */
  readonly valueOptions?: readonly string[];
}

export interface CliOption {
  /** The word that spells the option (a bundle such as `-yq` yields one option per letter, all with this word). */
  readonly word: ShellWord;
  /** `-y`, `--yes`. */
  readonly name: string;
  /** `--name=value`, `-ovalue`, `-q=2`, or the next word for value options; undefined when absent or not literal. */
  readonly value: string | undefined;
  /** The separate word that holds the value, if any. */
  readonly valueWord: ShellWord | undefined;
}

export interface CommandLine {
  readonly options: readonly CliOption[];
  /** Operands in order (words after `--` included); a word that expands a variable is an operand here too. */
  readonly operands: readonly ShellWord[];
  /** Words whose value is unknown in option position: they may be options. */
  readonly unknown: readonly ShellWord[];
}

/** Reads `words` (the arguments, without the command name) as GNU-style options and operands. */
export function readCommandLine(words: readonly ShellWord[], spec: CliSpec = {}): CommandLine {
  const valueOptions = new Set(spec.valueOptions ?? []);
  const options: CliOption[] = [];
  const operands: ShellWord[] = [];
  const unknown: ShellWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const value = word.value;
    if (value === undefined) {
      unknown.push(word);
      operands.push(word);
      continue;
    }
    if (value === '--') {
      for (let j = i + 1; j < words.length; j++) operands.push(words[j]);
      break;
    }
    if (value.startsWith('--')) {
      const equals = value.indexOf('=');
      const name = equals === -1 ? value : value.slice(0, equals);
      if (equals !== -1) options.push({ word, name, value: value.slice(equals + 1), valueWord: undefined });
      else if (valueOptions.has(name) && i + 1 < words.length) {
        options.push({ word, name, value: words[i + 1].value, valueWord: words[i + 1] });
        i++;
      } else options.push({ word, name, value: undefined, valueWord: undefined });
      continue;
    }
    if (value.startsWith('-') && value.length > 1) {
      for (let k = 1; k < value.length; k++) {
        const name = `-${value[k]}`;
        // Note: the rest of the bundle is sliced only where it ends the bundle, so a long word stays linear.
        if (value[k + 1] === '=') {
          options.push({ word, name, value: value.slice(k + 2), valueWord: undefined });
          break;
        }
        if (valueOptions.has(name)) {
          if (k + 1 < value.length) options.push({ word, name, value: value.slice(k + 1), valueWord: undefined });
          else if (i + 1 < words.length) {
            options.push({ word, name, value: words[i + 1].value, valueWord: words[i + 1] });
            i++;
          } else options.push({ word, name, value: undefined, valueWord: undefined });
          break;
        }
        options.push({ word, name, value: undefined, valueWord: undefined });
      }
      continue;
    }
    operands.push(word);
  }
  return { options, operands, unknown };
}

/** The first option spelled by one of `names`. */
export function findOption(line: CommandLine, ...names: string[]): CliOption | undefined {
  return line.options.find((option) => names.includes(option.name));
}

/** True when one of `names` is given. */
export function hasOption(line: CommandLine, ...names: string[]): boolean {
  return findOption(line, ...names) !== undefined;
}
