/** Why: replacing `/bin/sh` by a link changes the shell under every program of the image; `SHELL` changes only the build's. */
import { argumentsOf } from '../shell/shellCommand';
import { defineRule } from './rule';

export default defineRule({
  id: 'run-prefer-shell-instruction',
  description: 'Use the `SHELL` instruction instead of linking another shell to `/bin/sh`.',
  defaultSeverity: 'warning',
  hadolint: ['DL4005'],
  check(context) {
    for (const run of context.dockerfile.runs) {
      for (const command of run.commands) {
        if (command.name !== 'ln') continue;
        const operands = argumentsOf(command).filter((word) => !(word.value ?? word.raw).startsWith('-'));
        const target = operands.length >= 2 ? operands[operands.length - 1] : undefined;
        if (target?.value !== '/bin/sh') continue;
        context.report({
          at: target,
          message: 'Linking over `/bin/sh` changes the shell of every script in the image: set the build shell with `SHELL` instead.',
        });
      }
    }
  },
});
