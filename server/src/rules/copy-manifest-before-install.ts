/**
 * Why: Docker reuses a layer only while everything before it is unchanged. A dependency install after `COPY . …`
 * reruns on every source change; copying just the manifests first lets the install stay cached until they change.
 */
import { copyLabel, fileCopy } from '../dockerfile/copies';
import { installText, type DependencyInstall } from '../dockerfile/dependencyInstalls';
import type { CopyInstruction, DockerfileModel, Stage } from '../dockerfile/model';
import { directoryInRun, directoryText, workdirAt, type Directory } from '../dockerfile/paths';
import { stageSteps, type RunSteps, type Step } from '../dockerfile/steps';
import { removeBlock } from '../edits/edits';
import { blockStart, blockText, lineEndingOf } from '../edits/lines';
import { copyDestination, manifestCopyLines } from '../split/manifestCopy';
import { spanOf } from '../util/span';
import { defineRule, type Fix } from './rule';

/** Instructions that a COPY can move past without changing what either of them does. */
const NEUTRAL = new Set(['LABEL', 'EXPOSE', 'USER', 'STOPSIGNAL', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT', 'SHELL', 'MAINTAINER']);
/** Commands that never read the build context. */
const CONTEXT_FREE = new Set(['adduser', 'addgroup', 'useradd', 'groupadd', 'mkdir', 'true']);

export default defineRule({
  id: 'copy-manifest-before-install',
  description: 'Copy the dependency manifests and install them before copying the whole build context.',
  defaultSeverity: 'warning',
  fixSummary: 'suggestion: copy the manifests first, move the whole-context COPY below the install',
  requires: { keywords: ['COPY', 'ADD'] },
  check(context) {
    const model = context.dockerfile;
    for (const stage of model.stages) {
      const copies = stage.instructions.map(fileCopy).filter((copy): copy is CopyInstruction => copy?.copiesWholeContext === true);
      if (copies.length === 0) continue;
      const runs = stageSteps(model, stage);
      // Why: an install of the same tool before the sources came in already cached the dependencies; the one after
      // them finishes the project (`composer install` after `--no-scripts --no-autoloader`, `poetry install` after
      // `--no-root`).
      const firstCopyStart = copies[0].start;
      const cachedTools = new Set(runs.filter((earlier) => earlier.run.start < firstCopyStart).flatMap((earlier) => earlier.steps.map((step) => step.install?.tool)));
      let copiesBefore = 0;
      for (const runSteps of runs) {
        // Note: runs and copies are both in document order.
        while (copiesBefore < copies.length && copies[copiesBefore].start < runSteps.run.start) copiesBefore++;
        if (copiesBefore === 0) continue;
        const copy = copies[copiesBefore - 1];
        const isAfterFirstCopy = copiesBefore === 1;
        // Why built when read: the reordering costs more than the finding, and only code actions and `--fix` read it.
        let made: Fix[] | undefined;
        const fixes = (): Fix[] => (made ??= isAfterFirstCopy ? manifestFirstFix(model, stage, runSteps, copy) : []);
        for (const step of runSteps.steps) {
          const install = step.install;
          if (!install || step.isOpaque || cachedTools.has(install.tool)) continue;
          context.report({
            at: spanOf(install.nameStart, install.nameEnd),
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
function manifestFirstFix(model: DockerfileModel, stage: Stage, runSteps: RunSteps, copy: CopyInstruction): Fix[] {
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
  const copyText = copy.text;
  let workdirMoves = false;
  for (const instruction of stage.instructions) {
    if (instruction.start <= copy.start || instruction.start >= run.start || instruction.isOnbuild) continue;
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
  let moved = blockText(model, copy);
  const destinationWord = copy.destination;
  if (workdirMoves && destinationWord && !destinationWord.value.startsWith('/')) {
    // Why: below a later WORKDIR a relative destination would mean another directory; write the one it meant.
    const destination = copyDestination(stage, copy);
    if (!destination?.isAbsolute || copy.form === 'exec') return [];
    const start = destinationWord.start - blockStart(model, copy);
    const end = destinationWord.end - blockStart(model, copy);
    moved = `${moved.slice(0, start)}${directoryText(destination)}${destinationWord.value.endsWith('/') ? '/' : ''}${moved.slice(end)}`;
  }
  const eol = lineEndingOf(model.text);
  const sources = lines.flatMap((copyLine) => copyLine.sources);
  return [{
    title: `Copy ${sources.map((source) => `\`${source}\``).join(', ')} first and move \`${copyLabel(copy)}\` below the install`,
    kind: 'suggestion',
    edits: [
      { start: blockStart(model, run), end: blockStart(model, run), newText: `${lines.map((copyLine) => copyLine.line).join(eol)}${eol}` },
      removeBlock(model, copy),
      { start: run.end, end: run.end, newText: `${eol}${moved}` },
    ],
  }];
}
