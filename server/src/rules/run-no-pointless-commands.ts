/**
 * Why: a `RUN` step is a throw-away process tree, not a running machine: there is no service manager, no other process
 * to list or kill, no interactive editor and no mount privilege, so these commands do nothing useful or fail.
 */
import { defineRule } from './rule';

/** hadolint DL3001's list (its message also names `ifconfig`, which its check does not contain). */
const POINTLESS = new Set(['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim']);

export default defineRule({
  id: 'run-no-pointless-commands',
  description: 'Avoid commands that make no sense in a build step: `ssh`, `vim`, `shutdown`, `service`, `ps`, `free`, `top`, `kill`, `mount`.',
  defaultSeverity: 'info',
  hadolint: ['DL3001'],
  check(context) {
    for (const run of context.dockerfile.runs) {
      for (const command of run.commands) {
        if (command.name === undefined || !POINTLESS.has(command.name)) continue;
        context.report({
          at: command.words[0],
          message: `\`${command.name}\` makes no sense in a \`RUN\` step: the build container has no services, sessions or other processes to manage.`,
        });
      }
    }
  },
});
