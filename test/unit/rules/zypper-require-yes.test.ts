import rule from '../../../server/src/rules/zypper-require-yes';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58 && zypper clean',
    { name: '--non-interactive, -y and --no-confirm', code: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in a=1 && zypper install -y b=1 && zypper install --no-confirm c=1' },
    { name: 'refresh asks nothing', code: 'FROM opensuse/leap:15.6\nRUN zypper refresh' },
  ],
  invalid: [
    {
      name: 'zypper install without -n',
      code: 'FROM opensuse/leap:15.6\nRUN «zypper install» httpd=2.4.58 && zypper clean',
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58 && zypper clean',
      messageIncludes: 'without `-n`',
      severity: 'warning',
    },
    {
      name: 'global option before the subcommand',
      code: 'FROM opensuse/leap:15.6\nRUN «zypper --gpg-auto-import-keys in» httpd=2.4.58',
      output: 'FROM opensuse/leap:15.6\nRUN zypper -n --gpg-auto-import-keys in httpd=2.4.58',
    },
  ],
});
