import rule from '../../../server/src/rules/expose-no-host-mapping';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20\nEXPOSE 80 8000-8010/udp', 'FROM alpine:3.20\nEXPOSE ${HOST}:80'],
  invalid: [
    { name: 'host port', code: 'FROM alpine:3.20\nEXPOSE «8080:»80', output: 'FROM alpine:3.20\nEXPOSE 80', messageIncludes: '`80`' },
    { name: 'address and host port with a protocol', code: 'FROM alpine:3.20\nEXPOSE 443 «127.0.0.1:8443:»443/tcp', output: 'FROM alpine:3.20\nEXPOSE 443 443/tcp' },
  ],
});
