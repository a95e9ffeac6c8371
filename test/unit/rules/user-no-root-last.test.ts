import rule from '../../../server/src/rules/user-no-root-last';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nUSER app',
    'FROM alpine:3.20\nUSER root\nRUN apk add --no-cache curl\nUSER app',
    { name: 'a build stage used by a later one', code: 'FROM alpine:3.20 AS build\nUSER root\nFROM alpine:3.20\nCOPY --from=build /a /a\nUSER 1000' },
  ],
  invalid: [
    { name: 'root last', code: 'FROM alpine:3.20\nUSER «root»', output: null, messageIncludes: 'runs as root' },
    { name: 'uid and gid 0', code: 'FROM alpine:3.20\nUSER «0:0»', output: null },
    { name: 'inherited by a later stage', code: 'FROM debian:12 AS base\nUSER «root»\nFROM base\nRUN true', output: null, messageIncludes: 'later stage' },
  ],
});
