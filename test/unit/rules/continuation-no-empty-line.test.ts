import rule from '../../../server/src/rules/continuation-no-empty-line';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache \\\n    # a comment line\n    curl',
    { name: 'empty lines in a heredoc', code: 'FROM alpine:3.20\nRUN <<EOF\necho a\n\necho b\nEOF\n' },
    'FROM alpine:3.20\n\nRUN true\n',
  ],
  invalid: [
    {
      name: 'empty line inside a continuation',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n«\n»    curl\n',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    curl\n',
    },
    {
      name: 'blank line with spaces',
      code: 'FROM alpine:3.20\nENV A=1 \\\n«  \n»    B=2',
      output: 'FROM alpine:3.20\nENV A=1 \\\n    B=2',
    },
  ],
});
