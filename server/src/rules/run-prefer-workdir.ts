/** Why: `cd` lasts until the end of its `RUN`; `WORKDIR` states the directory once for every later instruction. */
import { defineRule } from './rule';

export default defineRule({
  id: 'run-prefer-workdir',
  description: 'Use `WORKDIR` to change directory instead of `cd` in `RUN`.',
  defaultSeverity: 'warning',
  hadolint: ['DL3003'],
  check(context) {
    for (const run of context.dockerfile.runs) {
      for (const command of run.commands) {
        // Note: `(cd dir && make)` in a subshell is the idiom for a directory used once; it is not reported.
        if (command.name !== 'cd' || !command.isTopLevel) continue;
        context.report({
          at: command.words[0],
          message: '`cd` in `RUN` changes the directory for this step only: use `WORKDIR` to make the directory clear to every later instruction.',
        });
      }
    }
  },
});
