/** Why: dnf keeps downloaded metadata and packages in its cache; left in a layer they are dead weight. */
import { defineRule } from './rule';
import { checkCleanup } from './shared/rpmRules';

export default defineRule({
  id: 'dnf-require-clean',
  description: 'Run `dnf clean all` after `dnf install` in the same `RUN`, so the package cache stays out of the image.',
  defaultSeverity: 'warning',
  fixSummary: 'safe: append `dnf clean all`',
  hadolint: ['DL3040'],
  requires: { programs: ['dnf', 'microdnf'] },
  check(context) {
    checkCleanup(context, ['dnf', 'microdnf']);
  },
});
