import rule from '../../../server/src/rules/from-platform-no-redundant-target';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM --platform=$BUILDPLATFORM alpine:3.20', 'FROM --platform=${TARGETPLATFORM:-linux/amd64} alpine:3.20'],
  invalid: [
    { name: 'plain', code: 'FROM «--platform=$TARGETPLATFORM» alpine:3.20 AS run', output: 'FROM alpine:3.20 AS run', messageIncludes: 'anyway' },
    { name: 'braced', code: 'FROM «--platform=${TARGETPLATFORM}» alpine:3.20', output: 'FROM alpine:3.20' },
  ],
});
