/** Why: without -y, yum asks for confirmation; a build has no terminal, so it aborts. */
import { defineRule } from './rule';
import { checkAssumeYes } from './shared/rpmRules';

export default defineRule({
  id: 'yum-require-yes',
  description: 'Give `yum` the `-y` switch so it never waits for a confirmation.',
  defaultSeverity: 'warning',
  fixSummary: 'safe: `-y`',
  hadolint: ['DL3030'],
  requires: { programs: ['yum'] },
  check(context) {
    checkAssumeYes(context, ['yum']);
  },
});
