/**
 * The one variable resolver: which value `$NAME` has at a point of a Dockerfile, and what a word expands to.
 * Scopes as BuildKit has them: global ARGs (before the first FROM) are seen by FROM lines only; inside a stage, ARG
 * and ENV values set before the point count, ENV wins over ARG of the same name, and ENV values are inherited from
 * the stage a stage builds on (`FROM builder`). An `ARG NAME` without a value has no value we can know (the build
 * supplies it), except that it takes a global ARG's default when it redeclares one.
 */
import { memoOn } from '../util/memo';
import { prefixLength } from '../util/prefixLength';
import type { Stage } from './model';

/** Where a value comes from. */
export type VariableKind = 'env' | 'arg';

export interface VariableValue {
  readonly kind: VariableKind;
  /** The value after quote removal, before expansion (it may hold `$OTHER`). */
  readonly value: string;
  /** Offset of the instruction that set it. */
  readonly offset: number;
}

/** A variable's value by name, or undefined when it is unknown at that point. */
export type Lookup = (name: string) => string | undefined;

export interface ExpandOptions {
  /** A plain `$NAME` whose value is `''` counts as unknown (FROM lines: an ARG without default). */
  readonly emptyIsUnknown?: boolean;
  /** A value that itself holds `$` counts as unknown (no nested expansion). */
  readonly nestedIsUnknown?: boolean;
}

/** Longer than any word this resolves (an image reference, a path); longer text is left unresolved. */
const MAX_EXPANDED_TEXT = 4096;

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Expands `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}` and `${NAME+word}` with `lookup`;
 * undefined when a value it needs is unknown. A default (`:-`) stands in for an unknown value, as it does for a build
 * argument the build leaves unset.
 */
export function expandVariables(text: string, lookup: Lookup, options: ExpandOptions = {}): string | undefined {
  if (!text.includes('$')) return text;
  // Why: the `${NAME:-word}` pattern rescans to the end from every `${` without a `}` after it, which is quadratic;
  // no image reference or path is this long, so such text is simply unresolved.
  if (text.length > MAX_EXPANDED_TEXT) return undefined;
  let unresolved = false;
  const known = (value: string | undefined): value is string => value !== undefined && !(options.nestedIsUnknown && value.includes('$'));
  const result = text.replace(REFERENCE, (_match, braced: string | undefined, operator: string | undefined, word: string | undefined, plain: string | undefined) => {
    const value = lookup(braced ?? plain ?? '');
    if (operator === ':-' || operator === '-') return known(value) && (operator === '-' || value !== '') ? value : (word ?? '');
    if (operator === ':+') return known(value) && value !== '' ? (word ?? '') : '';
    if (operator === '+') return known(value) ? (word ?? '') : '';
    if (!known(value) || (options.emptyIsUnknown && value === '')) {
      unresolved = true;
      return '';
    }
    return value;
  });
  return unresolved ? undefined : result;
}

/** The definitions of one name in a stage, in document order. */
interface Definitions {
  readonly offsets: number[];
  readonly values: VariableValue[];
}

interface StageVariables {
  readonly env: Map<string, Definitions>;
  readonly arg: Map<string, Definitions>;
}

const VARIABLES = Symbol('stage variables');

/** ENV values of the stage and the stages it builds on, and ARG values of the stage, indexed once per stage. */
function variablesOf(stage: Stage): StageVariables {
  return memoOn(stage, VARIABLES, (): StageVariables => {
    const env = new Map<string, Definitions>();
    const arg = new Map<string, Definitions>();
    const add = (into: Map<string, Definitions>, name: string, value: VariableValue): void => {
      let list = into.get(name);
      if (!list) into.set(name, (list = { offsets: [], values: [] }));
      list.offsets.push(value.offset);
      list.values.push(value);
    };
    for (const entry of stage.env) add(env, entry.name, { kind: 'env', value: entry.value, offset: entry.offset });
    for (const entry of stage.args) {
      if (entry.value !== undefined) add(arg, entry.name, { kind: 'arg', value: entry.value, offset: entry.offset });
    }
    return { env, arg };
  });
}

/** The last definition in `list` set before `offset`. */
function lastBefore(list: Definitions | undefined, offset: number): VariableValue | undefined {
  if (!list) return undefined;
  const count = prefixLength(list.offsets, (value) => value < offset);
  return count === 0 ? undefined : list.values[count - 1];
}

/**
 * The value `name` has at `offset` in the stage: the last ENV (this stage or the stages it builds on) set before it,
 * else the last ARG with a value set before it in this stage. `kind` restricts the search to one of them.
 */
export function variableAt(stage: Stage, name: string, offset: number, kind?: VariableKind): VariableValue | undefined {
  const variables = variablesOf(stage);
  if (kind !== 'arg') {
    const env = lastBefore(variables.env.get(name), offset);
    if (env || kind === 'env') return env;
  }
  return lastBefore(variables.arg.get(name), offset);
}

/**
 * Expands a word of an instruction at `offset` in the stage (a WORKDIR, a COPY destination), and removes the quotes
 * around the result; undefined when a value is unknown or itself holds a variable.
 */
export function expandAt(stage: Stage, offset: number, text: string): string | undefined {
  const expanded = expandVariables(text, (name) => variableAt(stage, name, offset)?.value, { nestedIsUnknown: true });
  return expanded?.replace(/^(["'])(.*)\1$/, '$2');
}

/** How deep values that name other variables are followed (`ENV URL=https://x/${VERSION}/…`). */
const MAX_NESTING = 4;

/**
 * Like {@link expandAt}, but a value that itself names variables is expanded too, each at the point its
 * instruction set it (as BuildKit expanded it there), up to a few levels deep.
 */
export function expandNestedAt(stage: Stage, offset: number, text: string): string | undefined {
  const expanded = expandDeep(stage, offset, text, 0);
  return expanded?.replace(/^(["'])(.*)\1$/, '$2');
}

function expandDeep(stage: Stage, offset: number, text: string, depth: number): string | undefined {
  return expandVariables(text, (name) => {
    const found = variableAt(stage, name, offset);
    if (found === undefined || !found.value.includes('$')) return found?.value;
    return depth + 1 >= MAX_NESTING ? undefined : expandDeep(stage, found.offset, found.value, depth + 1);
  });
}
