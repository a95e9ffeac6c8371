import rule from '../../../server/src/rules/from-arg-require-declared';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'ARG VERSION=3.20\nFROM alpine:${VERSION}',
    'ARG BASE\nFROM $BASE',
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
    { name: 'a default says what happens when unset', code: 'FROM alpine:${VERSION:-3.20}' },
  ],
  invalid: [
    {
      name: 'a typo of a declared ARG',
      code: 'ARG ALPINE_VERSION=3.20\nFROM alpine:«$ALPINE_VERSON»',
      output: null,
      messageIncludes: 'did you mean `ALPINE_VERSION`',
      suggestions: [{ title: 'Use `ALPINE_VERSION`', output: 'ARG ALPINE_VERSION=3.20\nFROM alpine:$ALPINE_VERSION' }],
    },
    { name: 'declared only inside a stage', code: 'FROM alpine:3.20\nARG TAG=1\nFROM node:«${TAG}»', output: null },
    { name: 'platform flag', code: 'FROM --platform=«$PLATFORM» alpine:3.20', output: null },
  ],
});
