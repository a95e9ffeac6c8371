import rule from '../../../server/src/rules/zypper-no-dist-upgrade';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM opensuse/leap:15.6\nRUN zypper -n update && zypper clean', { name: 'not zypper', code: 'FROM opensuse/leap:15.6\nRUN echo zypper dup' }],
  invalid: [
    {
      name: 'dist-upgrade and its alias',
      code: 'FROM opensuse/tumbleweed\nRUN «zypper -n dist-upgrade» && «zypper dup»',
      output: null,
      messageIncludes: 'upgrades the whole distribution',
      severity: 'warning',
    },
  ],
});
