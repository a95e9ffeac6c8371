import rule from '../../../server/src/rules/alpine-no-cross-release-copy';
import { ruleTester } from '../../support/ruleTester';

const OPENSSL = (built: string, runs: string): string =>
  `Stage \`build\` is Alpine ${built} (OpenSSL 1.1, \`openssl-dev\` installed) and this stage is Alpine ${runs} (OpenSSL 3): programs linked there against \`libssl.so.1.1\` do not find it here, where \`libssl.so.3\` is installed; build both stages on the same Alpine release.`;

ruleTester.run(rule, {
  valid: [
    { name: 'same release', code: 'FROM alpine:3.16 AS build\nRUN apk add openssl-dev build-base\nFROM alpine:3.16.2\nCOPY --from=build /app /app' },
    { name: 'both sides of 3.17, nothing linking OpenSSL built', code: 'FROM alpine:3.16 AS build\nRUN apk add git\nFROM alpine:3.18\nCOPY --from=build /src /src' },
    { name: 'releases on the same side of every change', code: 'FROM alpine:3.17 AS build\nRUN apk add openssl-dev build-base\nFROM alpine:3.20\nCOPY --from=build /app /app' },
    { name: 'older musl into newer musl keeps working', code: 'FROM alpine:3.12 AS build\nRUN apk add build-base\nFROM alpine:3.14\nCOPY --from=build /app /app' },
    { name: 'unknown release of the building stage', code: 'FROM python:3.11-alpine AS build\nRUN apk add openssl-dev\nFROM alpine:3.18\nCOPY --from=build /app /app' },
    { name: 'alpine:latest is not a known release', code: 'FROM alpine:3.16 AS build\nRUN apk add openssl-dev\nFROM alpine:latest\nCOPY --from=build /app /app' },
    { name: 'runtime installs the OpenSSL 1.1 compatibility package', code: 'FROM alpine:3.16 AS build\nRUN apk add openssl-dev\nFROM alpine:3.17\nRUN apk add --no-cache openssl1.1-compat\nCOPY --from=build /app /app' },
    { name: 'copy from a Debian stage', code: 'FROM debian:bookworm AS build\nRUN apt-get install -y libssl-dev\nFROM alpine:3.18\nCOPY --from=build /app /app' },
    { name: 'copy from an image, not a stage', code: 'FROM alpine:3.18\nCOPY --from=alpine:3.16 /etc/os-release /tmp/' },
  ],
  invalid: [
    {
      name: 'OpenSSL 1.1 build copied into an OpenSSL 3 release',
      code: 'FROM alpine:3.16 AS build\nRUN apk add --no-cache build-base openssl-dev && make\nFROM alpine:3.18\nCOPY --from=«build» /src/app /usr/local/bin/app',
      output: null,
      messageIncludes: OPENSSL('3.16', '3.18'),
    },
    {
      name: 'release from a language image tag, through a global ARG',
      code: 'ARG PY=3.11-alpine3.16\nFROM python:${PY} AS build\nRUN apk add openssl-dev && pip wheel -w /w cryptography\nFROM python:3.11-alpine3.19\nCOPY --from=«build» /w /w',
      output: null,
      messageIncludes: OPENSSL('3.16', '3.19'),
    },
    {
      name: 'stage inheritance: the installing stage is the parent',
      code: 'FROM alpine:3.16 AS deps\nRUN apk add openssl-dev\nFROM deps AS build\nRUN make\nFROM alpine:3.17\nCOPY --from=«build» /app /app',
      output: null,
      messageIncludes: 'Stage `build` is Alpine 3.16 (OpenSSL 1.1, `openssl-dev` installed) and this stage is Alpine 3.17 (OpenSSL 3)',
    },
    {
      name: 'OpenSSL 3 build copied into an older release',
      code: 'FROM alpine:3.18 AS build\nRUN apk add openssl-dev\nFROM alpine:3.15\nCOPY --from=«build» /app /app',
      output: null,
      messageIncludes: 'programs linked there against `libssl.so.3` do not find it here, where `libssl.so.1.1` is installed',
    },
    {
      name: 'musl 1.2 build copied into a musl 1.1 release, by stage index',
      code: 'FROM alpine:3.14\nRUN apk add build-base && make\nFROM alpine:3.12\nCOPY --from=«0» /app /app',
      output: null,
      messageIncludes: 'Stage `0` is Alpine 3.14 (musl 1.2, `build-base` installed) and this stage is Alpine 3.12 (musl 1.1): programs built against musl 1.2 may need symbols musl 1.1 lacks and then fail with `Error relocating`; build both stages on the same Alpine release.',
    },
    {
      name: 'both changes at once',
      code: 'FROM alpine:3.18 AS build\nRUN apk add build-base openssl-dev\nFROM alpine:3.12\nCOPY --from=«build» /app /app',
      output: null,
      messageIncludes: 'Stage `build` is Alpine 3.18 (musl 1.2, `build-base` installed; OpenSSL 3, `openssl-dev` installed) and this stage is Alpine 3.12 (musl 1.1, OpenSSL 1.1): programs built against musl 1.2 may need symbols musl 1.1 lacks and then fail with `Error relocating`; programs linked there against `libssl.so.3` do not find it here, where `libssl.so.1.1` is installed; build both stages on the same Alpine release.',
    },
  ],
});
