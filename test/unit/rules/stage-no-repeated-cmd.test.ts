import rule from '../../../server/src/rules/stage-no-repeated-cmd';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20 AS a\nCMD ["a"]\nFROM alpine:3.20\nCMD ["b"]', 'FROM alpine:3.20\nCMD ["a"]\nONBUILD CMD ["b"]'],
  invalid: [
    {
      name: 'two CMDs',
      code: 'FROM alpine:3.20\n«CMD» ["sh"]\nRUN true\nCMD ["/app"]',
      output: null,
      severity: 'warning',
      messageIncludes: 'line 4',
      suggestions: [{ title: 'Remove the overridden `CMD`', output: 'FROM alpine:3.20\nRUN true\nCMD ["/app"]' }],
    },
    { name: 'two ENTRYPOINTs', code: 'FROM alpine:3.20\n«ENTRYPOINT» ["a"]\nENTRYPOINT ["b"]', output: null, severity: 'error' },
    { name: 'two HEALTHCHECKs', code: 'FROM alpine:3.20\n«HEALTHCHECK» CMD a\nHEALTHCHECK CMD b', output: null, severity: 'error' },
  ],
});
