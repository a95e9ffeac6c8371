import assert from 'node:assert/strict';
import rule from '../../../server/src/rules/apk-prefer-no-cache';
import { findingsOf, ruleTester } from '../../support/ruleTester';

const MOUNT = 'Use a BuildKit cache mount for `/var/cache/apk`';

ruleTester.run(rule, {
  valid: [
    { name: '--no-network fetches no index (the docker-library images add local packages this way)', code: 'FROM alpine:3.20\nRUN apk add --no-network --virtual .rundeps musl' },
    'FROM alpine:3.20\nRUN apk add --no-cache curl',
    'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl',
    'FROM alpine:3.20\nRUN --mount=type=tmpfs,target=/var/cache/apk/ apk add -U curl',
    'FROM alpine:3.20\nRUN --mount=type=cache,target=/etc/apk/cache apk add curl',
    'FROM alpine:3.20\nRUN apk --no-cache add curl',
    'FROM alpine:3.20\nRUN apk del curl && apk info',
    { name: 'apk inside a quoted string is not a command', code: 'FROM alpine\nRUN echo "apk add curl"' },
    { name: 'exec form with --no-cache', code: 'FROM alpine\nRUN ["apk", "add", "--no-cache", "curl"]' },
    { name: 'heredoc passed to another program', code: 'FROM alpine\nRUN python3 <<EOF\napk add x\nEOF' },
  ],
  invalid: [
    {
      name: '`--` before the subcommand: the flag goes before it, where apk reads options (property test regression)',
      code: 'FROM alpine:3.20\nRUN «apk -- add» curl',
      output: 'FROM alpine:3.20\nRUN apk --no-cache -- add curl',
      suggestions: [{ title: MOUNT, output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk --update-cache -- add curl' }],
    },
    {
      name: 'plain apk add',
      code: 'FROM alpine:3.20\nRUN «apk add» curl',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl',
      suggestions: [{ title: MOUNT, output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add --update-cache curl' }],
    },
    {
      name: 'second command of a chain on a continuation line',
      code: 'FROM alpine:3.20\nRUN apk update && \\\n    «apk add» git',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache git',
      messageIncludes: '--no-cache',
      suggestions: [{ title: MOUNT, output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk update && \\\n    apk add git' }],
    },
    {
      name: 'the seed article: --update-cache and rm -rf /var/cache/apk/* in one RUN',
      code: 'FROM alpine\nRUN «apk add» --update-cache \\\n    python3 \\\n    build-base \\\n  && pip install virtualenv \\\n  && rm -rf /var/cache/apk/*\n',
      output: 'FROM alpine\nRUN apk add --no-cache \\\n    python3 \\\n    build-base \\\n  && pip install virtualenv\n',
      suggestions: [{ title: MOUNT, output: 'FROM alpine\nRUN --mount=type=cache,target=/var/cache/apk apk add --update-cache \\\n    python3 \\\n    build-base \\\n  && pip install virtualenv\n' }],
    },
    {
      name: 'rm with other paths keeps them',
      code: 'FROM alpine\nRUN «apk add» -U curl && rm -rf /var/cache/apk/* /tmp/*',
      output: 'FROM alpine\nRUN apk add --no-cache curl && rm -rf /tmp/*',
    },
    {
      name: 'bundled short flags lose only U',
      code: 'FROM alpine\nRUN «apk add» -qU curl',
      output: 'FROM alpine\nRUN apk add --no-cache -q curl',
    },
    {
      name: '--update before the subcommand',
      code: 'FROM alpine\nRUN «apk --update add» curl',
      output: 'FROM alpine\nRUN apk add --no-cache curl',
    },
    {
      name: 'an apk upgrade after apk update becomes apk upgrade --no-cache; update and cleanup go',
      code: 'FROM alpine\nRUN apk update && apk upgrade && «apk add» curl && rm -rf /var/cache/apk/*',
      output: 'FROM alpine\nRUN apk upgrade --no-cache && apk add --no-cache curl',
      messageIncludes: '`apk add` without `--no-cache` relies on the later `rm -rf /var/cache/apk/*` to drop the package index; `--no-cache` does the same in one flag and cannot be forgotten.',
    },
    {
      name: 'apk upgrade --update and apk -U upgrade are rewritten too',
      code: 'FROM alpine\nRUN apk upgrade --update && «apk add» curl && apk -U upgrade',
      output: 'FROM alpine\nRUN apk upgrade --no-cache && apk add --no-cache curl && apk upgrade --no-cache',
      messageIncludes: '`apk add` without `--no-cache` leaves the package index in the image layer.',
    },
    {
      name: 'an apk upgrade that reads an earlier layer\'s index keeps it: update and cleanup stay',
      code: 'FROM alpine\nRUN apk upgrade && «apk add» curl && rm -rf /var/cache/apk/*',
      output: 'FROM alpine\nRUN apk upgrade && apk add --no-cache curl && rm -rf /var/cache/apk/*',
    },
    {
      name: 'apk add --update -q without packages is an index refresh: it goes, the install gets --no-cache',
      code: 'FROM alpine\nRUN «apk add» --update -q && «apk add» -q curl\n',
      output: 'FROM alpine\nRUN apk add --no-cache -q curl\n',
      messageIncludes: 'package index',
    },
    {
      name: 'an index refresh alone: the RUN goes and the later install gets --no-cache',
      code: 'FROM alpine\nRUN «apk add» --update -q\nRUN «apk add» curl\n',
      output: 'FROM alpine\nRUN apk add --no-cache curl\n',
      messageIncludes: 'in the image layer.',
    },
    {
      name: 'an index refresh that cannot be removed gets no no-op --no-cache',
      code: 'FROM alpine\nRUN «apk add» -U || true\n',
      output: null,
    },
    {
      name: 'two adds in one RUN: the first carries the RUN-wide fix, the second a fix of its own',
      code: 'FROM alpine\nRUN apk update && «apk add» curl && «apk add» --virtual .build gcc && apk del .build',
      output: 'FROM alpine\nRUN apk add --no-cache curl && apk add --no-cache --virtual .build gcc && apk del .build',
      suggestions: [
        { title: 'Add `--no-cache` to this `apk add`', output: 'FROM alpine\nRUN apk update && apk add curl && apk add --no-cache --virtual .build gcc && apk del .build' },
      ],
    },
    {
      name: 'a later add that fetches the index others read gets no fix of its own',
      code: 'FROM alpine\nRUN «apk add» curl && «apk add» -U git && apk add --no-cache x',
      output: 'FROM alpine\nRUN apk add --no-cache curl && apk add --no-cache git && apk add --no-cache x',
    },
    {
      name: 'cache mount at another path does not count',
      code: 'FROM alpine\nRUN --mount=type=cache,target=/var/cache/foo «apk add» -U curl',
      output: 'FROM alpine\nRUN --mount=type=cache,target=/var/cache/foo apk add --no-cache curl',
    },
    {
      name: 'heredoc script',
      code: 'FROM alpine\nRUN <<EOF\nset -e\n«apk add» curl\nEOF\n',
      output: 'FROM alpine\nRUN <<EOF\nset -e\napk add --no-cache curl\nEOF\n',
    },
    {
      name: 'exec form',
      code: 'FROM alpine\nRUN [«"apk", "add"», "curl"]',
      output: 'FROM alpine\nRUN ["apk", "add", "--no-cache", "curl"]',
    },
    {
      name: 'exec form with -U',
      code: 'FROM alpine\nRUN [«"apk", "add"», "-U", "curl"]',
      output: 'FROM alpine\nRUN ["apk", "add", "--no-cache", "curl"]',
    },
    {
      name: 'a later RUN installs from the index this RUN fetched: both get --no-cache',
      code: 'FROM alpine\nRUN apk update && «apk add» curl\nRUN «apk add» git\n',
      output: 'FROM alpine\nRUN apk add --no-cache curl\nRUN apk add --no-cache git\n',
    },
    {
      name: 'a later apk upgrade relies on the index: no safe fix',
      code: 'FROM alpine\nRUN «apk add» -U curl\nRUN apk upgrade\n',
      output: null,
    },
    {
      name: 'a child stage relies on the index',
      code: 'FROM alpine AS base\nRUN «apk add» -U curl\nFROM base\nRUN «apk add» git\n',
      output: 'FROM alpine AS base\nRUN apk add --no-cache curl\nFROM base\nRUN apk add --no-cache git\n',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM alpine\nONBUILD RUN «apk add» curl',
      output: 'FROM alpine\nONBUILD RUN apk add --no-cache curl',
    },
    {
      name: 'escape directive with backtick continuation',
      code: '# escape=`\nFROM alpine\nRUN apk update && `\n    «apk add» curl',
      output: '# escape=`\nFROM alpine\nRUN apk add --no-cache curl',
    },
    {
      name: 'comment line inside a continuation',
      code: 'FROM alpine\nRUN «apk add» -U \\\n# the tools\n    curl \\\n  && rm -rf /var/cache/apk/*',
      output: 'FROM alpine\nRUN apk add --no-cache \\\n# the tools\n    curl',
    },
  ],
});

describe('apk-prefer-no-cache: messages', () => {
  it('an index refresh says what it does', () => {
    const [refresh, install] = findingsOf(rule, 'FROM alpine\nRUN apk add --update -q\nRUN apk add curl\n');
    assert.equal(refresh.message, '`apk add` without packages only refreshes the package index, and leaves it in the image layer.');
    assert.equal(install.message, '`apk add` without `--no-cache` leaves the package index in the image layer.');
  });
});

describe('apk-prefer-no-cache: fixes grow linearly with the adds of a RUN', () => {
  it('1,000 adds in one RUN carry a few edits each, not the whole RUN', () => {
    const text = `FROM alpine:3.20\nRUN ${Array.from({ length: 1000 }, (_, i) => `apk add p${i}`).join(' && ')}\n`;
    const findings = findingsOf(rule, text);
    assert.equal(findings.length, 1000);
    const edits = findings.reduce((sum, finding) => sum + finding.fixes.reduce((count, fix) => count + fix.edits.length, 0), 0);
    // The first finding's RUN-wide fixes: an edit per add for `--no-cache` and per add for the cache mount.
    assert.ok(edits < 4 * 1000, `${edits} edits`);
  });
});
