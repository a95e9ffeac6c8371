import rule from '../../../server/src/rules/apk-pinned-version-missing';
import { BASE_PACKAGES, staticAlpineData } from '../../support/alpineFixtures';
import { ruleTester } from '../../support/ruleTester';

const alpineData = staticAlpineData({ '3.22': [...BASE_PACKAGES, { name: 'tzdata', version: '2025b-r0' }, { name: 'tzdata', version: '2024a-r0' }] });

ruleTester.run(rule, {
  valid: [
    { name: 'current version', code: 'FROM alpine:3.22\nRUN apk add --no-cache curl=8.14.1-r2', alpineData },
    { name: 'fuzzy pins that match', code: 'FROM alpine:3.22\nRUN apk add --no-cache curl~8.14 git~2 "bash~5.2.37"', alpineData },
    { name: 'ranges that match', code: 'FROM alpine:3.22\nRUN apk add --no-cache "curl>=8" "git<3" "bash>~5"', alpineData },
    { name: 'an older version the index still carries', code: 'FROM alpine:3.22\nRUN apk add --no-cache tzdata=2024a-r0', alpineData },
    { name: 'no index: silent', code: 'FROM alpine:3.22\nRUN apk add --no-cache curl=7.0.0-r0' },
    { name: 'unknown package is another rule\'s', code: 'FROM alpine:3.22\nRUN apk add --no-cache nosuch=1.0-r0', alpineData },
    { name: 'tagged repository', code: 'FROM alpine:3.22\nRUN apk add --no-cache curl=7.0.0-r0@edge curl@edge=7.0.0-r0', alpineData },
    { name: 'extra repository', code: 'FROM alpine:3.22\nRUN apk add -X https://example.org/alpine curl=7.0.0-r0', alpineData },
    { name: 'checksum pin is not decided', code: 'FROM alpine:3.22\nRUN apk add "curl><Q1abc"', alpineData },
  ],
  invalid: [
    {
      name: 'a revision the release no longer carries',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache curl«=8.14.1-r0» git',
      output: null,
      severity: 'error',
      messageIncludes: '`curl=8.14.1-r0` matches no version in Alpine 3.22 (main and community, x86_64, index of 2026-12-01), which has only `8.14.1-r2`, so `apk add` fails.',
      alpineData,
      suggestions: [
        { title: 'Pin `curl` to the current `8.14.1-r2`', output: 'FROM alpine:3.22\nRUN apk add --no-cache curl=8.14.1-r2 git' },
        { title: 'Pin `curl` to `~8.14` (any 8.14 release)', output: 'FROM alpine:3.22\nRUN apk add --no-cache curl~8.14 git' },
      ],
    },
    {
      name: 'quoted word, fuzzy pin of an old minor, on a continuation line',
      code: 'FROM alpine:3.22.2\nRUN apk add --no-cache \\\n    "git«~2.40»" \\\n    bash',
      output: null,
      alpineData,
      suggestions: [
        { title: 'Pin `git` to the current `2.49.1-r0`', output: 'FROM alpine:3.22.2\nRUN apk add --no-cache \\\n    "git=2.49.1-r0" \\\n    bash' },
        { title: 'Pin `git` to `~2.49` (any 2.49 release)', output: 'FROM alpine:3.22.2\nRUN apk add --no-cache \\\n    "git~2.49" \\\n    bash' },
      ],
    },
    {
      name: 'several versions carried, none matches; a date version has no fuzzy pin',
      code: 'FROM alpine:3.22\nRUN apk add tzdata«=2023c-r1»',
      output: null,
      alpineData,
      messageIncludes: 'which has `2025b-r0`, `2024a-r0`',
      suggestions: [
        { title: 'Pin `tzdata` to the current `2025b-r0`', output: 'FROM alpine:3.22\nRUN apk add tzdata=2025b-r0' },
      ],
    },
  ],
});
