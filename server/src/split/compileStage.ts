/**
 * Writes the compile stage of a split as new text: the original instructions and commands up to the end of the build,
 * copied verbatim with their comments, with COPYs of the build context deferred until a step needs them.
 */
import { fileCopy } from '../dockerfile/copies';
import type { CopyInstruction, Instruction } from '../dockerfile/model';
import { resolvePath, workdirAt } from '../dockerfile/paths';
import type { RunSteps, Step } from '../dockerfile/steps';
import { removeItems, sliceWithEdits, type Edit, type ListItem } from '../edits/edits';
import { blockStart, blockText, hasBlankLineBefore, lineStart } from '../edits/lines';
import { manifestCopyLines } from './manifestCopy';
import { runFlags, statePrefix, type SplitPlan } from './splitPlan';
import { appendAll } from '../util/arrays';

/** Instructions whose meaning is the running container's: they stay in the runtime stage only. */
const RUNTIME_ONLY = new Set(['CMD', 'ENTRYPOINT', 'EXPOSE', 'LABEL', 'HEALTHCHECK', 'VOLUME', 'STOPSIGNAL', 'MAINTAINER', 'ONBUILD']);
const SPLITTABLE_JOINERS = new Set(['&&', ';']);

/** One chunk of the compile stage: text, and whether a blank line goes before it. */
interface Chunk {
  readonly text: string;
  readonly blankBefore: boolean;
}

/** The compile stage, inserted before the stage's FROM (and the comments attached to it). */
export function emitCompileStage(split: SplitPlan): Edit | undefined {
  const { model, stage, plan, steps, windowEnd } = split;
  const from = stage.from;
  if (!from) return undefined;
  const flags = from.flags.map((flag) => `${flag.text} `).join('');
  const chunks: Chunk[] = [{ text: `FROM ${flags}${stage.imageText} AS ${split.compileName}`, blankBefore: false }];
  const pending: CopyInstruction[] = [];
  const emittedLines = new Set<string>();
  let preludeDone = plan.compilePrelude.length === 0;
  const block = (instruction: Instruction): Chunk => ({ text: blockText(model, instruction), blankBefore: hasBlankLineBefore(model, instruction) });
  const flush = (): Chunk[] => pending.splice(0).map((copy) => block(copy));

  for (const instruction of stage.instructions) {
    if (instruction.isOnbuild || RUNTIME_ONLY.has(instruction.keyword)) continue;
    if (instruction.keyword === 'RUN') {
      const runSteps = split.runs.find((candidate) => candidate.run === instruction);
      if (!runSteps || runSteps.steps.length === 0) {
        appendAll(chunks, flush());
        chunks.push(block(instruction));
        continue;
      }
      const first = steps.indexOf(runSteps.steps[0]);
      if (first > windowEnd) break;
      const emitted = runSteps.steps.filter((step) => steps.indexOf(step) <= windowEnd);
      const insertions = emitted.map((step) => {
        const lines: Chunk[] = [];
        if (!preludeDone && steps.indexOf(step) === split.windowStart) {
          appendAll(lines, plan.compilePrelude.map((text) => ({ text, blankBefore: false })));
          preludeDone = true;
        }
        appendAll(lines, sourcesFor(split, step, pending, emittedLines, block));
        return lines;
      });
      const runChunks = emitRun(split, runSteps, emitted, insertions);
      if (!runChunks) return undefined;
      appendAll(chunks, runChunks);
      if (emitted.length < runSteps.steps.length || steps.indexOf(emitted[emitted.length - 1]) === windowEnd) break;
      continue;
    }
    const copy = fileCopy(instruction);
    if (copy?.isFromContext) {
      pending.push(copy);
      continue;
    }
    const text = model.text.slice(instruction.start, instruction.end);
    const mustFlush =
      instruction.keyword === 'WORKDIR' ? pending.some((candidate) => !(candidate.destination?.value ?? '').startsWith('/') || (candidate.destination?.value ?? '').includes('$')) :
      instruction.keyword === 'ENV' || instruction.keyword === 'ARG' ? pending.some((candidate) => candidate.text.includes('$')) :
      !['USER', 'SHELL'].includes(instruction.keyword) || text.includes('$');
    if (mustFlush) appendAll(chunks, flush());
    chunks.push(block(instruction));
  }
  const text = chunks.map((chunk, index) => (index > 0 && chunk.blankBefore ? split.eol : '') + chunk.text).join(split.eol);
  // Why: comments right above a later stage's FROM describe that stage; above the first one they head the file.
  const at = stage === model.stages[0] ? lineStart(model.text, from.start) : blockStart(model, from);
  return { start: at, end: at, newText: `${text}${split.eol}${split.eol}` };
}

/**
 * What must be in place before a step runs in the compile stage: the manifests of a dependency install (derived from
 * a deferred whole-context COPY), or every deferred COPY when the step may read the sources.
 */
function sourcesFor(split: SplitPlan, step: Step, pending: CopyInstruction[], emitted: Set<string>, block: (instruction: Instruction) => Chunk): Chunk[] {
  if (pending.length === 0) return [];
  const flushAll = (): Chunk[] => pending.splice(0).map((copy) => block(copy));
  switch (step.kind) {
    case 'package':
    case 'cleanup':
    case 'venv':
      return [];
    case 'state':
      return step.commands.some((command) => command.name !== 'set') ? flushAll() : [];
    case 'install': {
      if (!step.install) return [];
      const wholeIndex = pending.findIndex((copy) => copy.copiesWholeContext);
      const directory = split.directoryOf(step);
      if (wholeIndex !== pending.length - 1 || !step.install.manifests || directory === undefined) return flushAll();
      const lines = manifestCopyLines(split.stage, pending[wholeIndex], [{ install: step.install, directory: resolvePath({ isAbsolute: true, path: '' }, directory) ?? { isAbsolute: true, path: '' } }], workdirAt(split.stage, step.run.start));
      if (!lines) return flushAll();
      const before = pending.splice(0, wholeIndex).map((copy) => block(copy));
      const fresh = lines.map((copyLine) => copyLine.line).filter((line) => !emitted.has(line));
      for (const line of fresh) emitted.add(line);
      return [...before, ...fresh.map((text) => ({ text, blankBefore: false }))];
    }
    default:
      return flushAll();
  }
}

/** Compile-stage edits inside a step: the strategy's, and `--virtual NAME` dropped when its deletion is not copied. */
function compileEditsFor(split: SplitPlan, step: Step): Edit[] {
  const edits = split.plan.compileEdits.filter((edit) => edit.start >= step.start && edit.end <= step.end);
  const call = step.apk;
  if (call?.subcommand === 'add' && call.virtualName) {
    const deletedInCompile = split.steps.some((other) => split.steps.indexOf(other) <= split.windowEnd && other.apk?.subcommand === 'del' && other.apk.packages.some((item) => item.name === call.virtualName));
    const flag = call.flags.find((candidate) => candidate.name === '--virtual');
    if (!deletedInCompile && flag && (flag.word.value === '--virtual' || flag.word.value === '-t' || flag.word.value?.startsWith('--virtual='))) {
      const items: ListItem[] = call.command.words.map((word) => ({ start: word.start, end: word.end, keep: word !== flag.word && word !== flag.valueWord }));
      appendAll(edits, (removeItems(items) ?? []));
    }
  }
  return edits;
}

/** The compile-stage RUN(s) for the emitted steps of one RUN, with the insertions each step needs before it. */
function emitRun(split: SplitPlan, runSteps: RunSteps, emitted: readonly Step[], insertions: readonly Chunk[][]): Chunk[] | undefined {
  const { model } = split;
  const run = runSteps.run;
  const isWhole = emitted.length === runSteps.steps.length;
  const cuts = insertions.map((lines, index) => index > 0 && lines.length > 0);
  const canCut = run.form === 'shell' && cuts.every((cut, index) => !cut || SPLITTABLE_JOINERS.has(runSteps.joiners[index - 1]));
  const preludeAt = insertions.findIndex((lines) => lines.some((chunk) => split.plan.compilePrelude.includes(chunk.text)));
  if (!canCut && cuts.some(Boolean)) {
    // Everything goes before the RUN instead; a prelude cannot, when this RUN installs what the prelude runs.
    if (preludeAt > 0 && emitted.slice(0, preludeAt).some((step) => step.kind === 'package')) return undefined;
    return emitRun(split, runSteps, emitted, [insertions.flat(), ...insertions.slice(1).map(() => [])]);
  }
  if (!isWhole && run.form !== 'shell') return undefined;
  const chunks: Chunk[] = [...insertions[0]];
  let groupStart = 0;
  for (let index = 1; index <= emitted.length; index++) {
    if (index < emitted.length && !cuts[index]) continue;
    const group = emitted.slice(groupStart, index);
    const last = group[group.length - 1];
    const isRunEnd = isWhole && index === emitted.length;
    const edits = group.flatMap((step) => compileEditsFor(split, step));
    if (groupStart === 0) {
      const start = blockStart(model, run);
      chunks.push({ text: sliceWithEdits(model.text, start, isRunEnd ? run.end : last.end, edits), blankBefore: hasBlankLineBefore(model, run) });
    } else {
      const prefix = statePrefix(runSteps, group[0], group);
      chunks.push({ text: `RUN ${runFlags(model, run)}${prefix}${sliceWithEdits(model.text, group[0].start, isRunEnd ? run.end : last.end, edits)}`, blankBefore: false });
    }
    if (index < emitted.length) appendAll(chunks, insertions[index]);
    groupStart = index;
  }
  return chunks;
}
