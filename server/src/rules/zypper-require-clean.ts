/** Why: zypper keeps repository metadata and packages in /var/cache/zypp; left in a layer they are dead weight. */
import { defineRule } from './rule';
import { checkCleanup } from './shared/rpmRules';

export default defineRule({
  id: 'zypper-require-clean',
  description: 'Run `zypper clean` after `zypper install` in the same `RUN`, so the package cache stays out of the image.',
  defaultSeverity: 'warning',
  fixSummary: 'safe: append `zypper clean`',
  hadolint: ['DL3036'],
  requires: { programs: ['zypper'] },
  check(context) {
    checkCleanup(context, ['zypper']);
  },
});
