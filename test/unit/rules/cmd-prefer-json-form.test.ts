import rule from '../../../server/src/rules/cmd-prefer-json-form';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20\nCMD ["a", "b"]', 'FROM alpine:3.20\nHEALTHCHECK CMD ["a"]', 'FROM alpine:3.20\nHEALTHCHECK NONE'],
  invalid: [
    {
      name: 'plain CMD',
      code: 'FROM node:20-alpine\nCMD «node server.js»',
      output: null,
      suggestions: [{ title: 'Write as ["node", "server.js"]', output: 'FROM node:20-alpine\nCMD ["node", "server.js"]' }],
    },
    { name: 'ENTRYPOINT with shell syntax: no fix', code: 'FROM alpine:3.20\nENTRYPOINT «exec app "$@"»', output: null },
    {
      name: 'HEALTHCHECK CMD',
      code: 'FROM alpine:3.20\nHEALTHCHECK --interval=5s CMD «wget -q http://localhost/»',
      output: null,
      suggestions: [{ title: 'Write as ["wget", "-q", "http://localhost/"]', output: 'FROM alpine:3.20\nHEALTHCHECK --interval=5s CMD ["wget", "-q", "http://localhost/"]' }],
    },
  ],
});
