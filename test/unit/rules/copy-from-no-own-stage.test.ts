import rule from '../../../server/src/rules/copy-from-no-own-stage';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20 AS build\nFROM alpine:3.20 AS run\nCOPY --from=build /a /a'],
  invalid: [
    { name: 'by name', code: 'FROM node:20 AS foo\nCOPY --from=«foo» /a .', output: null },
    { name: 'by index', code: 'FROM alpine:3.20\nFROM node:20\nCOPY --from=«1» /a .', output: null },
  ],
});
