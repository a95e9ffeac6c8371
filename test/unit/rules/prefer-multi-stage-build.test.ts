import assert from 'node:assert/strict';
import rule from '../../../server/src/rules/prefer-multi-stage-build';
import { findingsOf, ruleTester } from '../../support/ruleTester';

const SPLIT = 'Split into compile and runtime stages';

ruleTester.run(rule, {
  valid: [
    { name: 'not the final stage: a builder the final stage copies from', code: 'FROM golang:1.22-alpine AS builder\nRUN apk add --no-cache build-base git\nCOPY . .\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=builder /app /app\nCMD ["/app"]' },
    { name: 'toolchain added and deleted in the same RUN', code: 'FROM python:3.12-alpine\nCOPY . .\nRUN apk add --no-cache --virtual .b gcc musl-dev && pip install -r requirements.txt && apk del .b\nCMD ["python", "app.py"]' },
    { name: 'the image runs make: the toolchain is the point', code: 'FROM alpine:3.20\nRUN apk add --no-cache make gcc\nCOPY . /src\nCMD ["make", "-C", "/src", "test"]' },
    { name: 'the image runs a build script', code: 'FROM rust:1.81-alpine\nRUN apk add musl-dev openssl-dev\nCOPY . ./\nCMD ["./compile.sh"]' },
    { name: 'a final stage named like a build environment', code: 'FROM rust:1.81.0-alpine AS builder\nRUN apk add build-base openssl-dev\nCOPY . .\nRUN cargo build -r' },
    { name: 'a CI image: GitHub Action labels', code: 'FROM alpine:3.20\nLABEL com.github.actions.name="build"\nRUN apk add --no-cache build-base\nCOPY entrypoint.sh /entrypoint.sh\nENTRYPOINT ["/entrypoint.sh"]' },
    { name: 'an interactive shell as the command', code: 'FROM python:3.7-alpine\nRUN apk add --no-cache gcc libffi-dev && pip install virtualenv\nCMD ["/bin/sh"]' },
    { name: 'a base image with no application: nothing copied, installed or run', code: 'FROM python:3.8-alpine\nWORKDIR /code\nENV PYTHONUNBUFFERED=1\nRUN apk add postgresql-dev gcc python3-dev musl-dev' },
    { name: 'a toolchain image without a command of its own', code: 'FROM golang:1.17-alpine3.16\nRUN apk add make git curl bash\nWORKDIR /go/src/build\nCOPY . .\nRUN make build_binary' },
    { name: 'git that nothing fetches with is a runtime tool', code: 'FROM alpine:3.20\nRUN apk add --no-cache git openssh-client\nCOPY sync.sh /sync.sh\nCMD ["/sync.sh"]' },
    { name: 'git the container runs', code: 'FROM node:20-alpine\nRUN apk add --no-cache git\nCOPY . /app\nRUN cd /app && npm ci\nENTRYPOINT ["git", "daemon"]' },
    { name: 'a Debian final stage', code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc\nCOPY . .\nCMD ["python", "app.py"]' },
    { name: 'nothing is built: a deploy tool that runs make', code: 'FROM docker:29\nRUN apk add --no-cache bash curl make openssh-client rsync\nADD bin /usr/local/bin' },
    { name: 'nothing is copied in: the project is mounted at run time', code: 'FROM ruby:2.7-alpine\nRUN apk add --no-cache build-base gcc cmake git\nRUN gem update bundler\nENTRYPOINT ["start.sh"]' },
    { name: 'build packages from a variable, deleted through the same variable', code: 'FROM python:3.12-alpine\nENV BUILD_DEPS="gcc musl-dev"\nCOPY . /app\nRUN apk add --no-cache $BUILD_DEPS && pip install -r /app/requirements.txt && apk del $BUILD_DEPS\nCMD ["python", "/app/main.py"]' },
    { name: 'a variable whose value is unknown', code: 'FROM python:3.12-alpine\nARG BUILD_DEPS\nCOPY . /app\nRUN apk add --no-cache $BUILD_DEPS && pip install -r /app/requirements.txt\nCMD ["python", "/app/main.py"]' },
    { name: 'a final stage built on a stage that removed its compilers in the same RUN', code: 'FROM alpine:3.20 AS base\nCOPY . /src\nRUN apk add --virtual .b gcc make && make -C /src && apk del .b\nFROM base AS final\nCMD ["/src/app"]' },
    { name: 'a CI stage named so, built on a stage with compilers', code: 'FROM alpine:3.20 AS deps\nRUN apk add --no-cache gcc make\nFROM deps AS ci\nCOPY . /src\nRUN make -C /src test' },
    { name: 'nothing copied in, and gem (not pip) builds: a project mounted at run time', code: 'FROM ruby:3.3-alpine\nRUN apk add --no-cache build-base\nRUN gem install bundler\nCMD ["bundle", "exec", "rackup"]' },
    { name: 'runtime libraries only', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache libffi libpq\nCOPY . .\nCMD ["python", "app.py"]' },
  ],
  invalid: [
    {
      name: 'a last stage that copies nothing in but pip-installs packages with compilers is a runtime image',
      code: 'FROM python:3.11-alpine\nRUN apk add --no-cache «gcc gfortran musl-dev openblas-dev»\nRUN pip install numpy scipy\nCMD ["python3"]',
      output: null,
      severity: 'warning',
      messageIncludes: 'Build packages `gcc`, `gfortran`, `musl-dev` and `openblas-dev` ship in the final image, although only the build needs them.',
    },
    {
      name: 'a final stage built on the stage that installed the compilers',
      code: 'FROM alpine:3.20 AS build\nRUN apk add --no-cache gcc musl-dev make\nCOPY . /src\nRUN make -C /src\nFROM «build» AS final\nCMD ["/src/app"]',
      output: null,
      severity: 'warning',
      messageIncludes: 'This final stage is built on `build`, which installs build packages `gcc`, `musl-dev` and `make`, so they ship in the final image, although only the build needs them.',
    },
    {
      name: 'a stage named runtime that only copies from a build stage still carries a compiler',
      code: 'FROM alpine:3.20 AS build\nRUN apk add --no-cache go\nCOPY . /src\nRUN cd /src && go build -o /app .\nFROM alpine:3.20 AS runtime\nRUN apk add --no-cache «gcc» libstdc++\nCOPY --from=build /app /app\nCMD ["/app"]',
      output: null,
      severity: 'warning',
      messageIncludes: 'Build package `gcc` ships in the final image',
    },
    {
      name: 'a stage named runner is a runtime too',
      code: 'FROM node:20-alpine AS runner\nRUN apk add --no-cache «python3-dev make»\nCOPY --from=deps /app /app\nCMD ["node", "/app/index.js"]',
      output: null,
      severity: 'info',
    },
    {
      name: 'build packages held in an ENV variable',
      code: 'FROM python:3.12-alpine\nENV BUILD_DEPS="gcc musl-dev libffi-dev"\nCOPY . /app\nRUN apk add --no-cache «$BUILD_DEPS» && pip install -r /app/requirements.txt\nCMD ["python", "/app/main.py"]',
      output: null,
      severity: 'warning',
      messageIncludes: 'Build packages `gcc`, `musl-dev` and `libffi-dev` (from `$BUILD_DEPS`) ship in the final image, although only the build needs them.',
    },
    {
      name: 'build packages held in an ARG default, deleted only by a later RUN',
      code: 'FROM python:3.12-alpine\nARG BUILD_DEPS="gcc musl-dev"\nCOPY . /app\nRUN apk add --no-cache «${BUILD_DEPS}» && pip install -r /app/requirements.txt\nRUN apk del ${BUILD_DEPS}\nCMD ["python", "/app/main.py"]',
      output: null,
      messageIncludes: '(from `${BUILD_DEPS}`) are removed only by a later RUN',
    },
    {
      name: 'compilers and headers kept in a Flask image',
      code: 'FROM python:3.12-alpine\nWORKDIR /code\nRUN apk add --no-cache «gcc musl-dev linux-headers»\nCOPY requirements.txt requirements.txt\nRUN pip install -r requirements.txt\nCOPY . /code\nCMD ["flask", "run"]\n',
      output: null,
      severity: 'warning',
      messageIncludes: '`gcc`, `musl-dev` and `linux-headers` ship in the final image',
      suggestions: [{
        title: SPLIT,
        output: 'FROM python:3.12-alpine AS compile\nWORKDIR /code\nRUN apk add --no-cache gcc musl-dev linux-headers\nRUN python3 -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCOPY requirements.txt requirements.txt\nRUN pip install -r requirements.txt\n\nFROM python:3.12-alpine\nWORKDIR /code\nRUN apk add --no-cache libgcc libgomp\nCOPY requirements.txt requirements.txt\nCOPY --from=compile /opt/venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCOPY . /code\nCMD ["flask", "run"]\n',
      }],
    },
    {
      name: 'removed only in a later layer',
      code: 'FROM node:20-alpine\nRUN apk add --no-cache python3 «make g++»\nCOPY . /app\nRUN cd /app && npm ci\nRUN apk del make g++\nCMD ["node", "/app/index.js"]\n',
      output: null,
      messageIncludes: 'removed only by a later RUN',
      suggestions: [{
        title: SPLIT,
        output: 'FROM node:20-alpine AS compile\nRUN apk add --no-cache python3 make g++\nCOPY . /app\nRUN cd /app && npm ci\n\nFROM node:20-alpine\nRUN apk add --no-cache python3\nCOPY . /app\nCOPY --from=compile /app/node_modules /app/node_modules\nCMD ["node", "/app/index.js"]\n',
      }],
    },
    {
      name: 'git that fetches sources, and the Go toolchain, on plain Alpine',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache «git go»\nWORKDIR /src\nCOPY . .\nRUN git submodule update --init && go build -o /usr/local/bin/app .\nENTRYPOINT ["app"]\n',
      output: null,
      suggestions: [{
        title: SPLIT,
        output: 'FROM alpine:3.20 AS compile\nRUN apk add --no-cache git go\nWORKDIR /src\nCOPY . .\nRUN git submodule update --init && CGO_ENABLED=0 go build -o /usr/local/bin/app .\n\nFROM alpine:3.20\nWORKDIR /src\nCOPY . .\nCOPY --from=compile /usr/local/bin/app /usr/local/bin/app\nENTRYPOINT ["app"]\n',
      }],
    },
    {
      name: 'headers only: info, exec form, no strategy',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "--no-cache", "libffi", «"libffi-dev"», "py3-pip"]\nCOPY app /app\nRUN ["pip3", "install", "--break-system-packages", "/app"]\nCMD ["/app/run"]',
      output: null,
      severity: 'info',
      messageIncludes: 'Build package `libffi-dev` ships',
    },
    {
      name: 'a --virtual group that is never deleted',
      code: 'FROM python:3.12-alpine\nCOPY . /app\nRUN apk add --no-cache --virtual .build-deps «build-base» \\\n && pip install -r /app/requirements.txt\nCMD ["python", "/app/main.py"]',
      output: null,
      messageIncludes: '`build-base` ships',
    },
    {
      name: 'heredoc RUN with packages on several lines',
      code: 'FROM node:20-alpine\nRUN <<EOF\nset -e\napk add --no-cache «python3-dev \\\n  make»\nEOF\nCOPY . /app\nRUN cd /app && npm ci\nCMD ["node", "/app/index.js"]',
      output: null,
      severity: 'info',
    },
  ],
});

describe('prefer-multi-stage-build: fixes', () => {
  it('offers no split when the runtime libraries of a -dev package are unknown', () => {
    const findings = findingsOf(rule, 'FROM python:3.12-alpine\nRUN apk add --no-cache gcc gdal-dev\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]');
    assert.equal(findings.length, 1);
    assert.deepEqual(findings[0].fixes, []);
  });
});
