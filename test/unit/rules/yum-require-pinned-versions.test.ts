import rule from '../../../server/src/rules/yum-require-pinned-versions';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y tomcat-7.0.76 && yum clean all',
    { name: 'epoch, names with dashes and plus signs, release', code: 'FROM centos:7\nRUN yum install -y openssl-1:1.0.2k rpm-sign-4.11.3 gcc-c++-4.8.5 git-core-2.51.0-2.fc42' },
    { name: 'files, URLs, groups and variables', code: 'FROM centos:7\nRUN yum install -y ./x.rpm https://e.org/y.rpm @development "git-$GIT_VERSION"' },
    { name: 'module with a stream', code: 'FROM centos:8\nRUN yum module install -y nodejs:20' },
    { name: 'option values are not packages', code: 'FROM centos:7\nRUN yum install -y --enablerepo epel htop-2.2.0' },
  ],
  invalid: [
    {
      name: 'unpinned package',
      code: 'FROM centos:7\nRUN yum install -y «tomcat» && yum clean all',
      output: null,
      messageIncludes: '`tomcat-<version>`',
      severity: 'warning',
    },
    {
      name: 'a name with a number is not a version',
      code: 'FROM centos:7\nRUN yum install -y «java-11-openjdk» «python3»',
      output: null,
    },
    {
      name: 'module without a stream',
      code: 'FROM centos:8\nRUN yum module install -y «nodejs»',
      output: null,
      messageIncludes: '`nodejs:<stream>`',
    },
  ],
});
