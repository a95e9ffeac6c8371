import rule from '../../../server/src/rules/stage-name-no-reserved';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM scratch\nCOPY a /a', 'FROM alpine:3.20 AS scratchpad', 'FROM alpine:3.20 AS build-context'],
  invalid: [
    { name: 'scratch', code: 'FROM alpine:3.20 AS «scratch»', output: null, messageIncludes: 'empty image' },
    { name: 'context in any case', code: 'FROM alpine:3.20 AS «Context»\nRUN true', output: null, messageIncludes: 'build context' },
  ],
});
