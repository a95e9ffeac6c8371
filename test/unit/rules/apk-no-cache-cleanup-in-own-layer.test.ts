import rule from '../../../server/src/rules/apk-no-cache-cleanup-in-own-layer';
import { ruleTester } from '../../support/ruleTester';

const SAFE = 'Remove the cleanup and add `--no-cache` to the earlier `apk add`';
const REMOVE_RM = 'Remove `rm -rf /var/cache/apk/*`';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add curl && rm -rf /var/cache/apk/*',
    { name: 'belt and braces after --no-cache in the same RUN', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl && rm -rf /var/cache/apk/*' },
    { name: 'apk update in the same RUN', code: 'FROM alpine:3.20\nRUN apk update && rm -rf /var/cache/apk/*' },
    { name: 'the cleanup empties a cache mount', code: 'FROM alpine:3.20\nRUN apk add curl\nRUN --mount=type=cache,target=/var/cache/apk rm -rf /var/cache/apk/*' },
    { name: 'a Debian stage that never runs apk', code: 'FROM debian:12\nRUN rm -rf /var/cache/apk/* /var/lib/apt/lists/*' },
    { name: 'other paths', code: 'FROM alpine:3.20\nRUN apk add curl\nRUN rm -rf /var/cache/apt/* /tmp/*' },
    { name: 'inside a string', code: 'FROM alpine:3.20\nRUN apk add curl\nRUN echo "rm -rf /var/cache/apk/*"' },
  ],
  invalid: [
    {
      name: 'eight earlier installs are the most one fix rewrites',
      code: `FROM alpine:3.20\n${[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `RUN apk add p${n}\n`).join('')}RUN «rm -rf /var/cache/apk/*»\n`,
      output: `FROM alpine:3.20\n${[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `RUN apk add --no-cache p${n}\n`).join('')}`,
    },
    {
      name: 'nine earlier installs: the rewrite is left to the user, removing the cleanup is only a suggestion',
      code: `FROM alpine:3.20\n${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `RUN apk add p${n}\n`).join('')}RUN «rm -rf /var/cache/apk/*»\n`,
      output: null,
      suggestions: [{ title: REMOVE_RM, output: `FROM alpine:3.20\n${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `RUN apk add p${n}\n`).join('')}` }],
    },
    {
      name: 'the last line, without a line break: --no-cache goes in before the removal (property test regression)',
      code: 'FROM alpine:3.20\nRUN apk add\nRUN «rm -rf /var/cache/apk/*»',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache',
    },
    {
      name: 'a RUN of its own after the install',
      code: 'FROM alpine:3.20\nRUN apk add curl\nRUN «rm -rf /var/cache/apk/*»\n',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      messageIncludes: '`rm -rf /var/cache/apk/*` in a RUN that installs nothing with apk cannot shrink the image, because the cache is already committed in an earlier layer.',
      suggestions: [{ title: SAFE, output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' }],
    },
    {
      name: 'the install fetched the index with apk update',
      code: 'FROM alpine:3.20\nRUN apk update && \\\n    apk add curl\nRUN «rm -rf /var/cache/apk/*»',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl',
    },
    {
      name: 'every earlier installing RUN of the stage is rewritten; last step of an && chain',
      code: 'FROM alpine:3.20\nRUN apk add -U curl\nRUN apk add git\nRUN make && «rm -rf /var/cache/apk/*»',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN apk add --no-cache git\nRUN make',
    },
    {
      name: 'on a continuation line after apk del',
      code: 'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc\nRUN apk del .build-deps \\\n  && «rm -rf /var/cache/apk/*»',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc\nRUN apk del .build-deps',
    },
    {
      name: 'only the apk path goes when rm removes other paths too',
      code: 'FROM alpine:3.20\nRUN apk add curl\nRUN rm -rf /tmp/* «/var/cache/apk/*»',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN rm -rf /tmp/*',
      messageIncludes: '`/var/cache/apk/*`',
    },
    {
      name: 'apk cache clean',
      code: 'FROM alpine:3.20\nRUN apk add curl\nRUN «apk cache clean»',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl',
      messageIncludes: '`apk cache clean`',
    },
    {
      name: 'nothing wrote the cache of the official alpine image: the cleanup is useless, removing it is safe',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN «rm -rf /var/cache/apk/*»\n',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      messageIncludes: '`rm -rf /var/cache/apk/*` deletes nothing: every earlier `apk add` used `--no-cache`, so no layer wrote the apk cache, and the `alpine` image ships it empty. The cleanup is useless here.',
      suggestions: [{ title: REMOVE_RM, output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' }],
    },
    {
      name: 'another base image may hold a cache: removing it is only a suggestion',
      code: 'FROM python:3.12-alpine\nRUN «rm -rf /var/cache/apk/*»\n',
      output: null,
      messageIncludes: '`rm -rf /var/cache/apk/*` cannot shrink the image: no earlier RUN installs with apk, so no RUN wrote the apk cache; anything the base image left there stays in its layers.',
      suggestions: [{ title: REMOVE_RM, output: 'FROM python:3.12-alpine\n' }],
    },
    {
      name: 'an earlier apk upgrade cannot be rewritten: suggestion only',
      code: 'FROM alpine:3.20\nRUN apk update && apk upgrade\nRUN echo done && «rm -rf /var/cache/apk/*»',
      output: null,
      suggestions: [{ title: REMOVE_RM, output: 'FROM alpine:3.20\nRUN apk update && apk upgrade\nRUN echo done' }],
    },
    {
      name: 'after ||: no fix',
      code: 'FROM alpine:3.20\nRUN apk add curl\nRUN «rm -rf /var/cache/apk/*» || true',
      output: null,
    },
    {
      name: 'the parent stage installed: suggestion only, the parent is not edited',
      code: 'FROM alpine:3.20 AS base\nRUN apk add curl\nFROM base\nRUN «rm -rf /var/cache/apk/*»',
      output: null,
      messageIncludes: 'because the cache is already committed in an earlier layer.',
      suggestions: [{ title: REMOVE_RM, output: 'FROM alpine:3.20 AS base\nRUN apk add curl\nFROM base' }],
    },
    {
      name: 'an unrelated earlier stage is not touched, nor named as the earlier layer',
      code: 'FROM alpine:3.20 AS build\nRUN apk add curl\nFROM alpine:3.20\nRUN «rm -rf /var/cache/apk/*»',
      messageIncludes: '`rm -rf /var/cache/apk/*` deletes nothing: no earlier RUN installs with apk, so no layer wrote the apk cache, and the `alpine` image ships it empty.',
      output: 'FROM alpine:3.20 AS build\nRUN apk add curl\nFROM alpine:3.20',
      suggestions: [{ title: REMOVE_RM, output: 'FROM alpine:3.20 AS build\nRUN apk add curl\nFROM alpine:3.20' }],
    },
    {
      name: 'an install into a cache mount left nothing in the layer',
      code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl\nRUN «rm -rf /var/cache/apk/*»',
      messageIncludes: 'deletes nothing: every earlier `apk add` used `--no-cache` or a cache mount, so no layer wrote the apk cache',
      output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl',
      suggestions: [{ title: REMOVE_RM, output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl' }],
    },
    {
      name: 'ONBUILD triggers',
      code: 'FROM alpine:3.20\nONBUILD RUN apk add curl\nONBUILD RUN «rm -rf /var/cache/apk/*»',
      output: 'FROM alpine:3.20\nONBUILD RUN apk add --no-cache curl',
    },
    {
      name: 'heredoc script',
      code: 'FROM alpine:3.20\nRUN apk add curl\nRUN <<EOF\nset -e\nmake install\n«rm -rf /var/cache/apk/*»\nEOF\n',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN <<EOF\nset -e\nmake install\nEOF\n',
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "curl"]\nRUN [«"rm", "-rf", "/var/cache/apk/*"»]',
      output: 'FROM alpine:3.20\nRUN ["apk", "add", "--no-cache", "curl"]',
    },
    {
      name: 'a non-Alpine base that runs apk',
      code: 'FROM mycompany/base:1\nRUN apk add curl\nRUN «rm -rf /var/cache/apk/*»',
      output: 'FROM mycompany/base:1\nRUN apk add --no-cache curl',
    },
  ],
});
