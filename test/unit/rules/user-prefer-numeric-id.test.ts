import rule from '../../../server/src/rules/user-prefer-numeric-id';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20\nUSER 10001', 'FROM alpine:3.20\nUSER root', 'FROM alpine:3.20\nUSER 1000:1000', 'ARG UID\nFROM alpine:3.20\nUSER ${UID}'],
  invalid: [
    { name: 'name', code: 'FROM alpine:3.20\nUSER «app»', output: null, messageIncludes: '`app`' },
    { name: 'name and group', code: 'FROM alpine:3.20\nUSER «app»:app', output: null },
  ],
});
