import rule from '../../../server/src/rules/from-require-first';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['ARG V=3.20\nFROM alpine:${V}', '# syntax=docker/dockerfile:1\nFROM alpine:3.20\nLABEL a=b'],
  invalid: [{ name: 'LABEL first', code: '«LABEL» team=web\nFROM alpine:3.20', output: null, messageIncludes: '`LABEL`' }],
});
