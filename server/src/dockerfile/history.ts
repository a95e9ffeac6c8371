/**
 * What ran before a command in its stage: what the commands of the stage and of the stages it builds on say, indexed
 * once per stage so that asking for every command of a long file stays linear.
 * Why: answering "did anything before this `pip install` do X" by scanning every earlier command made a stage of a
 * few thousand RUNs (or a chain of a few thousand stages) take seconds, which a 1 MiB Dockerfile turns into minutes.
 */
import type { RunInstruction, Stage } from './model';
import type { ShellCommand } from '../shell/shellCommand';
import { memoOn } from '../util/memo';
import { prefixLength } from '../util/prefixLength';

/** What a command says (or undefined); a module-level function, since it keys the memo. */
export type Extract<T> = (command: ShellCommand) => T | undefined;

/** ONBUILD triggers run in downstream builds, not in their stage: only other triggers see them. */
type Variant = 'plain' | 'withOnbuild';

interface StageIndex {
  /** The stage's own findings per extractor and variant: command offsets and values, in document order. */
  readonly own: Map<string, { readonly offsets: number[]; readonly values: unknown[] }>;
  /** Every value found in the stage and the stages it builds on, per extractor and variant. */
  readonly chain: Map<string, readonly unknown[]>;
}

/** Each stage's index, kept on the stage. */
const INDEX = Symbol('stage index');
const extractIds = new Map<Extract<unknown>, number>();

function indexOf(stage: Stage): StageIndex {
  return memoOn(stage, INDEX, (): StageIndex => ({ own: new Map(), chain: new Map() }));
}

function keyOf(extract: Extract<unknown>, variant: Variant): string {
  let id = extractIds.get(extract);
  if (id === undefined) {
    id = extractIds.size;
    extractIds.set(extract, id);
  }
  return `${id}:${variant}`;
}

function ownFound(stage: Stage, extract: Extract<unknown>, variant: Variant): { readonly offsets: number[]; readonly values: unknown[] } {
  const index = indexOf(stage);
  const key = keyOf(extract, variant);
  let own = index.own.get(key);
  if (!own) {
    own = { offsets: [], values: [] };
    for (const run of stage.runs) {
      if (run.isOnbuild && variant === 'plain') continue;
      for (const command of run.commands) {
        const value = extract(command);
        if (value === undefined) continue;
        own.offsets.push(command.start);
        own.values.push(value);
      }
    }
    index.own.set(key, own);
  }
  return own;
}

/** Everything `extract` finds in the stage and its parents, in document order; parents are indexed first, iteratively. */
function chainFound(stage: Stage | undefined, extract: Extract<unknown>, variant: Variant): readonly unknown[] {
  if (!stage) return [];
  const key = keyOf(extract, variant);
  const pending: Stage[] = [];
  let known: readonly unknown[] = [];
  // Note: parents are earlier stages, so the walk ends; it stops at the first stage already indexed.
  for (let current: Stage | undefined = stage; current; current = current.parent) {
    const found = indexOf(current).chain.get(key);
    if (found) {
      known = found;
      break;
    }
    pending.push(current);
  }
  for (const current of pending.reverse()) {
    const own = ownFound(current, extract, variant).values;
    // Note: stages without findings share their parent's array, so memory grows only with what is found.
    known = own.length === 0 ? known : known.concat(own);
    indexOf(current).chain.set(key, known);
  }
  return known;
}

/** Number of offsets below `offset` in an ascending list. */
function countBelow(offsets: readonly number[], offset: number): number {
  return prefixLength(offsets, (value) => value < offset);
}

/**
 * What `extract` finds in the commands that run before `command` in its stage (every RUN of parent stages, earlier
 * RUNs, earlier commands of the same RUN), in order.
 */
export function valuesBefore<T>(stage: Stage | undefined, run: RunInstruction, command: ShellCommand, extract: Extract<T>): T[] {
  if (!stage) return [];
  const variant: Variant = run.isOnbuild ? 'withOnbuild' : 'plain';
  const inherited = chainFound(stage.parent, extract as Extract<unknown>, variant) as readonly T[];
  const own = ownFound(stage, extract as Extract<unknown>, variant);
  return inherited.concat(own.values.slice(0, countBelow(own.offsets, command.start)) as T[]);
}

/** True when `extract` finds something in a command that runs before `command` (see `valuesBefore`). */
export function isFoundBefore(stage: Stage | undefined, run: RunInstruction, command: ShellCommand, extract: Extract<unknown>): boolean {
  if (!stage) return false;
  const variant: Variant = run.isOnbuild ? 'withOnbuild' : 'plain';
  if (chainFound(stage.parent, extract, variant).length > 0) return true;
  const first = ownFound(stage, extract, variant).offsets[0];
  return first !== undefined && first < command.start;
}
