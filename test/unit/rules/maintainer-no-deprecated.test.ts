import rule from '../../../server/src/rules/maintainer-no-deprecated';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20\nLABEL maintainer=jane'],
  invalid: [
    {
      name: 'plain text',
      code: 'FROM alpine:3.20\n«MAINTAINER» Jane Doe <jane@example.com>\nRUN true',
      output: 'FROM alpine:3.20\nLABEL maintainer="Jane Doe <jane@example.com>"\nRUN true',
    },
    { name: 'quoted, with a dollar', code: 'FROM alpine:3.20\n«MAINTAINER» "Jane $5"', output: 'FROM alpine:3.20\nLABEL maintainer="Jane \\$5"' },
  ],
});
