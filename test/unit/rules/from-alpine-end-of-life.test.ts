import rule from '../../../server/src/rules/from-alpine-end-of-life';
import { BASE_PACKAGES, releasesJson, releaseTable, staticAlpineData } from '../../support/alpineFixtures';
import { strict as assert } from 'node:assert';
import { findingsOf, ruleTester } from '../../support/ruleTester';

// The tester's day is 2026-11-26. With the fetched data, 3.25 exists and 3.22's date moved.
const fetched = staticAlpineData({}, releaseTable(releasesJson([
  { branch: '3.18', released: '2023-05-09', eol: '2025-05-09' },
  { branch: '3.21', released: '2024-12-05', eol: '2026-11-01' },
  { branch: '3.22', released: '2025-05-30', eol: '2027-01-15' },
  { branch: '3.25', released: '2026-11-20', eol: '2028-11-01' },
]), '2026-11-25'));
const BUILT_IN = "Alpinist's release table of 2026-11-26";

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.22\nRUN true',
    'FROM alpine:3.24.1',
    'FROM alpine:edge',
    'FROM alpine',
    'FROM node:22-alpine',
    'FROM debian:9',
    { name: 'a stage built on an old stage is reported once, at its FROM', code: 'FROM alpine:3.23 AS base\nFROM base' },
    { name: 'release newer than the table', code: 'FROM alpine:3.30' },
    { name: 'the fetched table knows 3.23 is not listed: silent', code: 'FROM alpine:3.23', alpineData: fetched },
  ],
  invalid: [
    {
      name: 'no move when the stage installs php7 packages (gone since 3.16)',
      code: 'FROM alpine:«3.15»\nRUN apk add --no-cache php7 php7-fpm nginx\n',
      output: null,
      messageIncludes: 'Alpine 3.15 reached its end of support on 2023-11-01 (Alpinist\'s release table of 2026-11-26), so its packages get no more security fixes. No move to Alpine 3.24 is suggested: `php7`, which this stage installs, does not exist in Alpine 3.24 (Alpinist\'s tables of renamed and removed packages).',
    },
    {
      name: 'no move when python (py2) is installed, judged by the loaded index of the newest release',
      code: 'FROM python:2.7-alpine«3.11»\nRUN apk add --no-cache curl python-dev\n',
      output: null,
      alpineData: staticAlpineData({ '3.24': BASE_PACKAGES }),
      messageIncludes: 'No move to Alpine 3.24 is suggested: `python-dev`, which this stage installs, does not exist in Alpine 3.24 (main and community, x86_64, index of 2026-12-01).',
    },
    {
      name: 'names the index of the newest release has: the move is offered',
      code: 'FROM alpine:«3.18»\nRUN apk add --no-cache python3 py3-pip\n',
      output: null,
      alpineData: staticAlpineData({ '3.24': BASE_PACKAGES }),
      suggestions: [{ title: 'Move to Alpine 3.24 (3.24 is the newest release known on 2026-11-26)', output: 'FROM alpine:3.24\nRUN apk add --no-cache python3 py3-pip\n' }],
    },
    {
      name: 'past end of support (built-in table)',
      code: 'FROM alpine:«3.18»\nRUN apk add --no-cache curl',
      output: null,
      severity: 'warning',
      messageIncludes: `Alpine 3.18 reached its end of support on 2025-05-09 (${BUILT_IN}), so its packages get no more security fixes.`,
      suggestions: [{ title: 'Move to Alpine 3.24 (3.24 is the newest release known on 2026-11-26)', output: 'FROM alpine:3.24\nRUN apk add --no-cache curl' }],
    },
    {
      name: 'point release',
      code: 'FROM alpine:«3.19.4» AS a\nRUN true',
      output: null,
      suggestions: [{ title: 'Move to Alpine 3.24 (3.24 is the newest release known on 2026-11-26)', output: 'FROM alpine:3.24 AS a\nRUN true' }],
    },
    {
      name: 'an -alpineX.Y tag of another image',
      code: 'FROM python:3.12-alpine«3.20» AS b',
      output: null,
      suggestions: [{ title: 'Move to Alpine 3.24 (3.24 is the newest release known on 2026-11-26)', output: 'FROM python:3.12-alpine3.24 AS b' }],
    },
    {
      name: 'fetched data: newer release and dates, info within 90 days',
      code: 'FROM alpine:«3.22»',
      output: null,
      severity: 'info',
      alpineData: fetched,
      messageIncludes: "Alpine 3.22 reaches its end of support on 2027-01-15, in 50 days (Alpine's releases.json of 2026-11-25)",
      suggestions: [{ title: 'Move to Alpine 3.25 (3.25 is the newest release known on 2026-11-25)', output: 'FROM alpine:3.25' }],
    },
    {
      name: 'release through a global ARG: reported at the image, no edit',
      code: 'ARG ALPINE_VERSION=3.16\nFROM «alpine:${ALPINE_VERSION}»',
      output: null,
      messageIncludes: '`alpine:${ALPINE_VERSION}` resolves to `alpine:3.16` with the default build arguments.',
    },
    {
      name: 'older than every release in the table',
      code: 'FROM alpine:«2.7»',
      output: null,
      messageIncludes: 'Alpine 2.7 is older than every release in',
      suggestions: [{ title: 'Move to Alpine 3.24 (3.24 is the newest release known on 2026-11-26)', output: 'FROM alpine:3.24' }],
    },
  ],
});

describe('from-alpine-end-of-life: the move suggestion and packages of the newest release', () => {
  it('offers no move when a stage built on this one installs python', () => {
    const findings = findingsOf(rule, 'FROM alpine:3.11 AS base\nFROM base\nRUN apk add --no-cache python\n');
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].fixes, []);
  });
});
