import rule from '../../../server/src/rules/onbuild-no-forbidden-trigger';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20\nONBUILD COPY . /src', 'FROM alpine:3.20\nONBUILD RUN make'],
  invalid: [
    { name: 'FROM', code: 'FROM alpine:3.20\nONBUILD «FROM» debian:12', output: null, messageIncludes: '`ONBUILD FROM`' },
    { name: 'ONBUILD', code: 'FROM alpine:3.20\nONBUILD «ONBUILD» RUN make', output: null },
    { name: 'MAINTAINER', code: 'FROM alpine:3.20\nONBUILD «MAINTAINER» jane', output: null },
  ],
});
