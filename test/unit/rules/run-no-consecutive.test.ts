import rule from '../../../server/src/rules/run-no-consecutive';
import { ruleTester } from '../../support/ruleTester';

const MERGE = 'Merge into the `RUN` above';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nRUN a\nWORKDIR /\nRUN b',
    'FROM alpine:3.20\nRUN a && b\nRUN c',
    'FROM alpine:3.20\nRUN --mount=type=secret,id=a a\nRUN b',
  ],
  invalid: [
    {
      name: 'two single commands',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n«RUN» curl --version\n',
      output: null,
      suggestions: [{ title: MERGE, output: 'FROM alpine:3.20\nRUN apk add --no-cache curl && \\\n    curl --version\n' }],
    },
    { name: 'a comment between: reported without a fix', code: 'FROM alpine:3.20\nRUN a\n# note\n«RUN» b', output: null },
  ],
});
