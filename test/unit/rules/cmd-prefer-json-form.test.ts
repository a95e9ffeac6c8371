import rule from '../../../server/src/rules/cmd-prefer-json-form';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nCMD ["a", "b"]',
    'FROM alpine:3.20\nHEALTHCHECK CMD ["a"]',
    'FROM alpine:3.20\nHEALTHCHECK NONE',
    // As BuildKit: once SHELL changed the shell, shell form runs under it (no report); hadolint's DL3025 reports these.
    { name: 'SHELL earlier in the stage', code: 'FROM mcr.microsoft.com/powershell:lts-alpine-3.20\nSHELL ["pwsh", "-Command"]\nCMD Start-Service app' },
    { name: 'SHELL in the stage this one builds on', code: 'FROM alpine:3.20 AS base\nSHELL ["/bin/bash", "-c"]\nFROM base\nENTRYPOINT exec app' },
  ],
  invalid: [
    {
      name: 'plain CMD',
      code: 'FROM node:20-alpine\nCMD «node server.js»',
      output: null,
      suggestions: [{ title: 'Write as ["node", "server.js"]', output: 'FROM node:20-alpine\nCMD ["node", "server.js"]' }],
    },
    {
      name: 'SHELL after the CMD does not count',
      code: 'FROM alpine:3.20\nCMD «app serve»\nSHELL ["/bin/ash", "-c"]',
      output: null,
      suggestions: [{ title: 'Write as ["app", "serve"]', output: 'FROM alpine:3.20\nCMD ["app", "serve"]\nSHELL ["/bin/ash", "-c"]' }],
    },
    {
      name: 'SHELL in an unrelated earlier stage does not count',
      code: 'FROM alpine:3.20 AS tools\nSHELL ["/bin/ash", "-c"]\nFROM alpine:3.20\nCMD «app»',
      output: null,
      suggestions: [{ title: 'Write as ["app"]', output: 'FROM alpine:3.20 AS tools\nSHELL ["/bin/ash", "-c"]\nFROM alpine:3.20\nCMD ["app"]' }],
    },
    {
      name: 'an ONBUILD SHELL trigger does not change this image\'s shell',
      code: 'FROM alpine:3.20\nONBUILD SHELL ["/bin/ash", "-c"]\nCMD «app»',
      output: null,
      suggestions: [{ title: 'Write as ["app"]', output: 'FROM alpine:3.20\nONBUILD SHELL ["/bin/ash", "-c"]\nCMD ["app"]' }],
    },
    { name: 'ENTRYPOINT with shell syntax: no fix', code: 'FROM alpine:3.20\nENTRYPOINT «exec app "$@"»', output: null },
    {
      name: 'HEALTHCHECK CMD',
      code: 'FROM alpine:3.20\nHEALTHCHECK --interval=5s CMD «wget -q http://localhost/»',
      output: null,
      suggestions: [{ title: 'Write as ["wget", "-q", "http://localhost/"]', output: 'FROM alpine:3.20\nHEALTHCHECK --interval=5s CMD ["wget", "-q", "http://localhost/"]' }],
    },
  ],
});
