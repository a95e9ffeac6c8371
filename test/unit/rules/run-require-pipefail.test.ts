import rule from '../../../server/src/rules/run-require-pipefail';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nRUN a && b',
    { name: 'echo into a checksum', code: 'FROM alpine:3.20\nRUN echo "$SHA *x.tgz" | sha256sum -c -' },
    'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN a | b',
    { name: 'Alpine sh is BusyBox ash', code: 'FROM alpine:3.20\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN a | b' },
    { name: 'inherited SHELL', code: 'FROM debian:12 AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN a | b' },
    { name: 'set in the RUN', code: 'FROM alpine:3.20\nRUN set -eo pipefail && a | b' },
    'FROM debian:12\nSHELL ["pwsh", "-c"]\nRUN a | b',
  ],
  invalid: [
    {
      name: 'Alpine',
      code: 'FROM alpine:3.20\nRUN «wget -qO- https://x | tar xz»\n',
      output: null,
      suggestions: [{ title: 'Add `SHELL ["/bin/ash", "-eo", "pipefail", "-c"]`', output: 'FROM alpine:3.20\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN wget -qO- https://x | tar xz\n' }],
    },
    {
      name: 'Debian',
      code: 'FROM debian:12\nRUN apt-get update && «curl -s x | sh»',
      output: null,
      suggestions: [{ title: 'Add `SHELL ["/bin/bash", "-eo", "pipefail", "-c"]`', output: 'FROM debian:12\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN apt-get update && curl -s x | sh' }],
    },
    { name: 'the pipe after an echo pipe', code: 'FROM alpine:3.20\nRUN echo x | sha256sum -c - && «curl -s y | sh»', output: null, skipSuppressionVariant: false },
    { name: 'plain sh outside Alpine', code: 'FROM scratch\nSHELL ["/bin/sh", "-o", "pipefail", "-c"]\nRUN «a | b»', output: null },
  ],
});
