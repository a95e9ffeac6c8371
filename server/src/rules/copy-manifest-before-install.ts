/**
 * Why: Docker reuses a layer only while everything before it is unchanged. A dependency install after `COPY . …`
 * reruns on every source change; copying just the manifests first lets the install stay cached until they change.
 */
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { toRange } from '../dockerfile/model';
import { copyLabel, parseCopy, type CopyModel } from '../dockerfile/copies';
import { installText, type DependencyInstall } from '../split/dependencyInstalls';
import { copyDestination, manifestCopyLines } from '../split/manifestCopy';
import { directoryInRun, directoryText, workdirAt, type Directory } from '../dockerfile/paths';
import { stageSteps, type RunSteps, type Step } from '../split/stageSteps';
import { blockStart, blockText, lineEndingOf, removeBlock, toTextEdits } from '../edits/textEdits';
import { defineRule, type Fix } from './rule';

/** Instructions that a COPY can move past without changing what either of them does. */
const NEUTRAL = new Set(['LABEL', 'EXPOSE', 'USER', 'STOPSIGNAL', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT', 'SHELL', 'MAINTAINER']);
/** Commands that never read the build context. */
const CONTEXT_FREE = new Set(['adduser', 'addgroup', 'useradd', 'groupadd', 'mkdir', 'true']);

export default defineRule({
  id: 'copy-manifest-before-install',
  description: 'Copy the dependency manifests and install them before copying the whole build context.',
  defaultSeverity: 'warning',
  check(context) {
    const model = context.dockerfile;
    for (const stage of model.stages) {
      const copies = stage.instructions.map(parseCopy).filter((copy): copy is CopyModel => copy?.copiesWholeContext === true);
      if (copies.length === 0) continue;
      const runs = stageSteps(model, stage);
      // Why: an install of the same tool before the sources came in already cached the dependencies; the one after
      // them finishes the project (`composer install` after `--no-scripts --no-autoloader`, `poetry install` after
      // `--no-root`).
      const firstCopyStart = copies[0].instruction.start;
      const cachedTools = new Set(runs.filter((earlier) => earlier.run.start < firstCopyStart).flatMap((earlier) => earlier.steps.map((step) => step.install?.tool)));
      let copiesBefore = 0;
      for (const runSteps of runs) {
        // Note: runs and copies are both in document order.
        while (copiesBefore < copies.length && copies[copiesBefore].instruction.start < runSteps.run.start) copiesBefore++;
        if (copiesBefore === 0) continue;
        const copy = copies[copiesBefore - 1];
        let fixes: Fix[] | undefined;
        for (const step of runSteps.steps) {
          const install = step.install;
          if (!install || step.isOpaque || cachedTools.has(install.tool)) continue;
          fixes ??= copiesBefore === 1 ? manifestFirstFix(model, stage, runSteps, copy) : [];
          context.report({
            range: toRange(model, install.nameStart.start, install.nameEnd.end),
            message: `\`${installText(install)}\` runs after \`${copyLabel(copy)}\`, so every change to the sources reinstalls all dependencies.`,
            fixes,
          });
        }
      }
    }
  },
});

/** True when a RUN between the COPY and the install cannot read the copied files. */
function isContextFree(steps: readonly Step[]): boolean {
  return steps.every((step) => {
    if (step.isOpaque) return false;
    if (step.kind === 'package' || step.kind === 'cleanup') return true;
    if (step.kind === 'state') return step.commands.every((command) => command.name === 'set');
    if (step.kind === 'install') return step.install === undefined;
    return step.kind === 'other' && step.commands.every((command) => CONTEXT_FREE.has(command.name ?? ''));
  });
}

/**
 * The fix: `COPY <manifests> <dest>` before the install RUN and the whole-context COPY moved after it, when every
 * step of that RUN needs only the manifests and nothing between the two instructions depends on their order.
 */
function manifestFirstFix(model: DockerfileModel, stage: Stage, runSteps: RunSteps, copy: CopyModel): Fix[] {
  const run = runSteps.run;
  const installs: { install: DependencyInstall; directory: Directory }[] = [];
  for (const step of runSteps.steps) {
    if (step.isOpaque) return [];
    if (step.install) {
      const directory = directoryInRun(stage, run, step.start);
      if (!step.install.manifests || !directory) return [];
      installs.push({ install: step.install, directory });
      continue;
    }
    const isNeutral = step.kind === 'package' || step.kind === 'cleanup' || step.kind === 'venv' || step.kind === 'install' ||
      (step.kind === 'state' && step.commands.every((command) => command.name === 'set' || (command.name === 'cd' && command.words[1]?.value !== undefined)));
    if (!isNeutral) return [];
  }
  const copyText = model.text.slice(copy.instruction.start, copy.instruction.end);
  let workdirMoves = false;
  for (const instruction of stage.instructions) {
    if (instruction.start <= copy.instruction.start || instruction.start >= run.start || instruction.isOnbuild) continue;
    if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
      if (copyText.includes('$')) return [];
    } else if (instruction.keyword === 'WORKDIR') {
      workdirMoves = true;
    } else if (instruction.keyword === 'RUN') {
      const between = stageSteps(model, stage).find((candidate) => candidate.run === instruction);
      if (!between || !isContextFree(between.steps)) return [];
    } else if (!NEUTRAL.has(instruction.keyword)) {
      return [];
    }
  }
  const lines = manifestCopyLines(stage, copy, installs, workdirAt(stage, run.start));
  if (!lines) return [];
  let moved = blockText(model, copy.instruction);
  if (workdirMoves && !copy.destination.startsWith('/')) {
    // Why: below a later WORKDIR a relative destination would mean another directory; write the one it meant.
    const destination = copyDestination(stage, copy);
    const argument = copy.instruction.ast.getArguments().pop();
    if (!destination?.isAbsolute || !argument || copyText.trimEnd().endsWith(']')) return [];
    const start = model.document.offsetAt(argument.getRange().start) - blockStart(model, copy.instruction);
    const end = model.document.offsetAt(argument.getRange().end) - blockStart(model, copy.instruction);
    moved = `${moved.slice(0, start)}${directoryText(destination)}${copy.destination.endsWith('/') ? '/' : ''}${moved.slice(end)}`;
  }
  const eol = lineEndingOf(model.text);
  const sources = lines.flatMap((copyLine) => copyLine.sources);
  return [{
    title: `Copy ${sources.map((source) => `\`${source}\``).join(', ')} first and move \`${copyLabel(copy)}\` below the install`,
    kind: 'suggestion',
    edits: toTextEdits(model, [
      { start: blockStart(model, run), end: blockStart(model, run), newText: `${lines.map((copyLine) => copyLine.line).join(eol)}${eol}` },
      removeBlock(model, copy.instruction),
      { start: run.end, end: run.end, newText: `${eol}${moved}` },
    ]),
  }];
}
