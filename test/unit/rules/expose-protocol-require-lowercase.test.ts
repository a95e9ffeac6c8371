import rule from '../../../server/src/rules/expose-protocol-require-lowercase';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20\nEXPOSE 80/tcp 53/udp 8080', 'FROM alpine:3.20\nEXPOSE $PORT/TCP'],
  invalid: [
    { name: 'upper-case protocols', code: 'FROM alpine:3.20\nEXPOSE 80/«TCP» 53/«Udp»', output: 'FROM alpine:3.20\nEXPOSE 80/tcp 53/udp', messageIncludes: 'lower case' },
  ],
});
