import rule from '../../../server/src/rules/apk-unknown-package';
import { BASE_PACKAGES, staticAlpineData } from '../../support/alpineFixtures';
import { ruleTester } from '../../support/ruleTester';

const alpineData = staticAlpineData({ '3.22': BASE_PACKAGES, edge: BASE_PACKAGES });
const INDEX = 'Alpine 3.22 (main and community, x86_64, index of 2026-12-01)';

ruleTester.run(rule, {
  valid: [
    { name: 'known packages', code: 'FROM alpine:3.22\nRUN apk add --no-cache curl git bash', alpineData },
    { name: 'names provided by a package (py-pip, cmd:, so:)', code: 'FROM alpine:3.22.1\nRUN apk add --no-cache py-pip cmd:sh so:libc.musl-x86_64.so.1', alpineData },
    { name: 'pinned known package', code: 'FROM alpine:3.22\nRUN apk add --no-cache curl=8.14.1-r2 "git~2.49"', alpineData },
    { name: 'no index loaded: silent', code: 'FROM alpine:3.22\nRUN apk add --no-cache nosuchpackage' },
    { name: 'index of another release only', code: 'FROM alpine:3.21\nRUN apk add --no-cache nosuchpackage', alpineData },
    { name: 'release not in the tag', code: 'FROM node:22-alpine\nRUN apk add --no-cache nosuchpackage', alpineData },
    { name: 'tagged repository', code: 'FROM alpine:3.22\nRUN apk add --no-cache nosuchpackage@testing', alpineData },
    { name: '--repository and -X', code: 'FROM alpine:3.22\nRUN apk add --no-cache --repository=https://dl-cdn.alpinelinux.org/alpine/edge/testing foo && apk add -X https://example.org/repo bar', alpineData },
    { name: 'repositories edited earlier', code: 'FROM alpine:3.22\nRUN echo "https://dl-cdn.alpinelinux.org/alpine/edge/testing" >> /etc/apk/repositories\nRUN apk add --no-cache foo', alpineData },
    { name: 'repositories edited in the parent stage', code: 'FROM alpine:3.22 AS base\nCOPY repositories /etc/apk/repositories\nFROM base\nRUN apk add --no-cache foo', alpineData },
    { name: 'local files, variables, negations', code: 'FROM alpine:3.22\nRUN apk add --no-cache --allow-untrusted /tmp/foo.apk && apk add --no-cache "$PKGS" !foo', alpineData },
    { name: 'apk del is not judged', code: 'FROM alpine:3.22\nRUN apk del nosuchpackage', alpineData },
    { name: 'Wolfi is not Alpine', code: 'FROM cgr.dev/chainguard/wolfi-base\nRUN apk add nosuchpackage', alpineData },
  ],
  invalid: [
    {
      name: 'php7 extension gone: suggestions by edit distance',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache «php7-curl» curl',
      output: null,
      severity: 'error',
      messageIncludes: `\`php7-curl\` is neither a package nor provided by one in ${INDEX}, so \`apk add\` fails.`,
      alpineData,
      suggestions: [
        { title: 'Replace `php7-curl` with `php83-curl`', output: 'FROM alpine:3.22\nRUN apk add --no-cache php83-curl curl' },
        { title: 'Replace `php7-curl` with `php84-curl`', output: 'FROM alpine:3.22\nRUN apk add --no-cache php84-curl curl' },
      ],
    },
    {
      name: 'known rename first, the constraint goes with the name',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache \\\n    «nodejs-npm»=10.2.0-r0 \\\n    nodejs',
      output: null,
      alpineData,
      suggestions: [
        { title: 'Replace `nodejs-npm` with `npm`', output: 'FROM alpine:3.22\nRUN apk add --no-cache \\\n    npm \\\n    nodejs' },
      ],
    },
    {
      name: 'the renamed-packages rule is off here, so python is reported with its replacement',
      code: 'FROM alpine:edge\nRUN apk add --no-cache «python» "«pyhton3»"',
      output: null,
      alpineData,
      messageIncludes: 'Alpine edge (main and community',
      suggestions: [
        { title: 'Replace `python` with `python3`', output: 'FROM alpine:edge\nRUN apk add --no-cache python3 "pyhton3"' },
        { title: 'Replace `pyhton3` with `python3`', output: 'FROM alpine:edge\nRUN apk add --no-cache python "python3"' },
      ],
    },
    {
      name: 'on the official python image a second Python is not offered: removal instead',
      code: 'FROM python:3.12-alpine3.22\nRUN apk add --no-cache «python» curl',
      output: null,
      alpineData,
      suggestions: [{ title: 'Remove `python` (`python:3.12-alpine3.22` has its own Python)', output: 'FROM python:3.12-alpine3.22\nRUN apk add --no-cache curl' }],
    },
    {
      name: 'on the official node image npm is not offered for nodejs-npm: removal instead',
      code: 'FROM node:22-alpine3.22\nRUN apk add --no-cache «nodejs-npm» git',
      output: null,
      alpineData,
      suggestions: [{ title: 'Remove `nodejs-npm` (`node:22-alpine3.22` has its own Node.js)', output: 'FROM node:22-alpine3.22\nRUN apk add --no-cache git' }],
    },
    {
      name: 'a typo without near names has no fix',
      code: 'FROM alpine:3.22 AS build\nRUN apk add --no-cache «qqqqqqqq»\nFROM build\nRUN apk add «zzzz»',
      output: null,
      alpineData,
    },
  ],
});
