import rule from '../../../server/src/rules/shell-require-installed';
import { ruleTester } from '../../support/ruleTester';

const INSTALL = 'Install `bash` with the stage\'s first `apk add`';
const USE_SH = 'Use BusyBox `/bin/sh` (only if the script has no bash-only syntax)';

ruleTester.run(rule, {
  valid: [
    { name: 'bash installed earlier in the stage', code: 'FROM alpine:3.20\nRUN apk add --no-cache bash\nRUN bash -c "echo hi"\nCMD ["/bin/bash"]' },
    { name: 'bash installed earlier in the same RUN', code: 'FROM alpine:3.20\nRUN apk add --no-cache bash && bash ./build.sh' },
    { name: 'CMD: bash installed by any RUN of the stage', code: 'FROM alpine:3.20\nCMD ["bash"]\nRUN apk add --no-cache bash' },
    { name: 'installed in the parent stage', code: 'FROM alpine:3.20 AS base\nRUN apk add --no-cache bash\nFROM base\nENTRYPOINT ["/bin/bash", "-c", "run"]' },
    { name: 'a package list from a variable may hold it', code: 'FROM alpine:3.20\nARG PKGS\nRUN apk add --no-cache $PKGS\nCMD ["bash"]' },
    { name: 'BusyBox sh', code: 'FROM alpine:3.20\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nCMD ["/bin/sh"]' },
    { name: 'Debian ships bash', code: 'FROM debian:12\nCMD ["/bin/bash"]' },
    { name: 'an unknown Alpine-based image may ship bash', code: 'FROM postgres:16-alpine\nCMD ["bash"]' },
    { name: 'the bash image', code: 'FROM bash:5\nCMD ["bash"]' },
    { name: 'a registry other than Docker Hub', code: 'FROM registry.example.com/alpine:3.20\nCMD ["bash"]' },
    { name: 'bash as an argument is not a run of bash', code: 'FROM alpine:3.20\nRUN echo bash && apk add --no-cache curl' },
  ],
  invalid: [
    {
      name: 'CMD in exec form, with an apk add to extend',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nCMD ["«/bin/bash»", "-c", "serve"]',
      output: null,
      severity: 'error',
      messageIncludes: '`bash` is never installed on this Alpine image, so the container fails to start',
      suggestions: [
        { title: INSTALL, output: 'FROM alpine:3.20\nRUN apk add --no-cache curl bash\nCMD ["/bin/bash", "-c", "serve"]' },
        { title: USE_SH, output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nCMD ["/bin/sh", "-c", "serve"]' },
      ],
    },
    {
      name: 'ENTRYPOINT in shell form on python:alpine',
      code: 'FROM python:3.12-alpine\nENTRYPOINT «bash» /entrypoint.sh',
      output: null,
      suggestions: [],
    },
    {
      name: 'RUN bash before the RUN that installs it',
      code: 'FROM node:20-alpine\nRUN apk add --no-cache git\nRUN «bash» ./install.sh\nRUN apk add --no-cache bash',
      output: null,
      messageIncludes: 'so the build stops',
      suggestions: [{ title: INSTALL, output: 'FROM node:20-alpine\nRUN apk add --no-cache git bash\nRUN bash ./install.sh\nRUN apk add --no-cache bash' }],
    },
    {
      name: 'SHELL is reported once, not each later RUN',
      code: 'FROM alpine\nSHELL ["«/bin/bash»", "-o", "pipefail", "-c"]\nRUN echo a | cat\nRUN echo b',
      output: null,
      suggestions: [{ title: USE_SH, output: 'FROM alpine\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN echo a | cat\nRUN echo b' }],
    },
    {
      name: '/usr/bin/env zsh',
      code: 'FROM golang:1.23-alpine\nCMD ["/usr/bin/env", "«zsh»"]',
      output: null,
    },
    {
      name: 'a heredoc script with a bash shebang',
      code: 'FROM alpine:3.20\nRUN <<EOF\n#!/bin/«bash»\nset -euo pipefail\nEOF\n',
      output: null,
    },
    {
      name: 'bash nested in a condition',
      code: 'FROM alpine:3.20\nRUN if [ -f x.sh ]; then «bash» x.sh; fi',
      output: null,
    },
  ],
});
