import rule from '../../../server/src/rules/apk-no-second-runtime';
import { ruleTester } from '../../support/ruleTester';

const PY = "installs Alpine's own Python";

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache python3 py3-pip',
    { name: 'Debian python image', code: 'FROM python:3.12-slim\nRUN apk add python3' },
    { name: 'build tools on python:alpine', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache gcc musl-dev libffi-dev' },
    { name: 'python for node-gyp on node:alpine is another language', code: 'FROM node:20-alpine\nRUN apk add --no-cache python3 make g++' },
    { name: 'nodejs on python:alpine is another language', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache nodejs npm' },
    { name: 'another registry is not the official image', code: 'FROM ghcr.io/acme/python:3.12-alpine\nRUN apk add --no-cache python3' },
    { name: 'a stage FROM another base', code: 'FROM python:3.12-alpine AS py\nFROM alpine:3.20\nRUN apk add --no-cache python3' },
    { name: 'Alpine\'s site-packages put on the path on purpose: its modules are not reported', code: 'FROM python:3.11-alpine3.18\nENV PYTHONPATH=/usr/lib/python3.11/site-packages\nRUN apk add --no-cache py3-numpy' },
    { name: 'apk del is not an install', code: 'FROM python:3.12-alpine\nRUN apk del python3' },
  ],
  invalid: [
    {
      name: 'python3-dev among build packages',
      code: 'FROM python:3.8-alpine\nRUN apk add postgresql-dev gcc «python3-dev» musl-dev',
      output: 'FROM python:3.8-alpine\nRUN apk add postgresql-dev gcc musl-dev',
      messageIncludes: "`python3-dev` installs Alpine's own Python (and its headers) beside the one `python:3.8-alpine` already has, headers included: two interpreters",
      suggestions: [{ title: 'Remove `python3-dev`', output: 'FROM python:3.8-alpine\nRUN apk add postgresql-dev gcc musl-dev' }],
    },
    {
      name: 'the only package: the whole RUN goes',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache «python3»\nCMD ["python"]\n',
      output: 'FROM python:3.12-alpine\nCMD ["python"]\n',
      messageIncludes: PY,
    },
    {
      name: 'the only package of a command in a chain: the command goes',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache «py3-pip» && pip install flask\n',
      output: 'FROM python:3.12-alpine\nRUN pip install flask\n',
      messageIncludes: 'pip included',
    },
    {
      name: 'alone on a continuation line',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache \\\n      gcc \\\n      «python3-dev» \\\n      musl-dev\n',
      output: 'FROM python:3.12-alpine\nRUN apk add --no-cache \\\n      gcc \\\n      musl-dev\n',
    },
    {
      name: 'a py3 module is a suggestion',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache «py3-numpy» gcc\n',
      output: null,
      messageIncludes: "`py3-numpy` is a module for Alpine's own Python, which it installs beside the one `python:3.12-alpine` already has; that image's `python` cannot import it.",
      suggestions: [{ title: 'Remove `py3-numpy`', output: 'FROM python:3.12-alpine\nRUN apk add --no-cache gcc\n' }],
    },
    {
      name: 'a file that runs /usr/bin/python3 gets a suggestion only',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache «python3» gcc\nCMD ["/usr/bin/python3", "app.py"]\n',
      output: null,
      suggestions: [{ title: 'Remove `python3`', output: 'FROM python:3.12-alpine\nRUN apk add --no-cache gcc\nCMD ["/usr/bin/python3", "app.py"]\n' }],
    },
    {
      name: 'base through a global ARG',
      code: 'ARG PY=3.11\nFROM python:${PY}-alpine3.19\nRUN apk add --no-cache «python3» curl\n',
      output: 'ARG PY=3.11\nFROM python:${PY}-alpine3.19\nRUN apk add --no-cache curl\n',
      messageIncludes: '`python:3.11-alpine3.19`',
    },
    {
      name: 'base through an ARG without default: the tag still says alpine',
      code: 'ARG PY\nFROM python:${PY}-alpine\nRUN apk add --no-cache «py3-pip» curl\n',
      output: 'ARG PY\nFROM python:${PY}-alpine\nRUN apk add --no-cache curl\n',
    },
    {
      name: 'base through an earlier stage',
      code: 'FROM docker.io/library/python:3.12-alpine AS base\nFROM base AS app\nRUN apk add --no-cache «python3-dev» gcc\n',
      output: 'FROM docker.io/library/python:3.12-alpine AS base\nFROM base AS app\nRUN apk add --no-cache gcc\n',
    },
    {
      name: 'nodejs and npm on node:alpine',
      code: 'FROM node:20-alpine\nRUN apk add --no-cache «nodejs» «npm» git\n',
      output: 'FROM node:20-alpine\nRUN apk add --no-cache git\n',
      messageIncludes: 'two runtimes',
    },
    {
      name: 'every package of the call is a duplicate: one fix removes the command',
      code: 'FROM node:20-alpine\nRUN apk add --no-cache «nodejs» «npm» && npm ci\n',
      output: 'FROM node:20-alpine\nRUN npm ci\n',
      suggestions: [{ title: 'Remove `nodejs` and `npm`', output: 'FROM node:20-alpine\nRUN npm ci\n' }],
    },
    {
      name: 'a module among the duplicates makes the shared removal a suggestion',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache «python3» «py3-numpy»\n',
      output: null,
      suggestions: [{ title: 'Remove `python3` and `py3-numpy`', output: 'FROM python:3.12-alpine\n' }],
    },
    {
      name: 'the only package of a --virtual group: no fix',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .deps «python3-dev» && pip install x && apk del .deps\n',
      output: null,
    },
    {
      name: 'the only package, with -U that refreshes the index: no fix',
      code: 'FROM python:3.12-alpine\nRUN apk add -U «python3» && apk add gcc\n',
      output: null,
    },
    {
      name: 'inside if: no fix for the only package',
      code: 'FROM python:3.12-alpine\nRUN if true; then apk add --no-cache «python3»; fi\n',
      output: null,
    },
    {
      name: 'exec form',
      code: 'FROM python:3.12-alpine\nRUN ["apk", "add", "--no-cache", «"python3"», "curl"]\n',
      output: 'FROM python:3.12-alpine\nRUN ["apk", "add", "--no-cache", "curl"]\n',
    },
  ],
});
