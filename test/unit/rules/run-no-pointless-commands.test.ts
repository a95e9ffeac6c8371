import rule from '../../../server/src/rules/run-no-pointless-commands';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM debian:12\nRUN apt-get install -y ssh vim', 'FROM alpine:3.20\nRUN echo top'],
  invalid: [
    { name: 'top', code: 'FROM alpine:3.20\nRUN «top»', output: null, messageIncludes: '`top`' },
    { name: 'service in a chain', code: 'FROM debian:12\nRUN apt-get update && «service» nginx start', output: null },
  ],
});
