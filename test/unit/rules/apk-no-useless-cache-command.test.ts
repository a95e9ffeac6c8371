import rule from '../../../server/src/rules/apk-no-useless-cache-command';
import { ruleTester } from '../../support/ruleTester';

const both = 'apk-tools 2 (Alpine ≤ 3.22) stops with "Package cache is not enabled", and apk-tools 3 (Alpine 3.23+) keeps the current indexes in `/var/cache/apk`.';

ruleTester.run(rule, {
  valid: [
    { name: 'plain apk update', code: 'FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*' },
    { name: 'a cache set up with a symlink', code: 'FROM alpine:3.20\nRUN ln -s /var/cache/apk /etc/apk/cache\nRUN apk add curl && apk cache clean' },
    { name: 'a cache mount at /etc/apk/cache', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/etc/apk/cache apk add curl && apk cache clean' },
    { name: 'an explicit cache directory', code: 'FROM alpine:3.20\nRUN apk --cache-dir /var/cache/apk cache clean' },
    { name: 'a parent stage set the cache up', code: 'FROM alpine:3.20 AS base\nRUN mkdir -p /etc/apk/cache\nFROM base\nRUN apk cache sync' },
  ],
  invalid: [
    {
      name: 'apk --no-cache update in a chain is removed',
      code: 'FROM alpine:3.20\nRUN «apk --no-cache update» && \\\n    apk --no-cache upgrade && \\\n    apk add --no-cache ca-certificates',
      output: 'FROM alpine:3.20\nRUN apk --no-cache upgrade && \\\n    apk add --no-cache ca-certificates',
      messageIncludes: '`apk --no-cache update` fetches the package indexes and keeps none of them, so no later `apk` command gains from it.',
    },
    {
      name: 'the only command of its RUN: the RUN goes',
      code: 'FROM alpine:3.20\nRUN «apk update --no-cache»\nRUN apk add --no-cache curl\n',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'the last command of a chain',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl && «apk update --no-cache»',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl',
    },
    {
      name: 'inside if: reported without a fix',
      code: 'FROM alpine:3.20\nRUN if true; then «apk update --no-cache»; fi',
      output: null,
    },
    {
      name: 'apk cache clean without a cache, release unknown',
      code: 'FROM mycompany/alpine-base:1\nRUN apk add --no-cache curl && «apk cache clean»',
      output: null,
      messageIncludes: `No package cache is set up (no \`/etc/apk/cache\`), so \`apk cache clean\` does nothing useful: ${both}`,
      suggestions: [{ title: 'Delete `/var/cache/apk/*` instead', output: 'FROM mycompany/alpine-base:1\nRUN apk add --no-cache curl && rm -rf /var/cache/apk/*' }],
    },
    {
      name: 'on Alpine 3.20: apk-tools 2 stops',
      code: 'FROM alpine:3.20\nRUN apk add curl && «apk cache clean»',
      output: null,
      messageIncludes: 'does nothing useful: apk-tools 2 (Alpine ≤ 3.22) stops with "Package cache is not enabled".',
      suggestions: [{ title: 'Delete `/var/cache/apk/*` instead', output: 'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*' }],
    },
    {
      name: 'on Alpine 3.23: apk-tools 3 keeps the indexes; a cache in a later RUN does not count',
      code: 'FROM alpine:3.23\nRUN apk add curl && «apk cache purge»\nRUN mkdir -p /etc/apk/cache',
      output: null,
      messageIncludes: 'does nothing useful: apk-tools 3 (Alpine 3.23+) keeps the current indexes in `/var/cache/apk`.',
      suggestions: [{ title: 'Delete `/var/cache/apk/*` instead', output: 'FROM alpine:3.23\nRUN apk add curl && rm -rf /var/cache/apk/*\nRUN mkdir -p /etc/apk/cache' }],
    },
    {
      name: 'apk cache download gets no fix',
      code: 'FROM alpine:3.23\nRUN «apk cache download»',
      output: null,
      messageIncludes: 'apk-tools 3 (Alpine 3.23+) downloads nothing.',
    },
  ],
});
