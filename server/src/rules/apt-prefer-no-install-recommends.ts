/** Why: apt installs every recommended package too, which grows the image with packages nothing asked for. */
import { isFoundBefore } from '../dockerfile/history';
import { insertArgumentAfter } from '../edits/edits';
import { aptConfigOptions, parseAptCall } from '../shell/apt';
import type { ShellCommand } from '../shell/shellCommand';
import { spanOf } from '../util/span';
import { defineRule } from './rule';

export default defineRule({
  id: 'apt-prefer-no-install-recommends',
  description: 'Use `apt-get install --no-install-recommends` so recommended packages stay out of the image.',
  defaultSeverity: 'info',
  fixSummary: 'suggestion: `--no-install-recommends`',
  hadolint: ['DL3015'],
  requires: { programs: ['apt-get', 'apt', 'aptitude'] },
  check(context) {
    for (const run of context.dockerfile.runs) {
      for (const command of run.commands) {
        const call = parseAptCall(command);
        if (call?.tool !== 'apt-get' || call.subcommand !== 'install' || !call.subcommandWord) continue;
        if (call.line.unknown.length > 0) continue;
        const option = call.line.options.find((item) => item.name === '--no-install-recommends' || item.name === '--install-recommends');
        if (option) continue;
        const setting = aptConfigOptions(call).get('apt::install-recommends');
        if (setting !== undefined) continue;
        if (isFoundBefore(run.stage, run, command, writesRecommendsOff)) continue;
        context.report({
          at: spanOf(call.programWord, call.subcommandWord),
          message: '`apt-get install` without `--no-install-recommends` also installs every package the requested ones recommend.',
          fixes: [
            {
              title: 'Add `--no-install-recommends` to `apt-get install`',
              kind: 'suggestion',
              edits: [insertArgumentAfter(run, call.subcommandWord, '--no-install-recommends')],
            },
          ],
        });
      }
    }
  },
});

/** `echo 'APT::Install-Recommends "0";' > /etc/apt/apt.conf.d/…` (or `false`) in an earlier command. */
function writesRecommendsOff(command: ShellCommand): true | undefined {
  if (command.name !== 'echo' && command.name !== 'printf') return undefined;
  return command.words.some((word) => /Install-Recommends\W+(?:0|false|no)\b/i.test(word.value ?? word.raw)) || undefined;
}
