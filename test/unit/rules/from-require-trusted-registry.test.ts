import rule from '../../../server/src/rules/from-require-trusted-registry';
import { ruleTester } from '../../support/ruleTester';

const trusted = { trustedRegistries: ['registry.example.com', '*.corp.example'] };

ruleTester.run(rule, {
  valid: [
    'FROM random.com/debian',
    { code: 'FROM registry.example.com/debian:12', options: trusted },
    { code: 'FROM a.corp.example/base:1 AS base\nFROM base\nCOPY --from=base /a /a', options: trusted },
    { code: 'FROM scratch', options: trusted },
    { code: 'FROM alpine:3.20', options: { trustedRegistries: ['docker.io'] } },
    { code: 'FROM alpine:3.20', options: { trustedRegistries: ['*'] } },
  ],
  invalid: [
    { name: 'Docker Hub image', code: 'FROM «alpine:3.20»', output: null, options: trusted, messageIncludes: '`docker.io`' },
    { name: 'COPY --from an image', code: 'FROM registry.example.com/a:1\nCOPY --from=«other.io/tool:1» /t /t', output: null, options: trusted },
    {
      name: 'mount from an image',
      code: 'FROM registry.example.com/a:1\nRUN --mount=type=bind,«from=other.io/tool:1»,target=/t true',
      output: null,
      options: trusted,
    },
  ],
});
