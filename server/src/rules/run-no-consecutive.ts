/** Why: each `RUN` adds a layer; single commands in a row are usually one step split by accident. */
import type { RunInstruction } from '../dockerfile/model';
import { mergeRuns } from '../edits/runs';
import { defineRule } from './rule';

export default defineRule({
  id: 'run-no-consecutive',
  description: 'Merge consecutive single-command `RUN` instructions into one.',
  defaultSeverity: 'info',
  fixSummary: 'suggestion: merge into the `RUN` above',
  hadolint: ['DL3059'],
  check(context) {
    const model = context.dockerfile;
    for (const stage of model.stages) {
      let previous: RunInstruction | undefined;
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'RUN' || instruction.isOnbuild) {
          previous = undefined;
          continue;
        }
        // Note: a chain (`a && b`) is a deliberate grouping, and different flags (mounts) cannot share one RUN.
        const single = instruction.commands.length === 1;
        if (previous && single && sameFlags(previous, instruction)) {
          const above = previous;
          context.report({
            at: instruction.keywordSpan,
            message: 'This `RUN` follows another single-command `RUN`: merging them saves a layer.',
            // Note: built when read (code actions, `--fix`).
            fixes: () => {
              const edit = mergeRuns(model, above, instruction);
              return edit ? [{ title: 'Merge into the `RUN` above', kind: 'suggestion', edits: [edit] }] : [];
            },
          });
        }
        previous = single ? instruction : undefined;
      }
    }
  },
});

function sameFlags(first: RunInstruction, second: RunInstruction): boolean {
  const text = (run: RunInstruction): string => run.flags.map((flag) => flag.text).join(' ');
  return text(first) === text(second);
}
