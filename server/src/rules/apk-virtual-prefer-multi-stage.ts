/**
 * Why: `apk add --virtual` + `apk del` in one RUN keeps build dependencies out of the layer, but a RUN after
 * `COPY . …` reruns on every source change, so the same packages are downloaded, installed and deleted again each
 * time. A compile stage installs them once, before the sources, and keeps them cached.
 */
import { copyLabel, fileCopy } from '../dockerfile/copies';
import type { CopyInstruction } from '../dockerfile/model';
import { splitFixesOf, splitStage } from '../split/splitStages';
import { defineRule, type Fix } from './rule';
import { shippedAlpineStage } from './shared/imageRole';
import { prefixLength } from '../util/prefixLength';

export default defineRule({
  id: 'apk-virtual-prefer-multi-stage',
  description: 'Install build dependencies in a compile stage rather than adding and deleting a `--virtual` group after the sources are copied.',
  defaultSeverity: 'hint',
  fixSummary: 'suggestion: split into compile and runtime stages',
  requires: { programs: ['apk'] },
  check(context) {
    const model = context.dockerfile;
    // Why first: the shipped stage costs a walk of every step of the final stage's chain, and only a `--virtual` group
    // added after the whole context came into the final stage can lead to a finding.
    const last = model.stages[model.stages.length - 1];
    if (!last?.runs.some((run) => run.apkCalls.some((call) => call.subcommand === 'add' && call.virtualName !== undefined))) return;
    const wholeContextCopies = last.instructions.map(fileCopy).filter((candidate): candidate is CopyInstruction => candidate?.copiesWholeContext === true);
    if (wholeContextCopies.length === 0) return;
    const shipped = shippedAlpineStage(model);
    if (!shipped) return;
    const { stage, runs } = shipped;
    let fixes: Fix[] | undefined;
    for (const { run, steps: runSteps } of runs) {
      const copy = lastBefore(wholeContextCopies, run.start);
      if (!copy) continue;
      for (const [index, step] of runSteps.entries()) {
        const call = step.apk;
        const flag = call?.flags.find((candidate) => candidate.name === '--virtual');
        if (call?.subcommand !== 'add' || !flag || !call.virtualName) continue;
        const deletion = runSteps.findIndex((later, laterIndex) => laterIndex > index && later.apk?.subcommand === 'del' && later.apk.packages.some((item) => item.name === call.virtualName));
        if (deletion === -1) continue;
        // Only a group that serves a build: something is installed or compiled while it is there.
        if (!runSteps.slice(index + 1, deletion).some((between) => between.kind === 'install' || between.kind === 'build')) continue;
        const end = flag.valueWord && flag.valueWord.start > flag.word.start ? flag.valueWord.end : flag.word.end;
        context.report({
          at: { start: flag.word.start, end },
          message: `\`${call.virtualName}\` is installed and deleted again on every source change, because this RUN comes after \`${copyLabel(copy)}\`.`,
          fixes: () => (fixes ??= splitFixesOf(splitStage(model, stage))),
        });
      }
    }
  },
});

/** The last of `copies` (in document order) that starts before `offset`. */
function lastBefore(copies: readonly CopyInstruction[], offset: number): CopyInstruction | undefined {
  const count = prefixLength(copies, (copy) => copy.start < offset);
  return count === 0 ? undefined : copies[count - 1];
}
