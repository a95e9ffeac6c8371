import rule from '../../../server/src/rules/apk-require-pinned-versions';
import { BASE_PACKAGES, staticAlpineData } from '../../support/alpineFixtures';
import { ruleTester } from '../../support/ruleTester';

const alpineData = staticAlpineData({ '3.22': BASE_PACKAGES });

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r1',
    { name: 'every constraint operator (quoted where the shell would see a redirection)', code: 'FROM alpine:3.20\nRUN apk add a=1 b~1.2 c~=1.2 d=~1.2 "e>1" \'f>=1\' "g<2" "h<=2"' },
    { name: 'negated package forbids rather than installs', code: 'FROM alpine:3.20\nRUN apk add --no-cache !libressl openssl=3.3.2-r0' },
    { name: 'local .apk files carry their version', code: 'FROM alpine:3.20\nRUN apk add --allow-untrusted /tmp/glibc-2.35-r1.apk ./local.apk' },
    { name: 'flag values are not packages', code: 'FROM alpine:3.20\nRUN apk add --virtual .build-deps -X https://dl-cdn.alpinelinux.org/alpine/edge/testing --repository=https://example.org/main gcc=13.2.1_git20240309-r0' },
    { name: 'short virtual flag value', code: 'FROM alpine:3.20\nRUN apk add -t .deps gcc=13.2.1_git20240309-r0' },
    { name: 'opaque words are not guessed', code: 'FROM alpine:3.20\nARG PKGS\nRUN apk add --no-cache $PKGS "${EXTRA}" curl=${CURL_VERSION}' },
    { name: 'other subcommands are not checked', code: 'FROM alpine:3.20\nRUN apk del curl && apk info bash && apk upgrade' },
    { name: 'apk inside a string is not a command', code: 'FROM alpine:3.20\nRUN echo "apk add curl"' },
    { name: 'exec form pinned', code: 'FROM alpine:3.20\nRUN ["apk", "add", "--no-cache", "curl=8.9.1-r1"]' },
  ],
  invalid: [
    {
      name: 'with the index of the release: pin the current version, exactly or fuzzily',
      code: 'FROM alpine:3.22\nRUN apk add --no-cache «curl» «"git"» «nosuch»',
      output: null,
      alpineData,
      suggestions: [
        { title: 'Pin `curl` to the current `8.14.1-r2`', output: 'FROM alpine:3.22\nRUN apk add --no-cache curl=8.14.1-r2 "git" nosuch' },
        { title: 'Pin `curl` to `~8.14` (any 8.14 release)', output: 'FROM alpine:3.22\nRUN apk add --no-cache curl~8.14 "git" nosuch' },
        { title: 'Pin `git` to the current `2.49.1-r0`', output: 'FROM alpine:3.22\nRUN apk add --no-cache curl "git=2.49.1-r0" nosuch' },
        { title: 'Pin `git` to `~2.49` (any 2.49 release)', output: 'FROM alpine:3.22\nRUN apk add --no-cache curl "git~2.49" nosuch' },
      ],
    },
    {
      name: 'one unpinned package',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache «curl»',
      output: null,
      messageIncludes: '`curl`',
    },
    {
      name: 'one of several on continuation lines',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    flex=2.6.4-r1 \\\n    «libffi» \\\n    python3=3.12.3-r1',
      output: null,
    },
    {
      name: 'second command of an && chain',
      code: 'FROM alpine:3.20\nRUN apk update && apk add «git» make=4.4.1-r2 «gcc»',
      output: null,
    },
    {
      name: 'flags before the subcommand and a --virtual value',
      code: 'FROM alpine:3.20\nRUN apk --no-cache add --virtual .build-deps «build-base» -X https://example.org/testing «musl-dev»',
      output: null,
    },
    {
      name: 'a repository tag is not a version',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache «tini@community»',
      output: null,
      messageIncludes: '`tini@community`',
    },
    {
      name: 'quoted package names',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache «"bash"» «\'jq\'» "curl>=8"',
      output: null,
    },
    {
      name: 'every stage is checked, non-Alpine ones too',
      code: 'FROM alpine:3.20 AS build\nRUN apk add --no-cache «go»\nFROM debian:12\nRUN apk add --no-cache «curl»',
      output: null,
    },
    {
      name: 'an unquoted `>` is a shell redirection, so the package is unpinned',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache «curl»>=8.0',
      output: null,
      messageIncludes: '`curl`',
    },
    {
      name: 'ONBUILD trigger',
      code: 'FROM alpine:3.20\nONBUILD RUN apk add --no-cache «curl»',
      output: null,
    },
    {
      name: 'heredoc script',
      code: 'FROM alpine:3.20\nRUN <<EOF\nset -e\napk add --no-cache «curl» jq=1.7.1-r0\nEOF\n',
      output: null,
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "--no-cache", «"curl"»]',
      output: null,
    },
    {
      name: 'inside an if',
      code: 'FROM alpine:3.20\nRUN if [ "$DEBUG" = 1 ]; then apk add --no-cache «gdb»; fi',
      output: null,
    },
  ],
});
