import rule from '../../../server/src/rules/pip-no-source-build-on-old-pip';
import { ruleTester } from '../../support/ruleTester';

const SYSTEM = (name: string, release: string, date: string, alpinePackage: string): string =>
  `\`${name}\` is built from source here, with compilers and a long build: pip before 21.2 cannot install \`musllinux\` wheels, and Alpine ${release}'s pip predates it (the release came out on ${date}); install Alpine's \`${alpinePackage}\` instead, or upgrade pip first.`;

ruleTester.run(rule, {
  valid: [
    { name: 'current python image with modern pip', code: 'FROM python:3.12-alpine\nRUN pip install numpy pandas' },
    { name: 'python image of a release supported after pip 21.2', code: 'FROM python:3.9-alpine3.13\nRUN pip install numpy' },
    { name: 'Alpine release after pip 21.2', code: 'FROM alpine:3.15\nRUN apk add --no-cache py3-pip\nRUN pip3 install numpy' },
    { name: 'pip upgraded first, in an earlier RUN', code: 'FROM alpine:3.12\nRUN apk add --no-cache py3-pip && pip3 install --upgrade pip\nRUN pip3 install numpy' },
    { name: 'pip upgraded first, earlier in the same RUN', code: 'FROM alpine:3.12\nRUN apk add py3-pip && python3 -m pip install -U pip && pip install lxml' },
    { name: 'pip pinned to a newer version first', code: 'FROM alpine:3.12\nRUN apk add py3-pip && pip install pip==23.3.1 && pip install lxml' },
    { name: 'a package without compiled code', code: 'FROM alpine:3.12\nRUN apk add py3-pip && pip install flask requests' },
    { name: 'unknown Alpine release', code: 'FROM alpine\nRUN apk add py3-pip && pip install numpy' },
    { name: 'no system Python installed', code: 'FROM alpine:3.12\nRUN pip install numpy' },
    { name: 'wheels from another index', code: 'FROM alpine:3.12\nRUN apk add py3-pip && pip install --extra-index-url https://alpine-wheels.example/simple numpy' },
    { name: 'wheels from an index named by ENV', code: 'FROM alpine:3.12\nENV PIP_FIND_LINKS=/wheels\nRUN apk add py3-pip && pip install numpy' },
    { name: 'source build asked for', code: 'FROM alpine:3.12\nRUN apk add py3-pip && pip install --no-binary :all: numpy' },
    { name: 'a local wheel', code: 'FROM alpine:3.12\nRUN apk add py3-pip && pip install /wheels/numpy-1.19.5-cp38-cp38-linux_x86_64.whl' },
    { name: 'Python 2 pip', code: 'FROM alpine:3.10\nRUN apk add python3 python2 py2-pip && pip2 install numpy' },
    { name: 'python image of Python 3.5', code: 'FROM python:3.5-alpine3.8\nRUN pip install numpy' },
    { name: 'get-pip.py installs a current pip', code: 'FROM alpine:3.12\nRUN apk add python3 && wget https://bootstrap.pypa.io/get-pip.py && python3 get-pip.py && pip install numpy' },
  ],
  invalid: [
    {
      name: 'system Python of Alpine 3.12',
      code: 'FROM alpine:3.12\nRUN apk add --no-cache py3-pip python3-dev build-base\nRUN pip3 install «numpy==1.19.5» flask',
      output: null,
      messageIncludes: SYSTEM('numpy', '3.12', '2020-05-29', 'py3-numpy'),
    },
    {
      name: 'each compiled package is reported, by its own name',
      code: 'FROM alpine:3.12\nRUN apk add --no-cache py3-pip\nRUN pip3 install «numpy» flask «Pandas»',
      output: null,
      messageIncludes: 'cannot install `musllinux` wheels, and Alpine 3.12\'s pip predates it (the release came out on 2020-05-29); install Alpine\'s `py3-',
    },
    {
      name: 'project names are normalized, extras and markers dropped',
      code: 'FROM alpine:3.14\nRUN apk add python3 py3-pip && python3 -m pip install «"cryptography[ssh]>=3.4"»',
      output: null,
      messageIncludes: SYSTEM('cryptography', '3.14', '2021-06-15', 'py3-cryptography'),
    },
    {
      name: 'an old official python image: only a newer pip is suggested',
      code: 'FROM python:3.7.0-alpine3.8\nRUN apk add --no-cache build-base libxml2-dev libxslt-dev && pip install «lxml»',
      output: null,
      messageIncludes: '`lxml` is built from source here, with compilers and a long build: pip before 21.2 cannot install `musllinux` wheels, and the pip of `python:3.7.0-alpine3.8` predates it (Alpine 3.8 left support on 2020-05-01); upgrade pip first (`pip install --upgrade pip`), which helps where the project publishes `musllinux` wheels for this Python.',
    },
    {
      name: 'release through a global ARG and stage inheritance',
      code: 'ARG ALPINE=3.13\nFROM alpine:${ALPINE} AS base\nRUN apk add py3-pip\nFROM base\nRUN pip install «scipy»',
      output: null,
      messageIncludes: SYSTEM('scipy', '3.13', '2021-01-14', 'py3-scipy'),
    },
    {
      name: 'pip upgraded in the same command does not help that command',
      code: 'FROM alpine:3.12\nRUN apk add py3-pip && pip install -U pip «psycopg2»',
      output: null,
    },
  ],
});
