import rule from '../../../server/src/rules/stage-name-no-duplicate';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20 AS build\nFROM alpine:3.20 AS run'],
  invalid: [{ name: 'same name, other case', code: 'FROM node:20 AS foo\nFROM alpine:3.20 AS «Foo»', output: null, messageIncludes: '`Foo`' }],
});
