/**
 * Pragmas: suppression comments, `# alpinist ignore=<id>[,<id>]` and `# hadolint ignore=<DLxxxx>[,…]` apply to the next
 * instruction; `… stage ignore=…` right before a FROM (only comments between) applies to that stage; `… global
 * ignore=…` to the whole file. The syntax mirrors hadolint's inline pragmas so existing Dockerfiles keep working. The
 * shell pragma (`# hadolint shell=powershell`) changes how RUNs are read and lives with the model (`shells.ts`).
 */
import { memoOn } from '../util/memo';
import type { Span } from '../util/span';
import { instructionAt, type DockerfileModel } from './model';

export interface SuppressedId extends Span {
  /** As written: a rule id or a hadolint code. */
  readonly id: string;
}

export interface Suppression {
  readonly tool: 'alpinist' | 'hadolint';
  readonly scope: 'next' | 'stage' | 'global';
  readonly ids: readonly SuppressedId[];
  /** The comment line, [start, end) offsets without the line break. */
  readonly start: number;
  readonly end: number;
  /** What it covers, by offsets: the next instruction, or from the next FROM to the end of its stage; undefined if nothing follows. */
  readonly target: Span | undefined;
}

const PRAGMA = /^(\s*#\s*)(alpinist|hadolint)(?:\s+(global|stage))?\s+ignore\s*=([^#]*)/;

/** Every suppression comment of the file, read once per model. Comments inside instructions (continuation lines) are ignored. */
export function suppressionsOf(model: DockerfileModel): readonly Suppression[] {
  return memoOn(model, SUPPRESSIONS, () => findSuppressions(model));
}

const SUPPRESSIONS = Symbol('suppressions');

function findSuppressions(model: DockerfileModel): Suppression[] {
  const result: Suppression[] = [];
  // Why: dockerfile-ast reads `# hadolint ignore=…` on the first line as a parser directive (`name=value`), not a comment.
  const comments: readonly Span[] = [...model.directives, ...model.comments];
  for (const { start, end } of comments) {
    const line = model.text.slice(start, end);
    const match = PRAGMA.exec(line);
    // Why: comments inside a continuation are part of the instruction, not pragmas for the next one.
    if (!match || instructionAt(model, start) !== undefined) continue;
    const [whole, , tool, scopeWord, list] = match;
    const scope = (scopeWord ?? 'next') as Suppression['scope'];
    const listStart = start + whole.length - list.length;
    const ids: SuppressedId[] = [];
    const idPattern = /[^\s,]+/g;
    for (let found = idPattern.exec(list); found; found = idPattern.exec(list)) {
      ids.push({ id: found[0], start: listStart + found.index, end: listStart + found.index + found[0].length });
    }
    const next = firstInstructionFrom(model, end);
    const isAdjacent = next !== undefined && onlyCommentsBetween(model.text, end, next.start);
    let target: Suppression['target'];
    if (scope === 'global') target = { start: 0, end: model.text.length };
    else if (scope === 'next') target = isAdjacent ? { start: next.start, end: next.end } : undefined;
    // hadolint 2.15 (its pull request 1195): a stage pragma applies to the stage whose FROM follows it at once;
    // placed anywhere else it applies to nothing (and is reported as unused).
    else target = isAdjacent && next.keyword === 'FROM' ? stageCoverage(model, next.start) : undefined;
    result.push({ tool: tool as Suppression['tool'], scope, ids, start, end, target });
  }
  return result;
}

/** The first instruction that starts at or after `offset`. */
function firstInstructionFrom(model: DockerfileModel, offset: number): DockerfileModel['instructions'][number] | undefined {
  const list = model.instructions;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  return list[low];
}

/** From the first FROM after `offset` to the start of the stage after it. */
function stageCoverage(model: DockerfileModel, offset: number): Suppression['target'] {
  const stageIndex = model.stages.findIndex((stage) => stage.from !== undefined && stage.from.start >= offset);
  if (stageIndex === -1) return undefined;
  const start = model.stages[stageIndex].from?.start ?? offset;
  const end = model.stages[stageIndex + 1]?.from?.start ?? model.text.length;
  return { start, end };
}

/** True when the text between two offsets holds only blank lines and comment lines. */
function onlyCommentsBetween(text: string, from: number, to: number): boolean {
  return text
    .slice(from, to)
    .split(/\r?\n|\r/)
    .every((line) => line.trim() === '' || line.trim().startsWith('#'));
}
