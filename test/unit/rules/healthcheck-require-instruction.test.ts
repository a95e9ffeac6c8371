import rule from '../../../server/src/rules/healthcheck-require-instruction';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20\nHEALTHCHECK NONE', 'FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM base'],
  invalid: [{ name: 'none', code: 'FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\n«FROM» alpine:3.20', output: null }],
});
