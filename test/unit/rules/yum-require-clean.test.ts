import rule from '../../../server/src/rules/yum-require-clean';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all',
    { name: 'cache removed', code: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && rm -rf /var/cache/yum/*' },
    { name: 'cache mount', code: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y httpd-2.4.6' },
    { name: 'build stage only copied from', code: 'FROM centos:7 AS build\nRUN yum install -y gcc-4.8.5\nFROM scratch\nCOPY --from=build /out /out' },
  ],
  invalid: [
    {
      name: 'no clean',
      code: 'FROM centos:7\nRUN «yum install» -y mariadb-5.5',
      output: 'FROM centos:7\nRUN yum install -y mariadb-5.5 && yum clean all',
      messageIncludes: '`yum clean all`',
      severity: 'warning',
    },
    {
      name: 'clean before the install does not count; the last install is reported',
      code: 'FROM centos:7\nRUN yum clean all && yum install -y a-1 && «yum install» -y b-1',
      output: 'FROM centos:7\nRUN yum clean all && yum install -y a-1 && yum install -y b-1 && yum clean all',
    },
    {
      name: 'yum clean without all',
      code: 'FROM centos:7\nRUN «yum install» -y a-1 && yum clean metadata',
      output: 'FROM centos:7\nRUN yum install -y a-1 && yum clean metadata && yum clean all',
    },
  ],
});
