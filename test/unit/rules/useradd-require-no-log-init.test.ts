import rule from '../../../server/src/rules/useradd-require-no-log-init';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM debian:12\nRUN useradd -u 12345 app',
    { name: '-l given', code: 'FROM debian:12\nRUN useradd -l -u 123456 app && useradd --no-log-init --uid=234567 b' },
    { name: 'no UID', code: 'FROM debian:12\nRUN useradd app' },
  ],
  invalid: [
    {
      name: 'high UID without -l',
      code: 'FROM debian:12\nRUN useradd -m -u «123456» app',
      output: 'FROM debian:12\nRUN useradd -l -m -u 123456 app',
      messageIncludes: 'UID 123456 without `-l`',
      severity: 'warning',
    },
    {
      name: '--uid=',
      code: 'FROM debian:12\nRUN useradd «--uid=1000000» app',
      output: 'FROM debian:12\nRUN useradd -l --uid=1000000 app',
    },
  ],
});
