import rule from '../../../server/src/rules/dnf-require-yes';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all',
    { name: 'microdnf with -y', code: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y httpd' },
    { name: 'not dnf', code: 'FROM fedora:40\nRUN notdnf install httpd' },
  ],
  invalid: [
    {
      name: 'dnf install without -y',
      code: 'FROM fedora:40\nRUN «dnf install» httpd-2.4.62 && dnf clean all',
      output: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all',
      messageIncludes: '`dnf install` without `-y`',
      severity: 'warning',
    },
    {
      name: 'microdnf, and dnf module install',
      code: 'FROM fedora:40\nRUN «microdnf install» httpd && «dnf module install» nodejs:20',
      output: 'FROM fedora:40\nRUN microdnf install -y httpd && dnf module install -y nodejs:20',
    },
  ],
});
