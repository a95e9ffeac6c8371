import rule from '../../../server/src/rules/expose-port-in-range';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20\nEXPOSE 0 65535 40000-60000/tcp', 'FROM alpine:3.20\nEXPOSE ${PORT} 40000-${END}'],
  invalid: [
    { name: 'single port', code: 'FROM alpine:3.20\nEXPOSE «80000»', output: null, messageIncludes: '`80000`' },
    { name: 'end of a range', code: 'FROM alpine:3.20\nEXPOSE 80 «40000-80000/tcp»', output: null },
  ],
});
