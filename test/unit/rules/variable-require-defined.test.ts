import rule from '../../../server/src/rules/variable-require-defined';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nARG VERSION\nENV APP_VERSION=$VERSION PATH=/opt/bin:$PATH\nWORKDIR /srv/$APP_VERSION',
    { name: 'an image that may set any variable', code: 'FROM node:20-alpine\nWORKDIR $NODE_HOME' },
    { name: 'a default for an unset name', code: 'FROM alpine:3.20\nWORKDIR ${DIR:-/srv}' },
    { name: 'single quotes and escapes do not expand', code: "FROM alpine:3.20\nENV A='$NOPE' B=\\$NOPE" },
    { name: 'RUN and CMD are expanded by the shell, not BuildKit', code: 'FROM alpine:3.20\nRUN echo $HOME\nCMD echo $HOME' },
    { name: 'ENV and ARG of the stage built on', code: 'FROM alpine:3.20 AS base\nARG A\nENV B=1\nFROM base\nCOPY $A$B /x' },
    { name: 'proxy ARGs', code: 'FROM scratch\nLABEL proxy=$HTTP_PROXY' },
  ],
  invalid: [
    {
      name: 'a typo of a defined name',
      code: 'FROM alpine:3.20\nENV APP_HOME=/srv/app\nWORKDIR «$APP_HOM»',
      output: null,
      messageIncludes: 'did you mean `$APP_HOME`',
      suggestions: [{ title: 'Use `APP_HOME`', output: 'FROM alpine:3.20\nENV APP_HOME=/srv/app\nWORKDIR $APP_HOME' }],
    },
    {
      name: 'a platform ARG not declared in the stage',
      code: 'FROM --platform=$BUILDPLATFORM alpine:3.20\nCOPY bin/«${TARGETARCH}»/app /app',
      output: null,
      suggestions: [{ title: 'Declare `ARG TARGETARCH` before this instruction', output: 'FROM --platform=$BUILDPLATFORM alpine:3.20\nARG TARGETARCH\nCOPY bin/${TARGETARCH}/app /app' }],
    },
    { name: 'a name set in the same ENV is not yet set', code: 'FROM debian:12\nENV A=1 B=«$A»', output: null },
    { name: 'a global ARG is not visible inside a stage without ARG', code: 'ARG VERSION=1\nFROM scratch\nLABEL version=«$VERSION»', output: null },
  ],
});
