import rule from '../../../server/src/rules/from-arg-require-valid-default';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['ARG TAG=3.20\nFROM alpine:$TAG', 'ARG BASE=alpine:3.20\nFROM ${BASE}', 'FROM alpine:${TAG:-3.20}', 'FROM golang:1.22-$TARGETARCH'],
  invalid: [
    { name: 'tag without a default', code: 'ARG TAG\nFROM «alpine:${TAG}»', output: null, messageIncludes: '`alpine:`' },
    { name: 'image without a default', code: 'ARG BASE\nFROM «$BASE» AS app', output: null, messageIncludes: 'empty' },
    { name: 'upper-case repository', code: 'ARG NAME=Alpine\nFROM «$NAME»', output: null },
  ],
});
