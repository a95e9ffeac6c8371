import assert from 'node:assert/strict';
import rule from '../../../server/src/rules/copy-manifest-before-install';
import { findingsOf, ruleTester } from '../../support/ruleTester';

const title = (manifests: string, copy: string): string => `Copy ${manifests} first and move \`${copy}\` below the install`;

ruleTester.run(rule, {
  valid: [
    { name: 'manifests first, sources after', code: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "index.js"]' },
    { name: 'global install of a named tool', code: 'FROM node:20-alpine\nCOPY . /app\nRUN npm install -g pm2\nCMD ["pm2-runtime", "/app/index.js"]' },
    { name: 'pip install of named packages', code: 'FROM python:3.12-alpine\nCOPY . /app\nRUN pip install --no-cache-dir gunicorn' },
    { name: 'COPY from another stage is not the context', code: 'FROM node:20-alpine AS deps\nRUN echo\nFROM node:20-alpine\nWORKDIR /app\nCOPY --from=deps /app .\nRUN npm ci' },
    { name: 'only a sub-directory is copied', code: 'FROM node:20-alpine\nWORKDIR /app\nCOPY src ./src\nRUN npm ci' },
    { name: 'the whole context is copied in another stage', code: 'FROM alpine:3.20 AS files\nCOPY . /files\nFROM node:20-alpine\nWORKDIR /app\nCOPY package.json .\nRUN npm install' },
    { name: 'an install inside a condition is left alone', code: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN if [ -f package-lock.json ]; then npm ci; fi' },
    { name: 'the project install after a manifest-only install of the same tool', code: 'FROM php:8.3-fpm-alpine\nWORKDIR /var/www/html\nCOPY composer.json composer.lock ./\nRUN composer install --no-scripts --no-autoloader\nCOPY . .\nRUN composer install' },
  ],
  invalid: [
    {
      name: 'npm ci after COPY . .',
      code: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN «npm ci»\nCMD ["node", "index.js"]\n',
      output: null,
      messageIncludes: '`npm ci` runs after `COPY . .`',
      suggestions: [{ title: title('`package*.json`', 'COPY . .'), output: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "index.js"]\n' }],
    },
    {
      name: '--chown is kept and an absolute destination stays as written across a WORKDIR',
      code: 'FROM python:3.12-alpine\nWORKDIR /srv\nCOPY --chown=app:app . /srv/app\nWORKDIR /srv/app\nRUN «pip install» --no-cache-dir -r requirements.txt\n',
      output: null,
      suggestions: [{
        title: title('`requirements*.txt`', 'COPY . /srv/app'),
        output: 'FROM python:3.12-alpine\nWORKDIR /srv\nWORKDIR /srv/app\nCOPY --chown=app:app requirements*.txt /srv/app/\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY --chown=app:app . /srv/app\n',
      }],
    },
    {
      name: 'a relative destination below a later WORKDIR is written out',
      code: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nWORKDIR /app/web\nRUN «yarn install» --frozen-lockfile\n',
      output: null,
      suggestions: [{
        title: title('`web/package.json`, `web/yarn.lock*`', 'COPY . .'),
        output: 'FROM node:20-alpine\nWORKDIR /app\nWORKDIR /app/web\nCOPY web/package.json web/yarn.lock* /app/web/\nRUN yarn install --frozen-lockfile\nCOPY . /app\n',
      }],
    },
    {
      name: 'go mod download with --link',
      code: 'FROM golang:1.23-alpine3.20\nWORKDIR /src\nCOPY --link . .\nRUN «go mod download»\nRUN go build -o /bin/app .\n',
      output: null,
      suggestions: [{ title: title('`go.mod`, `go.sum*`', 'COPY . .'), output: 'FROM golang:1.23-alpine3.20\nWORKDIR /src\nCOPY --link go.mod go.sum* ./\nRUN go mod download\nCOPY --link . .\nRUN go build -o /bin/app .\n' }],
    },
    {
      name: 'bundle install with a package RUN in between',
      code: 'FROM ruby:3.3-alpine\nWORKDIR /app\nCOPY . .\nRUN apk add --no-cache build-base\nRUN «bundle install»\n',
      output: null,
      suggestions: [{ title: title('`Gemfile`, `Gemfile.lock*`', 'COPY . .'), output: 'FROM ruby:3.3-alpine\nWORKDIR /app\nRUN apk add --no-cache build-base\nCOPY Gemfile Gemfile.lock* ./\nRUN bundle install\nCOPY . .\n' }],
    },
    {
      name: 'heredoc RUN',
      code: 'FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN <<EOF\nset -e\n«npm ci»\nEOF\n',
      output: null,
      suggestions: [{ title: title('`package*.json`', 'COPY . .'), output: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN <<EOF\nset -e\nnpm ci\nEOF\nCOPY . .\n' }],
    },
    {
      name: 'escape directive, ADD, requirements in a folder',
      code: '# escape=`\nFROM python:3.12-alpine\nADD . /code\nWORKDIR /code\nRUN apk add --no-cache gcc `\n      musl-dev && `\n    «pip install» -r requirements/prod.txt\n',
      output: null,
      suggestions: [{
        title: title('`requirements/`', 'ADD . /code'),
        output: '# escape=`\nFROM python:3.12-alpine\nWORKDIR /code\nCOPY requirements/ /code/requirements/\nRUN apk add --no-cache gcc `\n      musl-dev && `\n    pip install -r requirements/prod.txt\nADD . /code\n',
      }],
    },
    {
      name: 'ARG before FROM, uv sync without the project',
      code: 'ARG PY=3.12\nFROM python:${PY}-alpine\nWORKDIR /app\nCOPY . .\nRUN «uv sync» --frozen --no-install-project\n',
      output: null,
      suggestions: [{ title: title('`pyproject.toml`, `uv.lock*`', 'COPY . .'), output: 'ARG PY=3.12\nFROM python:${PY}-alpine\nWORKDIR /app\nCOPY pyproject.toml uv.lock* ./\nRUN uv sync --frozen --no-install-project\nCOPY . .\n' }],
    },
    {
      name: 'the comment above the COPY moves with it',
      code: 'FROM node:20-alpine\nWORKDIR /app\n# the application\nCOPY . .\nRUN «npm install» --omit=dev\n',
      output: null,
      suggestions: [{ title: title('`package*.json`', 'COPY . .'), output: 'FROM node:20-alpine\nWORKDIR /app\nCOPY package*.json ./\nRUN npm install --omit=dev\n# the application\nCOPY . .\n' }],
    },
    {
      name: 'composer with --no-scripts --no-autoloader',
      code: 'FROM php:8.3-fpm-alpine\nWORKDIR /var/www/html\nCOPY . .\nRUN «composer install» --no-dev --no-scripts --no-autoloader\n',
      output: null,
      suggestions: [{ title: title('`composer.json`, `composer.lock*`', 'COPY . .'), output: 'FROM php:8.3-fpm-alpine\nWORKDIR /var/www/html\nCOPY composer.json composer.lock* ./\nRUN composer install --no-dev --no-scripts --no-autoloader\nCOPY . .\n' }],
    },
    {
      name: 'cd into the destination in the same RUN',
      code: 'FROM alpine:3.20\nWORKDIR /app\nCOPY . .\nRUN apk add --no-cache py3-pip && cd /app && «pip install» --break-system-packages -r requirements.txt\n',
      output: null,
      suggestions: [{ title: title('`requirements*.txt`', 'COPY . .'), output: 'FROM alpine:3.20\nWORKDIR /app\nCOPY requirements*.txt ./\nRUN apk add --no-cache py3-pip && cd /app && pip install --break-system-packages -r requirements.txt\nCOPY . .\n' }],
    },
    { name: 'npm ci chained with the build: reported, no fix', code: 'FROM node:20-alpine AS build\nWORKDIR /app\nCOPY . .\nRUN «npm ci» && npm run build\n\nFROM nginx:alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n', output: null },
    { name: 'cargo build needs the sources: reported, no fix', code: 'FROM rust:1.81-alpine\nWORKDIR /app\nCOPY . .\nRUN «cargo build» --release\n', output: null },
    { name: 'pip install of the project itself: reported, no fix', code: 'FROM python:3.12-alpine\nCOPY . /app\nRUN «pip install» /app\n', output: null },
    { name: 'composer install that runs scripts: reported, no fix', code: 'FROM php:8.3-fpm-alpine\nWORKDIR /var/www/html\nCOPY . .\nRUN «composer install» --no-dev\n', output: null },
  ],
});

describe('copy-manifest-before-install: when no fix is offered', () => {
  const fixesOf = (code: string) => findingsOf(rule, code).flatMap((finding) => finding.fixes);
  it('the install RUN also builds', () => assert.deepEqual(fixesOf('FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build'), []));
  it('a RUN in between reads the sources', () => assert.deepEqual(fixesOf('FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nRUN chmod +x ./start.sh\nRUN npm ci'), []));
  it('another COPY in between would change which file wins', () => assert.deepEqual(fixesOf('FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCOPY config/prod.json config.json\nRUN npm ci'), []));
  it('the manifest is not inside the copied directory', () => assert.deepEqual(fixesOf('FROM python:3.12-alpine\nCOPY . /code\nRUN pip install -r requirements.txt'), []));
  it('two whole-context COPYs', () => assert.deepEqual(fixesOf('FROM node:20-alpine\nWORKDIR /app\nCOPY . .\nCOPY . /backup\nRUN npm ci'), []));
});
