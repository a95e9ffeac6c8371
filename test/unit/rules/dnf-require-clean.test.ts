import rule from '../../../server/src/rules/dnf-require-clean';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y mariadb-10.11 && dnf clean all',
    { name: 'microdnf', code: 'FROM fedora:40\nRUN microdnf install -y mariadb && microdnf clean all' },
    { name: 'dnf 5 cache mount', code: 'FROM fedora:41\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y mariadb' },
    { name: 'cache removed', code: 'FROM fedora:40\nRUN dnf in -y mariadb && rm -rf /var/cache/dnf' },
  ],
  invalid: [
    {
      name: 'no clean',
      code: 'FROM fedora:40\nRUN «dnf install» -y mariadb-10.11',
      output: 'FROM fedora:40\nRUN dnf install -y mariadb-10.11 && dnf clean all',
      messageIncludes: '`dnf clean all`',
      severity: 'warning',
    },
    {
      name: 'another tool cleaning does not count',
      code: 'FROM fedora:40\nRUN «dnf upgrade» -y && microdnf clean all',
      output: 'FROM fedora:40\nRUN dnf upgrade -y && microdnf clean all && dnf clean all',
    },
  ],
});
