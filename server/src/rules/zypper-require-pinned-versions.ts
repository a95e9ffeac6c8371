/** Why: an unpinned zypper install installs whatever the repository serves on build day, so rebuilds can differ. */
import { defineRule } from './rule';
import { checkPinned } from './shared/rpmRules';

export default defineRule({
  id: 'zypper-require-pinned-versions',
  description: 'Pin the version of every package in `zypper install` (`package=version`).',
  defaultSeverity: 'warning',
  hadolint: ['DL3037'],
  requires: { programs: ['zypper'] },
  check(context) {
    checkPinned(context, ['zypper']);
  },
});
