import rule from '../../../server/src/rules/yum-require-yes';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all',
    { name: '--assumeyes before the subcommand', code: 'FROM centos:7\nRUN yum --assumeyes install httpd-2.4.6' },
    { name: 'read-only subcommands', code: 'FROM centos:7\nRUN yum list installed && yum clean all' },
    { name: 'a variable may hold -y', code: 'FROM centos:7\nRUN yum $YUM_OPTS install httpd' },
    { name: 'dnf is another rule', code: 'FROM fedora:40\nRUN dnf install httpd' },
  ],
  invalid: [
    {
      name: 'yum install without -y',
      code: 'FROM centos:7\nRUN «yum install» httpd-2.4.6 && yum clean all',
      output: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all',
      messageIncludes: '`yum install` without `-y`',
      severity: 'warning',
    },
    {
      name: 'yum groupinstall and update',
      code: 'FROM centos:7\nRUN «yum groupinstall» "Development Tools" && «yum update»',
      output: 'FROM centos:7\nRUN yum groupinstall -y "Development Tools" && yum update -y',
    },
  ],
});
