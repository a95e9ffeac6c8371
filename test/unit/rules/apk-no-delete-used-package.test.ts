import rule from '../../../server/src/rules/apk-no-delete-used-package';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    { name: 'build tools used before the deletion only', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc make && make && apk del .build-deps\nCMD ["./app"]' },
    { name: 'the runtime tool is installed outside the group', code: 'FROM alpine:3.20\nRUN apk add --no-cache tini && apk add --virtual .build-deps gcc && make && apk del .build-deps\nENTRYPOINT ["tini", "--"]' },
    { name: 'also added outside the group, later', code: 'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc tini && make && apk del .build-deps && apk add tini\nENTRYPOINT ["tini", "--"]' },
    { name: 'BusyBox keeps its own wget', code: 'FROM alpine:3.20\nRUN apk add --virtual .fetch wget && apk del .fetch\nRUN wget -q https://example.org/x' },
    { name: 'the python image has its own python3', code: 'FROM python:3.12-alpine\nRUN apk add --virtual .deps python3 gcc && pip install x && apk del .deps\nCMD ["python3", "-m", "x"]' },
    { name: 'an unrelated stage runs the program', code: 'FROM alpine:3.20 AS build\nRUN apk add --virtual .deps git && git clone x && apk del .deps\nFROM alpine:3.20\nRUN apk add --no-cache git && git --version' },
    { name: 'reinstalled after deleting', code: 'FROM alpine:3.20\nRUN apk del curl && apk add curl\nHEALTHCHECK CMD curl -f http://localhost/' },
    { name: 'a library package runs nothing', code: 'FROM alpine:3.20\nRUN apk add --virtual .deps libffi-dev && apk del .deps\nCMD ["libffi-dev"]' },
    { name: 'a bootstrap toolchain builds its own replacement (docker-library golang)', code: 'FROM alpine:3.6\nRUN apk add --virtual .build-deps bash gcc go && cd /usr/local/go/src && ./make.bash && apk del .build-deps && export PATH="/usr/local/go/bin:$PATH" && go version' },
    { name: 'ruby built from source with the packaged ruby as base ruby', code: 'FROM alpine:3.20\nRUN apk add --virtual .ruby-builddeps gcc make ruby && ./configure && make && make install && apk del .ruby-builddeps && ruby --version' },
    { name: 'a group deleted through a variable is not read', code: 'FROM alpine:3.20\nRUN apk add --virtual .deps curl && apk del $DEPS\nHEALTHCHECK CMD curl -f http://localhost/' },
  ],
  invalid: [
    {
      name: 'the ENTRYPOINT program in the build group',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc «tini» make && make && apk del .build-deps\nENTRYPOINT ["tini", "--"]\nCMD ["./app"]',
      output: null,
      messageIncludes: '`tini` is in the `.build-deps` group that `apk del .build-deps` removes, but `ENTRYPOINT` runs `tini`.',
      suggestions: [{
        title: 'Install `tini` outside the `.build-deps` group',
        output: 'FROM alpine:3.20\nRUN apk add --no-cache tini && apk add --no-cache --virtual .build-deps gcc make && make && apk del .build-deps\nENTRYPOINT ["tini", "--"]\nCMD ["./app"]',
      }],
    },
    {
      name: 'behind a wrapper: CMD runs python3 through dumb-init',
      code: 'FROM alpine:3.20\nRUN apk add --virtual .deps «dumb-init» «python3» py3-pip gcc \\\n && pip install --break-system-packages -r requirements.txt \\\n && apk del .deps\nCMD ["dumb-init", "python3", "app.py"]',
      output: null,
      messageIncludes: '`CMD` runs',
      suggestions: [
        { title: 'Install `dumb-init` outside the `.deps` group', output: 'FROM alpine:3.20\nRUN apk add dumb-init && apk add --virtual .deps python3 py3-pip gcc \\\n && pip install --break-system-packages -r requirements.txt \\\n && apk del .deps\nCMD ["dumb-init", "python3", "app.py"]' },
        { title: 'Install `python3` outside the `.deps` group', output: 'FROM alpine:3.20\nRUN apk add python3 && apk add --virtual .deps dumb-init py3-pip gcc \\\n && pip install --break-system-packages -r requirements.txt \\\n && apk del .deps\nCMD ["dumb-init", "python3", "app.py"]' },
      ],
    },
    {
      name: 'a later command of the same RUN',
      code: 'FROM alpine:3.20\nRUN apk add -t .fetch «curl» jq && apk del .fetch && curl -fsSLO https://example.org/x',
      output: null,
      messageIncludes: 'but this RUN runs `curl` afterwards.',
      suggestions: [{ title: 'Install `curl` outside the `.fetch` group', output: 'FROM alpine:3.20\nRUN apk add curl && apk add -t .fetch jq && apk del .fetch && curl -fsSLO https://example.org/x' }],
    },
    {
      name: 'a later RUN; a one-package group gets no fix',
      code: 'FROM alpine:3.20\nRUN apk add --virtual .git «git» && apk del .git\nRUN git clone https://example.org/x.git',
      output: null,
      messageIncludes: 'but a later RUN runs `git`.',
    },
    {
      name: 'a toolchain with no build before the deletion is still lost',
      code: 'FROM alpine:3.20\nRUN apk add --virtual .deps «ruby» gcc && apk del .deps\nCMD ["ruby", "app.rb"]',
      output: null,
      messageIncludes: '`CMD` runs `ruby`',
      suggestions: [{ title: 'Install `ruby` outside the `.deps` group', output: 'FROM alpine:3.20\nRUN apk add ruby && apk add --virtual .deps gcc && apk del .deps\nCMD ["ruby", "app.rb"]' }],
    },
    {
      name: 'a HEALTHCHECK program in a plain apk del list',
      code: 'FROM alpine:3.20\nRUN apk add curl gcc && make && apk del gcc «curl»\nHEALTHCHECK CMD curl -f http://localhost/',
      output: null,
      messageIncludes: '`apk del` removes `curl`, but `HEALTHCHECK` runs `curl`.',
      suggestions: [{ title: 'Keep `curl`: leave it out of `apk del`', output: 'FROM alpine:3.20\nRUN apk add curl gcc && make && apk del gcc\nHEALTHCHECK CMD curl -f http://localhost/' }],
    },
    {
      name: 'a stage built on this one',
      code: 'FROM alpine:3.20 AS base\nRUN apk add --virtual .deps «git» gcc && apk del .deps\nFROM base AS app\nRUN git clone https://example.org/x.git',
      output: null,
      messageIncludes: 'but a RUN of stage `app` runs `git`.',
      suggestions: [{ title: 'Install `git` outside the `.deps` group', output: 'FROM alpine:3.20 AS base\nRUN apk add git && apk add --virtual .deps gcc && apk del .deps\nFROM base AS app\nRUN git clone https://example.org/x.git' }],
    },
    {
      name: 'a group added by an earlier RUN, deleted later; the repository flag keeps the fix away',
      code: 'FROM alpine:3.20\nRUN apk add -X https://dl-cdn.alpinelinux.org/alpine/edge/community --virtual .deps «su-exec» gcc\nRUN make && apk del .deps\nENTRYPOINT ["su-exec", "app"]',
      output: null,
      messageIncludes: '`ENTRYPOINT` runs `su-exec`',
    },
  ],
});
