import rule from '../../../server/src/rules/from-platform-no-constant';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM --platform=$BUILDPLATFORM golang:1.22 AS build',
    'ARG P=linux/amd64\nFROM --platform=$P alpine:3.20',
    { name: 'the stage name says the platform', code: 'FROM --platform=linux/arm64 alpine:3.20 AS build-arm64' },
  ],
  invalid: [
    { name: 'constant', code: 'FROM «--platform=linux/amd64» alpine:3.20', output: null, messageIncludes: '`linux/amd64`' },
    { name: 'constant, unrelated stage name', code: 'FROM «--platform=linux» debian:12 AS app', output: null },
  ],
});
