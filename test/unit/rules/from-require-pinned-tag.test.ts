import rule from '../../../server/src/rules/from-require-pinned-tag';
import { strict as assert } from 'node:assert';
import { BASE_PACKAGES, staticAlpineData } from '../../support/alpineFixtures';
import { findingsOf, ruleTester } from '../../support/ruleTester';

// The release table (knowledge/releases.ts, as of 2026-11-26) names 3.24 as the newest stable branch.
const PIN = 'Pin `alpine` to `3.24`';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20',
    'FROM alpine:3.20.3\nRUN apk add --no-cache curl',
    { name: 'scratch has no tags', code: 'FROM scratch\nCOPY app /app' },
    { name: 'a digest pins the image', code: 'FROM alpine@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1' },
    { name: 'latest plus a digest is pinned by the digest', code: 'FROM docker.io/library/alpine:latest@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1' },
    { name: 'unresolved ARG (hadolint: using args is not an error)', code: 'FROM ${VALUE}' },
    { name: 'ARG without a default', code: 'ARG TAG\nFROM alpine:$TAG' },
    { name: 'ARG with a pinned default', code: 'ARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSION}\nRUN apk add --no-cache curl' },
    { name: 'ARG with a pinned image default', code: 'ARG BASE=nginx:mainline-alpine\nFROM ${BASE} AS builder\nFROM ${BASE}' },
    {
      name: 'multi-stage: later stages name earlier ones',
      code: 'FROM golang:1.22-alpine AS build\nRUN go build -o /app .\nFROM build as test\nRUN go test ./...\nFROM alpine:3.20\nCOPY --from=build /app /app',
    },
    { name: 'stage names compare case-insensitively', code: 'FROM node:20-alpine AS Deps\nFROM deps' },
    { name: 'a registry port is not a tag', code: 'FROM localhost:5000/team/base:1.4\nRUN true' },
    { name: 'other tags of the alpine organisation', code: 'FROM alpine/git:v2.45.2' },
    { name: 'edge of another image is just a tag', code: 'FROM nginx:edge' },
    { name: 'lowercase from with a tag', code: 'from python:3.12-alpine as app' },
  ],
  invalid: [
    {
      name: 'no pin when the stage installs a name the newest release lacks (rename table: python gone since 3.12)',
      code: 'FROM «alpine»\nRUN apk add --no-cache python curl\n',
      output: null,
      messageIncludes: '`alpine` has no tag, so it pulls `latest`, which moves to a new image whenever one is pushed. No move to Alpine 3.24 is suggested: `python`, which this stage installs, does not exist in Alpine 3.24 (Alpinist\'s tables of renamed and removed packages).',
    },
    {
      name: 'no pin when a later stage built on it installs php7 packages (gone since 3.16)',
      code: 'FROM alpine:«latest» AS base\nRUN apk add --no-cache curl\nFROM base\nRUN apk add --no-cache php7 php7-fpm python2 php7-json\n',
      output: null,
      messageIncludes: 'No move to Alpine 3.24 is suggested: `php7`, which this stage installs, does not exist in Alpine 3.24',
    },
    {
      name: 'the package index decides when it is loaded: php7-curl missing, php83-curl present',
      code: 'FROM alpine:«edge»\nRUN apk add --no-cache php83-curl php7-curl\n',
      output: null,
      alpineData: staticAlpineData({ '3.24': BASE_PACKAGES }),
      messageIncludes: 'No move to Alpine 3.24 is suggested: `php7-curl`, which this stage installs, does not exist in Alpine 3.24 (main and community, x86_64, index of 2026-12-01).',
    },
    {
      name: 'the index has every name: the pin is offered',
      code: 'FROM «alpine»\nRUN apk add --no-cache php83-curl py-pip\n',
      output: null,
      alpineData: staticAlpineData({ '3.24': BASE_PACKAGES }),
      suggestions: [{ title: PIN, output: 'FROM alpine:3.24\nRUN apk add --no-cache php83-curl py-pip\n' }],
    },
    {
      name: 'tagged repositories and --repository packages are not judged: the pin is offered',
      code: 'FROM «alpine»\nRUN apk add --no-cache php7@php --repository https://example.org/php7 php7-fpm\n',
      output: null,
      suggestions: [{ title: PIN, output: 'FROM alpine:3.24\nRUN apk add --no-cache php7@php --repository https://example.org/php7 php7-fpm\n' }],
    },
    {
      name: 'a tag typed as a separate word after `golang:` is named as such, with a join suggestion',
      code: 'FROM «golang: 1.17.3-alpine3.14»\nRUN go version\n',
      output: null,
      messageIncludes: 'The tag `1.17.3-alpine3.14` is a separate word after `golang:`, so Docker reads `golang:` as the image and rejects this FROM. Remove the space: `golang:1.17.3-alpine3.14`.',
      suggestions: [{ title: 'Join the tag: `golang:1.17.3-alpine3.14`', output: 'FROM golang:1.17.3-alpine3.14\nRUN go version\n' }],
    },
    {
      name: 'the same typo with a stage name keeps the stage name',
      code: 'FROM «golang:  1.22-alpine» AS build\nRUN go build -o /app .\n',
      output: null,
      messageIncludes: 'The tag `1.22-alpine` is a separate word after `golang:`',
      suggestions: [{ title: 'Join the tag: `golang:1.22-alpine`', output: 'FROM golang:1.22-alpine AS build\nRUN go build -o /app .\n' }],
    },
    {
      name: 'a space before the colon: the tag is the next word',
      code: 'FROM --platform=$BUILDPLATFORM «golang :1.22»\nRUN true',
      output: null,
      messageIncludes: 'The tag `1.22` is a separate word after `golang`, so Docker reads `golang` as the image and rejects this FROM. Remove the space: `golang:1.22`.',
      suggestions: [{ title: 'Join the tag: `golang:1.22`', output: 'FROM --platform=$BUILDPLATFORM golang:1.22\nRUN true' }],
    },
    {
      name: 'a tag with no image name is not reported as a moving tag',
      code: 'FROM «:latest»\nRUN true',
      output: null,
      messageIncludes: '`:latest` has no image name before the tag `latest`, so Docker rejects this FROM ("invalid reference format"). Write the image name before it.',
    },
    {
      name: 'a pinned tag with no image name',
      code: 'FROM «:3.14» AS base\nRUN true',
      output: null,
      messageIncludes: '`:3.14` has no image name before the tag `3.14`, so Docker rejects this FROM ("invalid reference format"). Write the image name before it.',
    },
    {
      name: 'a colon alone',
      code: 'FROM «:»\nRUN true',
      output: null,
      messageIncludes: '`:` has no image name before its colon, so Docker rejects this FROM ("invalid reference format"). Write the image name before it.',
    },
    {
      name: 'a colon with nothing after it',
      code: 'FROM «golang:» AS build\nRUN true',
      output: null,
      messageIncludes: '`golang:` ends with `:` and no tag, so Docker rejects this FROM ("invalid reference format"). Write the tag after the colon, or remove the colon.',
    },
    {
      name: 'untagged image (DL3006)',
      code: 'FROM «debian»\nRUN apt-get update',
      output: null,
      messageIncludes: '`debian` has no tag',
    },
    {
      name: 'explicit latest with a stage name (DL3007)',
      code: 'FROM debian:«latest» AS builder\nRUN true',
      output: null,
      messageIncludes: '`latest`',
    },
    {
      name: 'untagged alpine gets a pin suggestion',
      code: 'FROM «alpine»\nRUN apk add --no-cache curl\n',
      output: null,
      suggestions: [{ title: PIN, output: 'FROM alpine:3.24\nRUN apk add --no-cache curl\n' }],
    },
    {
      name: 'alpine:latest',
      code: 'FROM alpine:«latest»\n',
      output: null,
      messageIncludes: 'Alpine release',
      suggestions: [{ title: PIN, output: 'FROM alpine:3.24\n' }],
    },
    {
      name: 'alpine:edge is the rolling development branch',
      code: 'FROM alpine:«edge»\nRUN apk add --no-cache curl',
      output: null,
      messageIncludes: '`edge`',
      suggestions: [{ title: PIN, output: 'FROM alpine:3.24\nRUN apk add --no-cache curl' }],
    },
    {
      name: '--platform flag before the image',
      code: 'FROM --platform=$BUILDPLATFORM «alpine» AS build\nRUN apk add --no-cache go',
      output: null,
      suggestions: [{ title: PIN, output: 'FROM --platform=$BUILDPLATFORM alpine:3.24 AS build\nRUN apk add --no-cache go' }],
    },
    {
      name: 'fully qualified Docker Hub name keeps its prefix',
      code: 'FROM docker.io/library/alpine:«latest» AS x\nRUN true',
      output: null,
      suggestions: [{ title: PIN, output: 'FROM docker.io/library/alpine:3.24 AS x\nRUN true' }],
    },
    {
      name: 'lowercase from, later stage reuses it',
      code: 'from «alpine» as base\nrun apk add --no-cache curl\nfrom base\nrun curl --version',
      output: null,
      suggestions: [{ title: PIN, output: 'from alpine:3.24 as base\nrun apk add --no-cache curl\nfrom base\nrun curl --version' }],
    },
    {
      name: 'multi-stage: only the untagged external image (hadolint: other untagged cases are not ok)',
      code: 'FROM golang:1.9.3-alpine3.7 AS build\nRUN foo\nFROM «node» as unit-test\nRUN bar\nFROM alpine:3.7\nRUN baz\n',
      output: null,
    },
    {
      name: 'a registry port is not a tag: still untagged',
      code: 'FROM «localhost:5000/team/base»\nRUN true',
      output: null,
    },
    {
      name: 'an image named like a stage that is defined later',
      code: 'FROM «builder»\nFROM golang:1.22 AS builder',
      output: null,
    },
    {
      name: 'latest of an image outside Docker Hub gets no alpine pin',
      code: 'FROM ghcr.io/acme/alpine:«latest»\nRUN true',
      output: null,
    },
    {
      name: 'ARG before FROM whose default is latest',
      code: 'ARG ALPINE_VER=latest\nFROM «alpine:${ALPINE_VER}»\nRUN apk add --no-cache curl',
      output: null,
      messageIncludes: 'resolves to `alpine:latest` with the default build arguments',
    },
    {
      name: 'ARG before FROM whose default is an untagged image',
      code: 'ARG BASE=alpine\nFROM «$BASE»\nRUN apk add --no-cache curl',
      output: null,
      messageIncludes: 'the untagged `alpine`',
    },
    {
      name: 'every stage is checked',
      code: 'FROM «python» AS deps\nRUN pip wheel -r requirements.txt\nFROM alpine:«latest»\nCOPY --from=deps /wheels /wheels',
      output: null,
      suggestions: [{ title: PIN, output: 'FROM python AS deps\nRUN pip wheel -r requirements.txt\nFROM alpine:3.24\nCOPY --from=deps /wheels /wheels' }],
    },
  ],
});

describe('from-require-pinned-tag: the pin suggestion and packages of the newest release', () => {
  const fixTitles = (code: string): string[] => findingsOf(rule, code).flatMap((finding) => finding.fixes.map((fix) => fix.title));
  it('offers no pin when python (py2) is installed', () => {
    assert.deepEqual(fixTitles('FROM alpine\nRUN apk add --no-cache python\n'), []);
  });
  it('offers no pin when php7-* is installed in a child stage', () => {
    assert.deepEqual(fixTitles('FROM alpine:latest AS base\nFROM base\nRUN apk add php7-fpm\n'), []);
  });
  it('offers the pin for python3', () => {
    assert.deepEqual(fixTitles('FROM alpine\nRUN apk add --no-cache python3\n'), [PIN]);
  });
});
