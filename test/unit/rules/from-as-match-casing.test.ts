import rule from '../../../server/src/rules/from-as-match-casing';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20 AS build', 'from alpine:3.20 as build', { name: 'mixed-case FROM is left to instruction casing', code: 'From alpine:3.20 as build' }],
  invalid: [
    { name: 'upper FROM, lower as', code: 'FROM alpine:3.20 «as» build', output: 'FROM alpine:3.20 AS build' },
    { name: 'lower from, upper AS', code: 'from alpine:3.20 «AS» build\nrun true', output: 'from alpine:3.20 as build\nrun true' },
    { name: 'mixed As after FROM', code: 'FROM --platform=$BUILDPLATFORM alpine:3.20 «As» build', output: 'FROM --platform=$BUILDPLATFORM alpine:3.20 AS build' },
  ],
});
