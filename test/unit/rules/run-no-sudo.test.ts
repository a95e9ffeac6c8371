import rule from '../../../server/src/rules/run-no-sudo';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20\nRUN apk add --no-cache sudo', 'FROM alpine:3.20\nRUN echo sudo'],
  invalid: [
    { name: 'sudo first', code: 'FROM debian:12\nRUN «sudo» apt-get update', output: null, messageIncludes: '`sudo`' },
    { name: 'doas in a chain', code: 'FROM alpine:3.20\nRUN apk update && «doas» apk add curl', output: null, messageIncludes: '`doas`' },
  ],
});
