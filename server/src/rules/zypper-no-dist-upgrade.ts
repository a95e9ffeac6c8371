/** Why: `zypper dist-upgrade` may move the base image to another distribution release inside one RUN. */
import { parseRpmCall } from '../shell/rpm';
import { spanOf } from '../util/span';
import { defineRule } from './rule';

export default defineRule({
  id: 'zypper-no-dist-upgrade',
  description: 'Do not run `zypper dist-upgrade` in an image build; use a newer base image instead.',
  defaultSeverity: 'warning',
  hadolint: ['DL3035'],
  requires: { programs: ['zypper'] },
  check(context) {
    for (const run of context.dockerfile.runs) {
      for (const command of run.commands) {
        const call = parseRpmCall(command);
        if (call?.tool !== 'zypper' || call.subcommand !== 'dist-upgrade' || !call.subcommandWord) continue;
        context.report({
          at: spanOf(call.programWord, call.subcommandWord),
          message: `\`zypper ${call.subcommandWord.value ?? 'dist-upgrade'}\` upgrades the whole distribution inside the build, so the base image no longer says what the image runs; use a newer base image.`,
        });
      }
    }
  },
});
