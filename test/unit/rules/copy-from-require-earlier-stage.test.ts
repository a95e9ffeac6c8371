import rule from '../../../server/src/rules/copy-from-require-earlier-stage';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=build /a /a',
    'FROM alpine:3.20\nCOPY --from=haskell:latest /a /a',
    'FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=0 /a /a',
    'FROM alpine:3.20\nCOPY --from=$BUILDER /a /a',
  ],
  invalid: [
    { name: 'defined later', code: 'FROM alpine:3.20\nCOPY --from=«build» /a /a\nFROM golang:1.22 AS build', output: null, messageIncludes: 'after this' },
    { name: 'unknown name', code: 'FROM alpine:3.20\nCOPY --from=«biuld» /a /a', output: null, messageIncludes: 'No earlier stage' },
    { name: 'stage number out of range', code: 'FROM alpine:3.20\nCOPY --from=«3» /a /a', output: null, messageIncludes: 'number' },
  ],
});
