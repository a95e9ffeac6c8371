import rule from '../../../server/src/rules/apk-no-renamed-packages';
import { ruleTester } from '../../support/ruleTester';

const PYTHON = 'Replace `python` with `python3`';
const PYTHON_DEV = 'Replace `python-dev` with `python3-dev`';

ruleTester.run(rule, {
  valid: [
    { name: 'Alpine 3.11 still had the Python 2 names', code: 'FROM alpine:3.11\nRUN apk add --no-cache python python-dev' },
    { name: 'Alpine 3.15 still had python2', code: 'FROM alpine:3.15\nRUN apk add --no-cache python2 python2-dev' },
    { name: 'release from an -alpineX.Y tag', code: 'FROM python:2.7-alpine3.10\nRUN apk add --no-cache python-dev' },
    { name: 'py-pip still installs (py3-pip provides it)', code: 'FROM alpine:3.20\nRUN apk add --no-cache python3 py3-pip py-pip' },
    { name: 'Wolfi is not Alpine', code: 'FROM cgr.dev/chainguard/wolfi-base\nRUN apk add python' },
    { name: 'not an Alpine stage', code: 'FROM debian:12\nRUN apk add python' },
    { name: 'apk del and other commands', code: 'FROM alpine:3.20\nRUN apk del python && pip install python-dev && apk add --no-cache python3' },
    { name: 'a variable is never guessed', code: 'FROM alpine:3.20\nRUN apk add --no-cache "$PYTHON"' },
    {
      name: 'multi-stage: the old stage keeps its old release',
      code: 'FROM alpine:3.8 AS legacy\nRUN apk add --no-cache python\nFROM alpine:3.20\nRUN apk add --no-cache python3',
    },
  ],
  invalid: [
    {
      name: 'on the official python image the fix removes the name instead of adding a second Python',
      code: 'FROM python:3.8-alpine3.12\nRUN apk add --no-cache \\\n    «python» \\\n    «python-dev» \\\n    gcc\n',
      output: 'FROM python:3.8-alpine3.12\nRUN apk add --no-cache \\\n    gcc\n',
      severity: 'error',
      suggestions: [
        { title: 'Remove `python` (`python:3.8-alpine3.12` has its own Python)', output: 'FROM python:3.8-alpine3.12\nRUN apk add --no-cache \\\n    python-dev \\\n    gcc\n' },
        { title: 'Remove `python-dev` (`python:3.8-alpine3.12` has its own Python)', output: 'FROM python:3.8-alpine3.12\nRUN apk add --no-cache \\\n    python \\\n    gcc\n' },
      ],
    },
    {
      name: 'on the official node image python is not a second runtime: still replaced',
      code: 'FROM node:14-alpine3.12\nRUN apk add --no-cache «python» make g++\n',
      output: 'FROM node:14-alpine3.12\nRUN apk add --no-cache python3 make g++\n',
    },
    {
      name: 'the seed article: python, python-dev and py-pip on FROM alpine',
      code: 'FROM alpine\nRUN apk add --update-cache \\\n    «python» \\\n    «python-dev» \\\n    py-pip \\\n    build-base \\\n  && pip install virtualenv \\\n  && rm -rf /var/cache/apk/*\n',
      output: null,
      severity: 'warning',
      messageIncludes: 'including 3.24 (3.24 is the newest release known on 2026-11-26)',
      suggestions: [
        { title: PYTHON, output: 'FROM alpine\nRUN apk add --update-cache \\\n    python3 \\\n    python-dev \\\n    py-pip \\\n    build-base \\\n  && pip install virtualenv \\\n  && rm -rf /var/cache/apk/*\n' },
        { title: PYTHON_DEV, output: 'FROM alpine\nRUN apk add --update-cache \\\n    python \\\n    python3-dev \\\n    py-pip \\\n    build-base \\\n  && pip install virtualenv \\\n  && rm -rf /var/cache/apk/*\n' },
      ],
    },
    {
      name: 'known release without the name: error, safe fix drops the constraint',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache «python»=2.7.18-r0 py3-pip',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache python3 py3-pip',
      severity: 'error',
      messageIncludes: '`python` does not exist on Alpine 3.20 (gone since 3.12)',
    },
    {
      name: 'edge',
      code: 'FROM alpine:edge\nRUN apk add --no-cache «python2»',
      output: 'FROM alpine:edge\nRUN apk add --no-cache python3',
      severity: 'error',
      messageIncludes: 'Alpine edge',
    },
    {
      name: 'first release without python2-dev',
      code: 'FROM alpine:3.16\nRUN apk add --no-cache «python2-dev» gcc',
      output: 'FROM alpine:3.16\nRUN apk add --no-cache python3-dev gcc',
      severity: 'error',
    },
    {
      name: 'unknown release of an official -alpine variant',
      code: 'FROM node:20-alpine\nRUN apk add --no-cache «python» make g++',
      output: null,
      severity: 'warning',
      suggestions: [{ title: PYTHON, output: 'FROM node:20-alpine\nRUN apk add --no-cache python3 make g++' }],
    },
    {
      name: 'replacement already listed: remove the old name',
      code: 'FROM alpine:3.19\nRUN apk add --no-cache python3 «python»',
      output: 'FROM alpine:3.19\nRUN apk add --no-cache python3',
    },
    {
      name: 'removing an old name alone on a continuation line removes the line',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache python3 \\\n    «python» \\\n    gcc',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache python3 \\\n    gcc',
    },
    {
      name: 'removing an old name on the last continuation line',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    python3 \\\n    «python-dev» \\\n    python3-dev\nRUN apk add --no-cache \\\n    py3-pip \\\n    «py2-pip»\n',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    python3 \\\n    python3-dev\nRUN apk add --no-cache \\\n    py3-pip\n',
    },
    {
      name: 'two old names with the same replacement',
      code: 'FROM alpine:3.19\nRUN apk add --no-cache «python» «python2» git',
      output: 'FROM alpine:3.19\nRUN apk add --no-cache python3 git',
    },
    {
      name: 'quoted package word',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache "«python-dev»"',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache "python3-dev"',
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "--no-cache", "«python»"]',
      output: 'FROM alpine:3.20\nRUN ["apk", "add", "--no-cache", "python3"]',
    },
    {
      name: 'stage built on an earlier stage inherits its release',
      code: 'FROM alpine:3.18 AS base\nFROM base\nRUN apk add --no-cache «py2-pip»',
      output: 'FROM alpine:3.18 AS base\nFROM base\nRUN apk add --no-cache py3-pip',
    },
    {
      name: 'ARG before FROM',
      code: 'ARG ALPINE_VERSION=3.21\nFROM alpine:${ALPINE_VERSION}\nRUN apk add --no-cache «python»',
      output: 'ARG ALPINE_VERSION=3.21\nFROM alpine:${ALPINE_VERSION}\nRUN apk add --no-cache python3',
    },
    {
      name: 'lowercase instructions',
      code: 'from alpine:3.20\nrun apk add «python-dev»',
      output: 'from alpine:3.20\nrun apk add python3-dev',
    },
    {
      name: 'release between the last known with and the first known without',
      code: 'FROM alpine:3.11\nRUN apk add --no-cache «py2-pip»',
      output: null,
      severity: 'warning',
      messageIncludes: 'may already be missing on 3.11',
      suggestions: [{ title: 'Replace `py2-pip` with `py3-pip`', output: 'FROM alpine:3.11\nRUN apk add --no-cache py3-pip' }],
    },
    {
      name: '--virtual build dependencies on an -alpineX.Y variant',
      code: 'FROM python:3.8-alpine3.12\nRUN apk add --no-cache --virtual .build-deps «python-dev» gcc \\\n  && apk del .build-deps',
      output: 'FROM python:3.8-alpine3.12\nRUN apk add --no-cache --virtual .build-deps gcc \\\n  && apk del .build-deps',
    },
    {
      name: 'unknown base image that runs apk',
      code: 'FROM acme/base:1.0\nRUN apk add --no-cache «python»',
      output: null,
      suggestions: [{ title: PYTHON, output: 'FROM acme/base:1.0\nRUN apk add --no-cache python3' }],
    },
    {
      name: 'a repository tag keeps its tag and leaves the release open',
      code: 'FROM alpine:3.8\nRUN apk add --no-cache «python»@legacy',
      output: null,
      suggestions: [{ title: PYTHON, output: 'FROM alpine:3.8\nRUN apk add --no-cache python3@legacy' }],
    },
    {
      name: 'heredoc',
      code: 'FROM alpine:3.20\nRUN <<EOF\nset -e\napk add --no-cache «python2» curl\nEOF\n',
      output: 'FROM alpine:3.20\nRUN <<EOF\nset -e\napk add --no-cache python3 curl\nEOF\n',
    },
  ],
});
