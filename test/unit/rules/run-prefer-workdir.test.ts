import rule from '../../../server/src/rules/run-prefer-workdir';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20\nWORKDIR /src\nRUN make', { name: 'subshell', code: 'FROM alpine:3.20\nRUN (cd /src && make)' }],
  invalid: [{ name: 'cd then make', code: 'FROM alpine:3.20\nRUN «cd» /src && make', output: null, messageIncludes: 'WORKDIR' }],
});
