/**
 * `--fix` and `--fix --fix-suggestions` on Dockerfiles rich in fixable findings, written with LF, CRLF, lone-CR or
 * mixed line breaks, with and without a byte order mark:
 * - every edit of every applied fix is well formed (inside the text, never between the CR and LF of one line break or
 *   between the halves of a surrogate pair, bringing no line break the file does not use) and keeps the comments it
 *   spans;
 * - every instruction no edit touches is in the result byte for byte, re-parses as the same instruction at its new
 *   offset, and so keeps its place in the order;
 * - between two untouched instructions, the keywords of the rewritten instructions change only as the applied fixes
 *   say they do (MAINTAINER → LABEL, consecutive RUNs merged into one, a SHELL or manifest COPY added …, per rule in
 *   `KEYWORD_CHANGES`);
 * - the CLI's own path (read the file, fix, write it back) writes exactly those bytes, and never rewrites a file that
 *   is not valid UTF-8.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { AnalysisOptions } from '../../../server/src/analysis/analysis';
import { applyEdits } from '../../../server/src/analysis/fixes';
import { fixText, type FixPass } from '../../../server/src/cli/fix';
import { lintJob } from '../../../server/src/cli/job';
import type { JobSettings } from '../../../server/src/cli/types';
import { parseDockerfile, type DockerfileModel, type Instruction } from '../../../server/src/dockerfile/model';
import type { Edit } from '../../../server/src/rules/rule';
import { fixTargetDockerfileArbitrary, mixedLineEndings, propertyParameters } from '../../support/dockerfileArbitraries';
import { excerpt } from '../../support/invariants';
import { TEST_TODAY } from '../../support/ruleTester';

/**
 * How a rule's fix may change the keywords of the instructions it rewrites; every other fix keeps them (case aside).
 * `remove`: an instruction with that keyword may disappear (merged into another); `add`: one may appear; `rename`:
 * one keyword may become another.
 */
interface KeywordChange {
  readonly remove?: readonly string[];
  readonly add?: readonly string[];
  readonly rename?: readonly (readonly [string, string])[];
  /** Instructions of the file may be repeated (a stage split writes some in both stages). */
  readonly repeat?: boolean;
}

const KEYWORD_CHANGES: Readonly<Record<string, KeywordChange>> = {
  'maintainer-no-deprecated': { rename: [['MAINTAINER', 'LABEL']] },
  'add-prefer-copy': { rename: [['ADD', 'COPY']] },
  'copy-archive-prefer-add': { rename: [['COPY', 'ADD']] },
  'run-no-consecutive': { remove: ['RUN'] },
  'apk-no-update-in-own-layer': { remove: ['RUN'] },
  'apk-no-cache-cleanup-in-own-layer': { remove: ['RUN'] },
  'apk-no-delete-in-later-layer': { remove: ['RUN'] },
  'run-require-pipefail': { add: ['SHELL'] },
  'run-prefer-shell-instruction': { add: ['SHELL'] },
  // Moves `COPY . .` below the install and copies the manifest before it.
  'copy-manifest-before-install': { remove: ['COPY'], add: ['COPY'] },
  'run-prefer-workdir': { add: ['WORKDIR'] },
  // A split into compile and runtime stages: a second FROM, the venv or build steps, the COPY --from of the result;
  // build-only RUNs leave the runtime stage.
  'prefer-multi-stage-build': { add: ['FROM', 'RUN', 'ENV', 'COPY'], remove: ['RUN'], repeat: true },
  'apk-virtual-prefer-multi-stage': { add: ['FROM', 'RUN', 'ENV', 'COPY'], remove: ['RUN'], repeat: true },
  'stage-no-repeated-cmd': { remove: ['CMD', 'ENTRYPOINT', 'HEALTHCHECK'] },
};

/** The keyword as the build reads it: upper case, `ONBUILD ` before a trigger. */
function keywordOf(instruction: Instruction): string {
  return (instruction.isOnbuild ? 'ONBUILD ' : '') + instruction.keyword.toUpperCase();
}

const ONBUILD_PREFIX = 'ONBUILD ';
const base = (keyword: string): string => (keyword.startsWith(ONBUILD_PREFIX) ? keyword.slice(ONBUILD_PREFIX.length) : keyword);

/** Whether `after` can be made from `before` with only the changes the rules allow (a small edit-distance search). */
function explained(before: readonly string[], after: readonly string[], rules: ReadonlySet<string>, inFile: ReadonlySet<string>): boolean {
  const changes = [...rules].map((rule) => KEYWORD_CHANGES[rule]).filter((change): change is KeywordChange => change !== undefined);
  const removable = (keyword: string): boolean => changes.some((change) => change.remove?.includes(base(keyword)) ?? false);
  const addable = (keyword: string): boolean =>
    changes.some((change) => (change.add?.includes(base(keyword)) ?? false) || (change.repeat === true && inFile.has(keyword)));
  const renamable = (from: string, to: string): boolean =>
    changes.some((change) => change.rename?.some(([a, b]) => a === base(from) && b === base(to) && from.startsWith(ONBUILD_PREFIX) === to.startsWith(ONBUILD_PREFIX)) ?? false);
  // reachable[i][j]: before[0..i) can become after[0..j).
  const reachable: boolean[][] = Array.from({ length: before.length + 1 }, () => new Array<boolean>(after.length + 1).fill(false));
  reachable[0][0] = true;
  for (let i = 0; i <= before.length; i++) {
    for (let j = 0; j <= after.length; j++) {
      if (!reachable[i][j]) continue;
      if (i < before.length && j < after.length && (before[i] === after[j] || renamable(before[i], after[j]))) reachable[i + 1][j + 1] = true;
      if (i < before.length && removable(before[i])) reachable[i + 1][j] = true;
      if (j < after.length && addable(after[j])) reachable[i][j + 1] = true;
    }
  }
  return reachable[before.length][after.length];
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** Whole-line comments (not pragmas, not directives) of `text`. */
function commentLines(text: string): string[] {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('#') && !/^#\s*(alpinist|hadolint|check|syntax|escape)\b/i.test(line));
}

/**
 * An instruction no edit reaches. An edit that ends where it starts, or starts where it ends, counts as outside when
 * it only deletes text or adds whole lines there; whether the instruction still parses as itself is checked after.
 */
function untouched(instruction: Instruction, edits: readonly Edit[]): boolean {
  return edits.every((edit) =>
    edit.end < instruction.start || edit.start > instruction.end ||
    (edit.end === instruction.start && (edit.newText === '' || /[\r\n]$/.test(edit.newText))) ||
    (edit.start === instruction.end && (edit.newText === '' || /^[\r\n]/.test(edit.newText))),
  );
}

/** The lines (without their line breaks) that lie wholly inside [start, end). */
function wholeLinesIn(text: string, start: number, end: number): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let lineStart = start;
  // The first whole line starts at `start` only when a line break (or the text's start) comes before it.
  if (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') {
    while (lineStart < end && text[lineStart] !== '\n' && text[lineStart] !== '\r') lineStart++;
    lineStart += text[lineStart] === '\r' && text[lineStart + 1] === '\n' ? 2 : 1;
  }
  while (lineStart < end) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    if (lineEnd > end) break;
    lines.push({ start: lineStart, end: lineEnd });
    lineStart = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1);
  }
  return lines;
}

/** The instruction that starts right after a comment line ending at `offset`, with only comment lines between. */
function instructionHeadedBy(model: DockerfileModel, text: string, offset: number): Instruction | undefined {
  const next = model.instructions.find((instruction) => instruction.start >= offset);
  if (!next) return undefined;
  const between = text.slice(offset, next.start).split(/\r\n|\r|\n/).map((line) => line.trim());
  return between.every((line, index) => (index === 0 ? line === '' : line.startsWith('#') || (index === between.length - 1 && line === ''))) ? next : undefined;
}

/** Checks one pass of the fixes: its edits, the instructions they leave alone, and the keywords of those they rewrite. */
function checkPass(pass: FixPass): void {
  const { before, applied } = pass;
  const edits = applied.flatMap(({ fix }) => fix.edits);
  const after = applyEdits(before, edits);
  const where = `pass over ${excerpt(before)} → ${excerpt(after)} (rules ${applied.map(({ ruleId }) => ruleId).join(', ')})`;
  const breaks = new Set(before.match(/\r\n|\r|\n/g) ?? []);
  const beforeModel = parseDockerfile(before);
  for (const { ruleId, fix } of applied) {
    const added: string[] = [];
    for (const edit of fix.edits) {
      assert.ok(edit.start >= 0 && edit.start <= edit.end && edit.end <= before.length, `${ruleId}: edit ${JSON.stringify(edit)} outside the text; ${where}`);
      for (const offset of [edit.start, edit.end]) {
        assert.ok(!(before[offset - 1] === '\r' && before[offset] === '\n'), `${ruleId}: edit boundary inside a CRLF at ${offset}; ${where}`);
        assert.ok(!(offset > 0 && isLowSurrogate(before.charCodeAt(offset)) && !isLowSurrogate(before.charCodeAt(offset - 1))), `${ruleId}: edit boundary inside a surrogate pair at ${offset}; ${where}`);
      }
      for (const lineBreak of edit.newText.match(/\r\n|\r|\n/g) ?? []) {
        assert.ok(breaks.size === 0 || breaks.has(lineBreak), `${ruleId}: inserts ${JSON.stringify(lineBreak)}, a line break the file does not use; ${where}`);
      }
      added.push(edit.newText);
    }
    // A comment line inside the text a fix replaces comes back somewhere in what the fix writes, unless it heads an
    // instruction the same edit removes whole (the comment describes what is gone).
    const written = commentLines(added.join('\n'));
    for (const edit of fix.edits) {
      for (const line of wholeLinesIn(before, edit.start, edit.end)) {
        const comment = before.slice(line.start, line.end).trim();
        if (commentLines(comment).length === 0 || written.includes(comment)) continue;
        const headed = instructionHeadedBy(beforeModel, before, line.end);
        const removedWhole = headed !== undefined && headed.start >= edit.start && headed.end <= edit.end;
        assert.ok(removedWhole, `${ruleId}: drops the comment ${JSON.stringify(comment)}; ${where}`);
      }
    }
  }

  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  /** Where an offset of `before` that no edit covers lands in `after` (insertions at the offset come before it). */
  const shifted = (offset: number): number => {
    let delta = 0;
    for (const edit of sorted) {
      if (edit.start > offset || (edit.start === offset && edit.end > offset)) break;
      delta += edit.newText.length - (edit.end - edit.start);
    }
    return offset + delta;
  };

  const inFile = new Set(beforeModel.instructions.map(keywordOf));
  const afterModel = parseDockerfile(after);
  const afterByStart = new Map(afterModel.instructions.map((instruction) => [instruction.start, instruction]));
  const matched = new Set<Instruction>();
  // Runs of rewritten instructions between two untouched ones, each with the rules whose edits fall there.
  const gaps: { before: string[]; rules: Set<string>; from: number; to: number }[] = [{ before: [], rules: new Set(), from: 0, to: before.length }];
  for (const instruction of beforeModel.instructions) {
    if (!untouched(instruction, edits)) {
      gaps[gaps.length - 1].before.push(keywordOf(instruction));
      continue;
    }
    const text = before.slice(instruction.start, instruction.end);
    const start = shifted(instruction.start);
    const twin = afterByStart.get(start);
    assert.ok(twin, `the untouched ${JSON.stringify(text)} no longer starts an instruction at ${start}; ${where}`);
    assert.equal(after.slice(twin.start, twin.end), text, `the untouched ${JSON.stringify(text)} re-parses differently; ${where}`);
    assert.equal(keywordOf(twin), keywordOf(instruction), `the untouched ${JSON.stringify(text)} changed keyword; ${where}`);
    matched.add(twin);
    gaps[gaps.length - 1].to = instruction.start;
    gaps.push({ before: [], rules: new Set(), from: instruction.end, to: before.length });
  }
  for (const { ruleId, fix } of applied) {
    for (const edit of fix.edits) for (const gap of gaps) if (edit.end >= gap.from && edit.start <= gap.to) gap.rules.add(ruleId);
  }
  // The instructions of the result between two matched ones belong to the gap between their originals.
  let gapIndex = 0;
  const afterKeywords: string[][] = gaps.map(() => []);
  for (const instruction of afterModel.instructions) {
    if (matched.has(instruction)) {
      gapIndex++;
      continue;
    }
    afterKeywords[gapIndex].push(keywordOf(instruction));
  }
  gaps.forEach((gap, index) => {
    assert.ok(
      explained(gap.before, afterKeywords[index], gap.rules, inFile),
      `instructions ${JSON.stringify(gap.before)} became ${JSON.stringify(afterKeywords[index])}, which the rules ${JSON.stringify([...gap.rules])} do not explain; ${where}`,
    );
  });
}

/** The line-break conventions a generated (LF) file is written with. */
const withLineEndings = (text: string): fc.Arbitrary<string> =>
  fc.oneof(fc.constant(text), fc.constant(text.replace(/\n/g, '\r\n')), fc.constant(text.replace(/\n/g, '\r')), mixedLineEndings(text));

const SETTINGS: JobSettings = { rules: {}, ruleOptions: {}, fix: 'apply', fixSuggestions: false, suppressionComments: true, keepSource: false };

describe('properties: fixes keep every byte they do not mean to change', function () {
  this.timeout(300_000);

  for (const includeSuggestions of [false, true]) {
    it(`${includeSuggestions ? '--fix --fix-suggestions' : '--fix'}: edits are well formed, untouched instructions keep their bytes and order, keywords change only as the fixes say`, () => {
      const options: AnalysisOptions = { today: TEST_TODAY };
      fc.assert(
        fc.property(fixTargetDockerfileArbitrary.chain(withLineEndings), (text) => {
          fixText(text, options, includeSuggestions, checkPass);
        }),
        propertyParameters(includeSuggestions ? 150 : 150),
      );
    });
  }

  it('the CLI writes back exactly the fixed text (byte order mark kept) and never rewrites a file that is not valid UTF-8', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'alpinist-fix-bytes-'));
    const file = path.join(directory, 'Dockerfile');
    try {
      await fc.assert(
        fc.asyncProperty(fixTargetDockerfileArbitrary.chain(withLineEndings), fc.boolean(), fc.boolean(), fc.boolean(), async (text, bom, invalid, includeSuggestions) => {
          // An invalid UTF-8 byte (Latin-1 é) in a comment line of its own.
          const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8'), invalid ? Buffer.from([0x0a, 0x23, 0x20, 0x63, 0x61, 0x66, 0xe9, 0x0a]) : Buffer.alloc(0)]);
          writeFileSync(file, bytes);
          const result = await lintJob({ path: file, display: 'Dockerfile' }, { ...SETTINGS, fixSuggestions: includeSuggestions });
          assert.equal(result.error, undefined, `the CLI failed on ${excerpt(text)}: ${result.error}`);
          const written = readFileSync(file);
          if (invalid) {
            assert.ok(written.equals(bytes), `a file that is not valid UTF-8 was rewritten: ${excerpt(text)}`);
            return;
          }
          const expected = fixText(text, { ruleSeverities: {}, suppressionComments: true, ruleOptions: {} }, includeSuggestions);
          assert.equal(written.toString('utf8'), (bom ? '\uFEFF' : '') + expected, `the written file is not the fixed text of ${excerpt(text)}`);
        }),
        propertyParameters(60),
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
