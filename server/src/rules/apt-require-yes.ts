/** Why: without `-y`, `apt-get install` asks for confirmation; a build has no terminal, so it aborts. */
import { insertArgumentAfter } from '../edits/edits';
import { aptConfigOptions, isAptTrue, parseAptCall, type AptCall } from '../shell/apt';
import { spanOf } from '../util/span';
import { defineRule } from './rule';

export default defineRule({
  id: 'apt-require-yes',
  description: 'Give `apt-get install` the `-y` switch so it never waits for a confirmation.',
  defaultSeverity: 'warning',
  fixSummary: 'safe: `-y`',
  hadolint: ['DL3014'],
  requires: { programs: ['apt-get', 'apt', 'aptitude'] },
  check(context) {
    for (const run of context.dockerfile.runs) {
      for (const command of run.commands) {
        const call = parseAptCall(command);
        if (call?.tool !== 'apt-get' || call.subcommand !== 'install' || !call.subcommandWord) continue;
        if (call.line.unknown.length > 0 || assumesYes(call)) continue;
        context.report({
          at: spanOf(call.programWord, call.subcommandWord),
          message: '`apt-get install` without `-y` stops at its confirmation prompt, which a build cannot answer.',
          fixes: [{ title: 'Add `-y` to `apt-get install`', kind: 'safe', edits: [insertArgumentAfter(run, call.subcommandWord, '-y')] }],
        });
      }
    }
  },
});

/** `-y`, `--yes`, `--assume-yes`, quiet level 2 (`-qq`, `-q=2`), which implies `-y` (apt-get(8)), or the setting. */
function assumesYes(call: AptCall): boolean {
  let quiet = 0;
  for (const option of call.line.options) {
    if (['-y', '--yes', '--assume-yes'].includes(option.name)) return option.value === undefined || isAptTrue(option.value);
    if (option.name === '-q' || option.name === '--quiet') quiet = option.value !== undefined && /^\d+$/.test(option.value) ? Number(option.value) : quiet + 1;
  }
  const setting = aptConfigOptions(call).get('apt::get::assume-yes');
  return quiet >= 2 || (setting !== undefined && isAptTrue(setting));
}
