import rule from '../../../server/src/rules/pragma-no-inline-ignore';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['# hadolint shell=powershell\nFROM alpine:3.20', '# hadolint global ignore=DL3018\nFROM alpine:3.20'],
  invalid: [
    { name: 'hadolint', code: 'FROM alpine:3.20\n«# hadolint ignore=DL3018»\nRUN true', output: null, skipSuppressionVariant: true },
    { name: 'alpinist', code: 'FROM alpine:3.20\n«# alpinist ignore=run-no-sudo»\nRUN true', output: null, skipSuppressionVariant: true },
  ],
});
