import rule from '../../../server/src/rules/label-no-unlisted';
import { ruleTester } from '../../support/ruleTester';

const options = { labelSchema: { team: 'text' as const }, strictLabels: true };

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nLABEL other=1',
    { code: 'FROM alpine:3.20\nLABEL team=web', options },
    { code: 'FROM alpine:3.20\nLABEL other=1', options: { labelSchema: { team: 'text' as const } } },
  ],
  invalid: [{ name: 'unlisted', code: 'FROM alpine:3.20\nLABEL team=web «tema»=x', output: null, options, messageIncludes: '`tema`' }],
});
