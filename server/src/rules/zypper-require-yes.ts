/** Why: without -n or -y, zypper asks for confirmation; a build has no terminal, so it aborts. */
import { defineRule } from './rule';
import { checkAssumeYes } from './shared/rpmRules';

export default defineRule({
  id: 'zypper-require-yes',
  description: 'Give `zypper` the `-n` (non-interactive) switch so it never waits for a confirmation.',
  defaultSeverity: 'warning',
  fixSummary: 'safe: `-n`',
  hadolint: ['DL3034'],
  requires: { programs: ['zypper'] },
  check(context) {
    checkAssumeYes(context, ['zypper']);
  },
});
