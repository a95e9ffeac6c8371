/** Why: an unpinned dnf install installs whatever the repository serves on build day, so rebuilds can differ. */
import { defineRule } from './rule';
import { checkPinned } from './shared/rpmRules';

export default defineRule({
  id: 'dnf-require-pinned-versions',
  description: 'Pin the version of every package in `dnf install` (`package-version`).',
  defaultSeverity: 'warning',
  hadolint: ['DL3041'],
  requires: { programs: ['dnf', 'microdnf'] },
  check(context) {
    checkPinned(context, ['dnf', 'microdnf']);
  },
});
