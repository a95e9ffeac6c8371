/** Why: yum keeps downloaded metadata and packages in /var/cache/yum; left in a layer they are dead weight. */
import { defineRule } from './rule';
import { checkCleanup } from './shared/rpmRules';

export default defineRule({
  id: 'yum-require-clean',
  description: 'Run `yum clean all` after `yum install` in the same `RUN`, so the package cache stays out of the image.',
  defaultSeverity: 'warning',
  fixSummary: 'safe: append `yum clean all`',
  hadolint: ['DL3032'],
  requires: { programs: ['yum'] },
  check(context) {
    checkCleanup(context, ['yum']);
  },
});
