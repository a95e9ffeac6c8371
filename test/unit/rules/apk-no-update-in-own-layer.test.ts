import assert from 'node:assert/strict';
import { applyEdits } from '../../../server/src/analysis/fixes';
import rule from '../../../server/src/rules/apk-no-update-in-own-layer';
import { findingsOf, ruleTester } from '../../support/ruleTester';

const REMOVE = 'Remove `apk update`';
const REMOVE_AND_NO_CACHE = 'Remove `apk update` and add `--no-cache` to the later `apk add`';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk update && apk add curl',
    { name: 'the RUN deletes the index after its last write', code: 'FROM alpine:3.20\nRUN apk update && apk upgrade && apk add --no-cache rsync && rm -rf /var/cache/apk/*' },
    { name: 'apk upgrade --no-cache keeps nothing', code: 'FROM alpine:3.20\nRUN apk upgrade --no-cache' },
    { name: 'an apk add without --no-cache is apk-prefer-no-cache\'s', code: 'FROM alpine:3.20\nRUN apk update && apk upgrade && apk add curl' },
    { name: 'apk add -U is apk-prefer-no-cache\'s', code: 'FROM alpine:3.20\nRUN apk upgrade -U && apk add -U curl' },
    'FROM alpine:3.20\nRUN apk add --no-cache curl',
    { name: 'the index goes to a cache mount', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk update\nRUN --mount=type=cache,target=/var/cache/apk apk add curl' },
    { name: 'apk update with --no-cache writes nothing', code: 'FROM alpine:3.20\nRUN apk --no-cache update' },
    { name: 'apk inside a string is not a command', code: 'FROM alpine:3.20\nRUN echo "apk update"' },
    // A heredoc the parser cannot close (lone-CR line breaks, which BuildKit does not read as such) has no body to read:
    // a fix once removed `apk update` together with the delimiter, and the heredoc swallowed the rest of the file.
    { name: 'heredoc left open in a lone-CR file', code: 'FROM alpine:3.20\rRUN <<EOF sh\rpip cache purge\r[ -x /sbin/apk ] && apk update\rEOF\rONBUILD RUN ["true"]' },
    { name: 'heredoc fed to another program', code: 'FROM alpine:3.20\nRUN python3 <<EOF\napk update\nEOF\n' },
  ],
  invalid: [
    {
      name: 'apk update && apk upgrade with nothing installed',
      code: 'FROM alpine:3.20\nRUN «apk update» && apk upgrade\n',
      output: 'FROM alpine:3.20\nRUN apk upgrade --no-cache\n',
      messageIncludes: '`apk update` before `apk upgrade` leaves the package index in this layer; `apk upgrade --no-cache` upgrades the same without it.',
      suggestions: [{ title: 'Remove `apk update` and use `apk upgrade --no-cache`', output: 'FROM alpine:3.20\nRUN apk upgrade --no-cache\n' }],
    },
    {
      name: 'apk update, apk upgrade and an install with --no-cache',
      code: 'FROM alpine:3.20\nRUN «apk update» && \\\n    apk upgrade && \\\n    apk add --no-cache curl\n',
      output: 'FROM alpine:3.20\nRUN apk upgrade --no-cache && \\\n    apk add --no-cache curl\n',
    },
    {
      name: 'apk upgrade --update',
      code: 'FROM alpine:3.20\nRUN apk upgrade «--update»\n',
      output: 'FROM alpine:3.20\nRUN apk upgrade --no-cache\n',
      messageIncludes: '`--update` makes `apk upgrade` leave the package index in this layer',
    },
    {
      name: 'apk -U upgrade, then a later RUN installs from that index',
      code: 'FROM alpine:3.20\nRUN apk «-U» upgrade\nRUN apk add curl\n',
      output: 'FROM alpine:3.20\nRUN apk upgrade --no-cache\nRUN apk add --no-cache curl\n',
      messageIncludes: '`-U` makes',
    },
    {
      name: 'a bundle -qU',
      code: 'FROM alpine:3.20\nRUN apk upgrade «-qU» && apk add --no-cache curl\n',
      output: 'FROM alpine:3.20\nRUN apk upgrade --no-cache -q && apk add --no-cache curl\n',
      messageIncludes: '`-U` makes',
    },
    {
      name: 'apk update beside apk add --no-cache still leaves the index',
      code: 'FROM alpine:3.20\nRUN «apk update» && apk add --no-cache curl\n',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      messageIncludes: '`apk update` leaves the package index in this layer, and the `apk --no-cache` commands of the RUN fetch their own: it only adds weight.',
    },
    {
      name: 'apk update beside apk add --no-cache, and a later RUN installs from that index',
      code: 'FROM alpine:3.20\nRUN «apk update» && apk add --no-cache curl\nRUN apk add git\n',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN apk add --no-cache git\n',
      messageIncludes: 'which the `apk --no-cache` commands of the RUN do not need and later RUNs install from as it goes stale.',
    },
    {
      name: 'an upgrade before the update: no fix',
      code: 'FROM alpine:3.20\nRUN apk upgrade && «apk update»\n',
      output: null,
    },
    {
      name: 'alone, nothing installs later',
      code: 'FROM alpine:3.20\nRUN «apk update»\nRUN echo hi\n',
      output: 'FROM alpine:3.20\nRUN echo hi\n',
      messageIncludes: '`apk update`',
      suggestions: [{ title: REMOVE, output: 'FROM alpine:3.20\nRUN echo hi\n' }],
    },
    {
      name: 'alone, a later RUN installs from the stale index',
      code: 'FROM alpine:3.20\nRUN «apk update»\nRUN apk add curl\n',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      suggestions: [{ title: REMOVE_AND_NO_CACHE, output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' }],
    },
    {
      name: 'every later RUN that relied on the index gets --no-cache, up to one that refreshes it',
      code: 'FROM alpine:3.20\nRUN «apk update»\nRUN apk add curl\nRUN apk add git && \\\n    make\nRUN apk add -U jq\nRUN apk add bash\n',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN apk add --no-cache git && \\\n    make\nRUN apk add -U jq\nRUN apk add bash\n',
    },
    {
      name: 'a later apk add --no-cache did not rely on the index',
      code: 'FROM alpine:3.20\n\n# tools\nRUN «apk update»\nRUN apk add --no-cache curl',
      output: 'FROM alpine:3.20\n\n# tools\nRUN apk add --no-cache curl',
      suggestions: [{ title: REMOVE, output: 'FROM alpine:3.20\n\n# tools\nRUN apk add --no-cache curl' }],
    },
    {
      name: 'last instruction of the file',
      code: 'FROM alpine:3.20\nRUN «apk update»',
      output: 'FROM alpine:3.20',
    },
    {
      name: 'first step of an && chain on a continuation line',
      code: 'FROM alpine:3.20\nRUN «apk update -q» \\\n  && pip install requests\nRUN apk add py3-pip',
      output: 'FROM alpine:3.20\nRUN pip install requests\nRUN apk add --no-cache py3-pip',
    },
    {
      name: 'a comment line inside the continuation stays (the fix used to delete it with the command)',
      code: 'FROM alpine:3.20\nRUN «apk update» && \\\n    # fetch the tool, café ☕\n    curl -fsSLO https://example.com/x\n',
      output: 'FROM alpine:3.20\nRUN \\\n    # fetch the tool, café ☕\n    curl -fsSLO https://example.com/x\n',
    },
    {
      name: 'a comment line before a leading && stays',
      code: 'FROM alpine:3.20\nRUN «apk update» \\\n    # then fetch\n    && curl -fsSLO https://example.com/x',
      output: 'FROM alpine:3.20\nRUN \\\n    # then fetch\n    curl -fsSLO https://example.com/x',
    },
    {
      name: 'a comment line before the last step: no fix (nothing could carry it)',
      code: 'FROM alpine:3.20\nRUN curl -fsSLO https://example.com/x && \\\n    # refresh\n    «apk update»',
      output: null,
    },
    {
      name: 'last step of a chain',
      code: 'FROM alpine:3.20\nRUN mkdir /app && «apk update»\nRUN apk add curl',
      output: 'FROM alpine:3.20\nRUN mkdir /app\nRUN apk add --no-cache curl',
    },
    {
      name: 'a later apk upgrade needs the index: no fix',
      code: 'FROM alpine:3.20\nRUN «apk update»\nRUN apk upgrade && apk add curl',
      output: null,
    },
    {
      name: 'after ||: no fix',
      code: 'FROM alpine:3.20\nRUN «apk update» || true',
      output: null,
    },
    {
      name: 'inside if: no fix',
      code: 'FROM alpine:3.20\nRUN if [ -n "$REFRESH" ]; then «apk update»; fi',
      output: null,
    },
    {
      name: 'an extra repository: no fix',
      code: 'FROM alpine:3.20\nRUN «apk update -X https://dl-cdn.alpinelinux.org/alpine/edge/testing»\nRUN apk add curl',
      output: null,
    },
    {
      name: 'an unrelated later stage is not touched',
      code: 'FROM alpine:3.20 AS build\nRUN «apk update»\nFROM alpine:3.20\nRUN apk add curl',
      output: 'FROM alpine:3.20 AS build\nFROM alpine:3.20\nRUN apk add curl',
    },
    {
      name: 'a stage built FROM this one inherits the index',
      code: 'FROM alpine:3.20 AS base\nRUN «apk update»\nFROM base\nRUN apk add curl',
      output: 'FROM alpine:3.20 AS base\nFROM base\nRUN apk add --no-cache curl',
    },
    {
      name: 'ONBUILD triggers',
      code: 'FROM alpine:3.20\nONBUILD RUN «apk update»\nONBUILD RUN apk add curl\nRUN apk add git',
      output: 'FROM alpine:3.20\nONBUILD RUN apk add --no-cache curl\nRUN apk add git',
    },
    {
      name: 'an ONBUILD trigger relies on the index a plain RUN left',
      code: 'FROM alpine:3.20\nRUN «apk update»\nONBUILD RUN apk add curl',
      output: 'FROM alpine:3.20\nONBUILD RUN apk add --no-cache curl',
    },
    {
      name: 'heredoc with one command',
      code: 'FROM alpine:3.20\nRUN <<EOF\n«apk update»\nEOF\nRUN apk add curl\n',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'heredoc script line',
      code: 'FROM alpine:3.20\nRUN <<EOF\nset -e\n«apk update»\nEOF\n',
      output: 'FROM alpine:3.20\nRUN <<EOF\nset -e\nEOF\n',
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.20\nRUN [«"apk", "update"»]\nRUN ["apk", "add", "curl"]',
      output: 'FROM alpine:3.20\nRUN ["apk", "add", "--no-cache", "curl"]',
    },
    {
      name: 'non-Alpine stage that runs apk',
      code: 'FROM mycompany/base:1\nRUN «apk update»\nRUN apk add curl',
      output: 'FROM mycompany/base:1\nRUN apk add --no-cache curl',
    },
    {
      name: 'escape directive',
      code: '# escape=`\nFROM alpine:3.20\nRUN «apk update» && `\n    echo done\nRUN apk add curl',
      output: '# escape=`\nFROM alpine:3.20\nRUN echo done\nRUN apk add --no-cache curl',
    },
  ],
});

describe('apk-no-update-in-own-layer: lone CR line breaks inside a heredoc', () => {
  it('the shell reads each line of a heredoc body as its own, so removing `apk update` keeps the next line (it took the wget line and the delimiter)', () => {
    const text = 'FROM alpine:3.20\nRUN <<"EOF"\napk del py3-pip\napk update -q\rwget -q https://example.com/x.tgz\nEOF\nADD ./src /src\n';
    const findings = findingsOf(rule, text);
    assert.equal(findings.length, 1);
    assert.equal(text.slice(findings[0].at.start, findings[0].at.end), 'apk update -q');
    const removal = findings[0].fixes[0]?.edits ?? [];
    assert.equal(applyEdits(text, removal), 'FROM alpine:3.20\nRUN <<"EOF"\napk del py3-pip\nwget -q https://example.com/x.tgz\nEOF\nADD ./src /src\n');
  });
});
