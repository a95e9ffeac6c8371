import assert from 'node:assert/strict';
import rule from '../../../server/src/rules/apk-require-virtual-cleanup';
import { findingsOf, ruleTester } from '../../support/ruleTester';

const del = (name: string): string => `Add \`apk del ${name}\` at the end of the RUN`;

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc && make && apk del .build-deps',
    { name: 'short flag', code: 'FROM alpine:3.20\nRUN apk add -t .build-deps gcc \\\n  && make \\\n  && apk del --no-network .build-deps' },
    { name: 'flag with =', code: 'FROM alpine:3.20\nRUN apk add --virtual=.build-deps gcc; make; apk del .build-deps' },
    { name: 'groups meant to stay', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .ruby-rundeps libffi && apk add --virtual .persistent-deps ca-certificates && apk add -t .run-deps tzdata' },
    { name: 'deleted by a later RUN: apk-no-delete-in-later-layer reports that', code: 'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc\nRUN make && apk del .build-deps' },
    { name: 'deleted through a variable', code: 'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc && make && apk del $BUILD_DEPS' },
    { name: 'no virtual group', code: 'FROM alpine:3.20\nRUN apk add --no-cache gcc' },
    { name: 'heredoc script that deletes', code: 'FROM alpine:3.20\nRUN <<EOF\nset -e\napk add --virtual .build-deps gcc\nmake\napk del .build-deps\nEOF\n' },
  ],
  invalid: [
    {
      name: 'a single command: nothing builds with the group, so it is only a label and no deletion is offered',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache «--virtual .build-deps» gcc musl-dev',
      output: null,
      messageIncludes: '`.build-deps` is never removed, and nothing after it in this RUN builds with it or runs its programs: the group is only a label here.',
      severity: 'info',
    },
    {
      name: 'runtime tools under a group name, with a command that uses none of them',
      code: 'FROM alpine:3.20\nRUN apk add «--virtual .tools» bash jq && echo ready',
      output: null,
      messageIncludes: 'the group is only a label here.',
      severity: 'info',
    },
    {
      name: 'a build uses the group, but a later instruction runs one of its packages: no deletion offered',
      code: 'FROM alpine:3.20\nRUN apk add «--virtual .build-deps» gcc tini && make\nENTRYPOINT ["tini", "--"]',
      output: null,
      messageIncludes: '`.build-deps` is never removed with `apk del .build-deps` in this RUN, so what it installed for the build stays in the image; it cannot simply be deleted: `ENTRYPOINT` runs `tini`.',
      severity: 'warning',
    },
    {
      name: 'a build uses the group',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache «--virtual .build-deps» gcc musl-dev && make',
      output: null,
      messageIncludes: '`.build-deps` is never removed with `apk del .build-deps` in this RUN, so what it installed for the build stays in the image.',
      severity: 'warning',
      suggestions: [{ title: del('.build-deps'), output: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && make && apk del .build-deps' }],
    },
    {
      name: 'appended after the last step of a chain on continuation lines',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache «--virtual .build-deps» gcc \\\n  && pip install -r requirements.txt \\\n  && rm -rf /root/.cache\n',
      output: null,
      suggestions: [{ title: del('.build-deps'), output: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc \\\n  && pip install -r requirements.txt \\\n  && rm -rf /root/.cache && apk del .build-deps\n' }],
    },
    {
      name: 'short flag',
      code: 'FROM alpine:3.20\nRUN apk add «-t .gyp» python3 make g++ && npm ci',
      output: null,
      suggestions: [{ title: del('.gyp'), output: 'FROM alpine:3.20\nRUN apk add -t .gyp python3 make g++ && npm ci && apk del .gyp' }],
    },
    {
      name: 'flag with =',
      code: 'FROM alpine:3.20\nRUN apk --no-cache add «--virtual=.fetch-deps» curl && curl -fsSLO https://example.org/x.tgz',
      output: null,
      suggestions: [{ title: del('.fetch-deps'), output: 'FROM alpine:3.20\nRUN apk --no-cache add --virtual=.fetch-deps curl && curl -fsSLO https://example.org/x.tgz && apk del .fetch-deps' }],
    },
    {
      name: 'another group is deleted, not this one',
      code: 'FROM alpine:3.20\nRUN apk add «--virtual .build-deps» gcc && apk add --virtual .fetch-deps curl && gcc -o x x.c && apk del .fetch-deps',
      output: null,
      suggestions: [{ title: del('.build-deps'), output: 'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc && apk add --virtual .fetch-deps curl && gcc -o x x.c && apk del .fetch-deps && apk del .build-deps' }],
    },
    {
      name: 'a builder stage is reported too; an unrelated later stage deleting the name does not count',
      code: 'FROM alpine:3.20 AS build\nRUN apk add «--virtual .build-deps» gcc && make\nFROM alpine:3.20\nRUN apk del .build-deps',
      output: null,
      messageIncludes: 'stays in the image',
      suggestions: [{ title: del('.build-deps'), output: 'FROM alpine:3.20 AS build\nRUN apk add --virtual .build-deps gcc && make && apk del .build-deps\nFROM alpine:3.20\nRUN apk del .build-deps' }],
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM alpine:3.20\nONBUILD RUN apk add «--virtual .build-deps» gcc && make',
      output: null,
      suggestions: [{ title: del('.build-deps'), output: 'FROM alpine:3.20\nONBUILD RUN apk add --virtual .build-deps gcc && make && apk del .build-deps' }],
    },
    {
      name: 'heredoc script gets a last line',
      code: 'FROM alpine:3.20\nRUN <<EOF\nset -e\napk add «--virtual .build-deps» gcc\nmake\nEOF\n',
      output: null,
      suggestions: [{ title: del('.build-deps'), output: 'FROM alpine:3.20\nRUN <<EOF\nset -e\napk add --virtual .build-deps gcc\nmake\napk del .build-deps\nEOF\n' }],
    },
    {
      name: 'a non-Alpine base that runs apk',
      code: 'FROM mycompany/base:1\nRUN apk add «--virtual .build-deps» gcc && cargo build',
      output: null,
      suggestions: [{ title: del('.build-deps'), output: 'FROM mycompany/base:1\nRUN apk add --virtual .build-deps gcc && cargo build && apk del .build-deps' }],
    },
    {
      name: 'a final ; stays last',
      code: 'FROM alpine:3.20\nRUN set -eux; \\\n    apk add «--virtual .build-deps» gcc; \\\n    make;',
      output: null,
      suggestions: [{ title: del('.build-deps'), output: 'FROM alpine:3.20\nRUN set -eux; \\\n    apk add --virtual .build-deps gcc; \\\n    make && apk del .build-deps;' }],
    },
    {
      name: 'a background job at the end gets no fix',
      code: 'FROM alpine:3.20\nRUN apk add «--virtual .build-deps» gcc && make &',
      output: null,
    },
    {
      name: 'a RUN that ends in fi gets no fix',
      code: 'FROM alpine:3.20\nRUN apk add «--virtual .build-deps» gcc && if [ -f Makefile ]; then make; fi',
      output: null,
    },
    {
      name: 'a trailing comment gets no fix',
      code: 'FROM alpine:3.20\nRUN apk add «--virtual .build-deps» gcc && make # compilers',
      messageIncludes: 'stays in the image',
      output: null,
    },
    {
      name: 'inside if gets no fix',
      code: 'FROM alpine:3.20\nRUN if [ "$NATIVE" = 1 ]; then apk add «--virtual .build-deps» gcc; fi && make',
      output: null,
    },
    {
      name: 'exec form gets no fix',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", «"--virtual", ".build-deps"», "gcc"]',
      output: null,
    },
  ],
});

describe('apk-require-virtual-cleanup on broken shell', () => {
  it('offers no `apk del` when the RUN ends inside an unclosed quote (property test regression)', () => {
    const findings = findingsOf(rule, 'FROM alpine:3.20\nRUN echo a && apk add --no-cache --virtual=.tmp "--virtual .rundeps ${EXTRA}');
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].fixes, []);
  });
});

describe('apk-require-virtual-cleanup in a CI image', () => {
  it('the documented stage suppression silences a toolchain meant to stay', () => {
    const ci = 'FROM python:3.12-alpine AS ci\nRUN apk add --no-cache --virtual .build-deps build-base libffi-dev \\\n  && pip install --no-cache-dir tox virtualenv\nCMD ["/bin/sh"]\n';
    assert.equal(findingsOf(rule, ci).length, 1);
    const suppressed = `# A CI image: jobs build Python wheels in it, so the compilers stay.\n# alpinist stage ignore=apk-require-virtual-cleanup\n${ci}`;
    assert.deepEqual(findingsOf(rule, suppressed), []);
  });
});

describe('apk-require-virtual-cleanup: a heredoc left open', () => {
  it('before more instructions is not read (a lone CR before the delimiter is no line break for BuildKit; the `apk del` line fell outside the RUN)', () => {
    assert.deepEqual(findingsOf(rule, 'FROM alpine:3.20\nRUN <<-EOF\napk add --virtual .build-deps gcc\rEOF\nFROM alpine:3.20\n'), []);
  });
});
