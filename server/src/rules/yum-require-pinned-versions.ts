/** Why: an unpinned yum install installs whatever the repository serves on build day, so rebuilds can differ. */
import { defineRule } from './rule';
import { checkPinned } from './shared/rpmRules';

export default defineRule({
  id: 'yum-require-pinned-versions',
  description: 'Pin the version of every package in `yum install` (`package-version`).',
  defaultSeverity: 'warning',
  hadolint: ['DL3033'],
  requires: { programs: ['yum'] },
  check(context) {
    checkPinned(context, ['yum']);
  },
});
