import rule from '../../../server/src/rules/zypper-require-pinned-versions';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM opensuse/leap:15.6\nRUN zypper install -y tomcat=9.0.85 && zypper clean',
    { name: 'comparisons and rpm files', code: "FROM opensuse/leap:15.6\nRUN zypper install -y 'tomcat>=9.0' tomcat\\<10 ./tomcat-9.0.85-1.rpm" },
    { name: 'patterns are not packages', code: 'FROM opensuse/leap:15.6\nRUN zypper install -y -t pattern devel_basis' },
  ],
  invalid: [
    {
      name: 'unpinned package',
      code: 'FROM opensuse/leap:15.6\nRUN zypper install -y «tomcat» && zypper clean',
      output: null,
      messageIncludes: '`tomcat=<version>`',
      severity: 'warning',
    },
  ],
});
