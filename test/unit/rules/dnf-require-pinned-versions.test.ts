import rule from '../../../server/src/rules/dnf-require-pinned-versions';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y tomcat-9.0.87 && dnf clean all',
    { name: 'group install', code: 'FROM fedora:40\nRUN dnf -y group install "Development Tools"' },
    { name: 'version from a variable', code: 'FROM fedora:40\nARG V=2.51.0\nRUN microdnf install -y git-core-${V}' },
  ],
  invalid: [
    {
      name: 'unpinned packages of dnf and microdnf',
      code: 'FROM fedora:40\nRUN dnf install -y «rpm-sign» && microdnf install -y «tomcat»',
      output: null,
      messageIncludes: '-<version>',
      severity: 'warning',
    },
  ],
});
