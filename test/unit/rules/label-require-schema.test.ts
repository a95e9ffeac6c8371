import rule from '../../../server/src/rules/label-require-schema';
import { ruleTester } from '../../support/ruleTester';

const options = { labelSchema: { team: 'text' as const } };

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20',
    { code: 'FROM alpine:3.20\nLABEL team=web', options },
    { code: 'FROM alpine:3.20 AS base\nLABEL team=web\nFROM base', options },
    { code: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\nLABEL team=web\nCOPY --from=build /a /a', options },
  ],
  invalid: [
    { name: 'missing', code: '«FROM» alpine:3.20\nLABEL other=1', output: null, options, messageIncludes: '`team`' },
    { name: 'two stages without', code: '«FROM» alpine:3.20 AS base\n«FROM» base', output: null, options },
  ],
});
