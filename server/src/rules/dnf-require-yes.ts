/** Why: without -y, dnf asks for confirmation; a build has no terminal, so it aborts. */
import { defineRule } from './rule';
import { checkAssumeYes } from './shared/rpmRules';

export default defineRule({
  id: 'dnf-require-yes',
  description: 'Give `dnf` and `microdnf` the `-y` switch so they never wait for a confirmation.',
  defaultSeverity: 'warning',
  fixSummary: 'safe: `-y`',
  hadolint: ['DL3038'],
  requires: { programs: ['dnf', 'microdnf'] },
  check(context) {
    checkAssumeYes(context, ['dnf', 'microdnf']);
  },
});
