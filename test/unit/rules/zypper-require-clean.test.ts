import rule from '../../../server/src/rules/zypper-require-clean';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper install -y mariadb=10.11 && zypper clean',
    { name: 'zypper cc', code: 'FROM opensuse/leap:15.6\nRUN zypper in -y mariadb=10.11 && zypper cc -a' },
    { name: 'tmpfs mount', code: 'FROM opensuse/leap:15.6\nRUN --mount=type=tmpfs,target=/var/cache/zypp zypper install -y mariadb' },
  ],
  invalid: [
    {
      name: 'no clean',
      code: 'FROM opensuse/leap:15.6\nRUN «zypper install» -y mariadb=10.11',
      output: 'FROM opensuse/leap:15.6\nRUN zypper install -y mariadb=10.11 && zypper clean',
      messageIncludes: '`zypper clean`',
      severity: 'warning',
    },
    {
      name: 'clean before the install',
      code: 'FROM opensuse/leap:15.6\nRUN zypper clean && «zypper install» -y mariadb=10.11',
      output: 'FROM opensuse/leap:15.6\nRUN zypper clean && zypper install -y mariadb=10.11 && zypper clean',
    },
  ],
});
