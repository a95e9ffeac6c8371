import rule from '../../../server/src/rules/apk-repository-no-mixed-releases';
import { ruleTester } from '../../support/ruleTester';

const CDN = 'https://dl-cdn.alpinelinux.org/alpine';

ruleTester.run(rule, {
  valid: [
    { name: 'the base\'s own release', code: `FROM alpine:3.9.4\nRUN echo "https://mirrors.aliyun.com/alpine/v3.9/main/" > /etc/apk/repositories && apk add --no-cache curl` },
    { name: 'a tagged edge repository', code: `FROM alpine:3.20\nRUN echo "@edge ${CDN}/edge/community" >> /etc/apk/repositories && apk add --no-cache foo@edge` },
    { name: 'a tagged testing repository among several lines', code: `FROM alpine:3.20\nRUN printf '%s\\n' "@testing ${CDN}/edge/testing" >> /etc/apk/repositories` },
    { name: 'edge on an edge base', code: `FROM alpine:edge\nRUN apk add --no-cache --repository ${CDN}/edge/testing foo` },
    { name: 'a release of an unknown base cannot be compared', code: `FROM node:20-alpine\nRUN echo "${CDN}/v3.18/main" >> /etc/apk/repositories` },
    { name: 'a URL that names no branch', code: 'FROM alpine:3.20\nRUN apk add --no-cache -X https://packages.example.com/alpine foo' },
    { name: 'a URL only printed, not written to the file', code: `FROM alpine:3.20\nRUN echo "${CDN}/edge/main"` },
    { name: 'written to another file', code: `FROM alpine:3.20\nRUN echo "${CDN}/edge/main" > /tmp/repositories` },
    { name: 'a Debian stage', code: `FROM debian:12\nRUN echo "${CDN}/edge/main" >> /etc/apk/repositories` },
  ],
  invalid: [
    {
      name: '--repository with edge on a stable base',
      code: `FROM alpine:3.20\nRUN apk add --no-cache --repository https://dl-cdn.alpinelinux.org/alpine/«edge»/testing foo`,
      output: null,
      messageIncludes: '`edge` gives this `apk` command the packages of Alpine edge on top of the Alpine 3.20 base',
    },
    {
      name: '-X= with edge on an unpinned alpine base',
      code: `FROM alpine\nRUN apk add --no-cache -X=https://dl-cdn.alpinelinux.org/alpine/«edge»/community foo`,
      output: null,
      messageIncludes: 'on top of a stable Alpine base',
    },
    {
      name: 'appending edge without a tag',
      code: `FROM alpine:3.19\nRUN echo "https://dl-cdn.alpinelinux.org/alpine/«edge»/main" >> /etc/apk/repositories && apk add --no-cache foo`,
      output: null,
      messageIncludes: 'Adding `edge` to `/etc/apk/repositories` makes every later `apk add` mix packages of Alpine edge into the Alpine 3.19 base; tag the repository',
    },
    {
      name: 'appending another release through tee -a, two lines in one word',
      code: `FROM python:3.12-alpine3.20\nRUN echo -e "https://dl-cdn.alpinelinux.org/alpine/«v3.18»/main\\nhttps://dl-cdn.alpinelinux.org/alpine/«v3.18»/community" | tee -a /etc/apk/repositories`,
      output: null,
      suggestions: [{ title: "Use the base's release `v3.20`", output: `FROM python:3.12-alpine3.20\nRUN echo -e "https://dl-cdn.alpinelinux.org/alpine/v3.20/main\\nhttps://dl-cdn.alpinelinux.org/alpine/v3.18/community" | tee -a /etc/apk/repositories` }],
    },
    {
      name: 'overwriting with latest-stable on a pinned base',
      code: `FROM alpine:3.18 AS base\nFROM base\nRUN echo "https://dl-cdn.alpinelinux.org/alpine/«latest-stable»/main" > /etc/apk/repositories`,
      output: null,
      messageIncludes: '`/etc/apk/repositories` now points at whichever release is newest (`latest-stable`), so every later `apk add` installs packages of another release onto the Alpine 3.18 base',
      suggestions: [{ title: "Use the base's release `v3.18`", output: `FROM alpine:3.18 AS base\nFROM base\nRUN echo "https://dl-cdn.alpinelinux.org/alpine/v3.18/main" > /etc/apk/repositories` }],
    },
    {
      name: 'an older release on an edge base',
      code: `FROM alpine:edge\nRUN apk add --no-cache --repository=https://dl-cdn.alpinelinux.org/alpine/«v3.16»/main openssl1.1-compat`,
      output: null,
      suggestions: [],
    },
  ],
});
