/**
 * Suppression comments: `# alpinist ignore=<id>[,<id>]` and `# hadolint ignore=<DLxxxx>[,…]` apply to the next
 * instruction; `… stage ignore=…` placed before a FROM applies to that stage; `… global ignore=…` to the whole file.
 * The syntax mirrors hadolint's inline pragmas so existing Dockerfiles keep working.
 */
import type { DockerfileModel } from '../dockerfile/model';

export interface SuppressedId {
  /** As written: a rule id or a hadolint code. */
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

export interface Suppression {
  readonly tool: 'alpinist' | 'hadolint';
  readonly scope: 'next' | 'stage' | 'global';
  readonly ids: readonly SuppressedId[];
  /** The comment line, [start, end) offsets without the line break. */
  readonly start: number;
  readonly end: number;
  /** What it covers, by offsets: the next instruction, or from the next FROM to the end of its stage; undefined if nothing follows. */
  readonly target: { readonly start: number; readonly end: number } | undefined;
}

const PRAGMA = /^(\s*#\s*)(alpinist|hadolint)(?:\s+(global|stage))?\s+ignore\s*=([^#]*)/;

/** Finds every suppression comment. Comments inside instructions (continuation lines) are ignored. */
export function findSuppressions(model: DockerfileModel): Suppression[] {
  const result: Suppression[] = [];
  // Why: dockerfile-ast reads `# hadolint ignore=…` on the first line as a parser directive (`name=value`), not a comment.
  const comments = [...model.directives, ...model.comments];
  const instructionStarts = model.instructions.map((instruction) => ({ start: instruction.start, end: instruction.end }));
  // Why: comments inside a continuation are part of the instruction, not pragmas for the next one.
  const isInsideInstruction = (offset: number): boolean => model.instructions.some((instruction) => instruction.start < offset && offset < instruction.end);
  for (const comment of comments) {
    const range = comment.getRange();
    const start = model.document.offsetAt(range.start);
    const end = model.document.offsetAt(range.end);
    const line = model.text.slice(start, end);
    const match = PRAGMA.exec(line);
    // Why: test the pattern first; the instruction lookups below are linear and most comments are not pragmas.
    if (!match || isInsideInstruction(start)) continue;
    const [whole, , tool, scopeWord, list] = match;
    const scope = (scopeWord ?? 'next') as Suppression['scope'];
    const listStart = start + whole.length - list.length;
    const ids: SuppressedId[] = [];
    const idPattern = /[^\s,]+/g;
    for (let found = idPattern.exec(list); found; found = idPattern.exec(list)) {
      ids.push({ id: found[0], start: listStart + found.index, end: listStart + found.index + found[0].length });
    }
    const next = instructionStarts.find((instruction) => instruction.start >= end);
    const isAdjacent = next !== undefined && onlyCommentsBetween(model.text, end, next.start);
    let target: Suppression['target'];
    if (scope === 'global') target = { start: 0, end: model.text.length };
    else if (scope === 'next') target = isAdjacent ? next : undefined;
    else target = stageCoverage(model, end);
    result.push({ tool: tool as Suppression['tool'], scope, ids, start, end, target });
  }
  return result;
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
