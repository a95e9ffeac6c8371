import rule from '../../../server/src/rules/apk-virtual-prefer-multi-stage';
import { ruleTester } from '../../support/ruleTester';

const SPLIT = 'Split into compile and runtime stages';

ruleTester.run(rule, {
  valid: [
    {
      name: 'group installed and deleted before any source is copied (official-image style)',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc make \\\n && make -C /usr/src/app install \\\n && apk del .build-deps\nCOPY . /app\nCMD ["app"]',
    },
    {
      name: 'only the manifest is copied before the RUN',
      code: 'FROM python:3.12-alpine\nCOPY requirements.txt .\nRUN apk add --no-cache --virtual .b gcc musl-dev && pip install -r requirements.txt && apk del .b\nCOPY . .\nCMD ["python", "app.py"]',
    },
    {
      name: 'group never deleted (apk-require-virtual-cleanup reports that)',
      code: 'FROM python:3.12-alpine\nCOPY . .\nRUN apk add --no-cache --virtual .b gcc musl-dev && pip install -r requirements.txt\nCMD ["python", "app.py"]',
    },
    {
      name: 'group used for a download only, nothing built',
      code: 'FROM alpine:3.20\nCOPY . /app\nRUN apk add --no-cache --virtual .fetch curl && curl -fsSLo /usr/local/bin/tini https://example.com/tini && apk del .fetch\nCMD ["/app/run"]',
    },
    {
      name: 'not the final stage',
      code: 'FROM python:3.12-alpine AS wheels\nCOPY . .\nRUN apk add --virtual .b gcc && pip wheel -w /wheels -r requirements.txt && apk del .b\nFROM python:3.12-alpine\nCOPY --from=wheels /wheels /wheels\nCMD ["python"]',
    },
    {
      name: 'a build environment (the stage is named so)',
      code: 'FROM python:3.12-alpine AS ci\nCOPY . .\nRUN apk add --virtual .b gcc && pip install -r requirements.txt && apk del .b\nCMD ["pytest"]',
    },
  ],
  invalid: [
    {
      name: 'the seed article\'s virtual-packages example, split as the article recommends',
      code: [
        'FROM alpine',
        '',
        'WORKDIR /myapp',
        'COPY . /myapp',
        '',
        'RUN apk add --no-cache python py-pip openssl ca-certificates',
        'RUN apk add --no-cache «--virtual build-dependencies» python-dev build-base wget \\',
        '  && pip install -r requirements.txt \\',
        '  && python install \\',
        '  && apk del build-dependencies',
        '',
        'CMD ["myapp", "start"]',
        '',
      ].join('\n'),
      output: null,
      severity: 'hint',
      messageIncludes: 'after `COPY . /myapp`',
      suggestions: [{
        title: SPLIT,
        output: [
          'FROM alpine AS compile',
          '',
          'WORKDIR /myapp',
          '',
          'RUN apk add --no-cache python py-pip openssl ca-certificates',
          'RUN apk add --no-cache python-dev build-base wget',
          'RUN python3 -m venv /opt/venv',
          'ENV PATH="/opt/venv/bin:$PATH"',
          'COPY requirements*.txt /myapp/',
          'RUN pip install -r requirements.txt',
          '',
          'FROM alpine',
          '',
          'WORKDIR /myapp',
          'COPY . /myapp',
          '',
          'RUN apk add --no-cache python openssl ca-certificates',
          'COPY --from=compile /opt/venv /opt/venv',
          'ENV PATH="/opt/venv/bin:$PATH"',
          'RUN python install',
          '',
          'CMD ["myapp", "start"]',
          '',
        ].join('\n'),
      }],
    },
    {
      name: 'short -t flag, ADD of the context, split offered',
      code: 'FROM python:3.12-alpine\nWORKDIR /srv\nADD . .\nRUN apk add «-t .b» gcc musl-dev && pip install --no-cache-dir -r requirements.txt && apk del .b\nCMD ["python", "main.py"]\n',
      output: null,
      suggestions: [{
        title: SPLIT,
        output: 'FROM python:3.12-alpine AS compile\nWORKDIR /srv\nRUN apk add gcc musl-dev\nRUN python3 -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCOPY requirements*.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\n\nFROM python:3.12-alpine\nWORKDIR /srv\nADD . .\nCOPY --from=compile /opt/venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCMD ["python", "main.py"]\n',
      }],
    },
    {
      name: 'no strategy for a Ruby build: reported without a fix',
      code: 'FROM ruby:3.3-alpine\nWORKDIR /app\nCOPY . .\nRUN apk add «--virtual .b» build-base && bundle install && apk del .b\nCMD ["ruby", "app.rb"]',
      output: null,
    },
  ],
});
