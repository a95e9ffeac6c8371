import rule from '../../../server/src/rules/apk-no-broken-constraint';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    { name: 'quoted constraints', code: 'FROM alpine:3.20\nRUN apk add --no-cache "curl>=8.0" \'jq<2\' bash~5.2' },
    { name: 'exec form has no shell', code: 'FROM alpine:3.20\nRUN ["apk", "add", "curl>=8.0"]' },
    { name: 'a full pin with revision', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2 postgresql14-client~14.19' },
    { name: 'a redirection after a space is a real one', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl > /tmp/apk.log' },
    { name: 'a fuzzy pin into edge', code: 'FROM alpine:3.20\nRUN apk add --no-cache nodejs@edge~20' },
    { name: 'apk del is not a constraint', code: 'FROM alpine:3.20\nRUN apk del curl>/dev/null' },
    { name: 'a pin from a release repository', code: 'FROM alpine:3.20\nRUN apk add -X https://dl-cdn.alpinelinux.org/alpine/v3.20/community nodejs=20.15.1-r0' },
  ],
  invalid: [
    {
      name: 'unquoted >= is an output redirection',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache «curl>=8.0» jq',
      output: null,
      messageIncludes: '`curl>=8.0` is not quoted, so the shell reads `>=8.0` as a redirection: apk installs any `curl` and its output goes to a file named `=8.0`.',
      suggestions: [{ title: 'Quote `curl>=8.0`', output: 'FROM alpine:3.20\nRUN apk add --no-cache \'curl>=8.0\' jq' }],
    },
    {
      name: 'unquoted < reads a file',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache «python3<3.13» && python3 --version',
      output: null,
      messageIncludes: 'so the shell reads `<3.13` as a redirection from a file named `3.13` (the RUN fails unless it exists).',
      suggestions: [{ title: 'Quote `python3<3.13`', output: 'FROM alpine:3.20\nRUN apk add --no-cache \'python3<3.13\' && python3 --version' }],
    },
    {
      name: 'in a heredoc script too',
      code: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache «openssl>3»\nEOF\n',
      output: null,
      suggestions: [{ title: 'Quote `openssl>3`', output: 'FROM alpine:3.20\nRUN <<EOF\napk add --no-cache \'openssl>3\'\nEOF\n' }],
    },
    {
      name: '= without a revision matches nothing',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache postgresql14-client«=14.19» bash',
      output: null,
      messageIncludes: "apk's `=` matches the exact version, and every Alpine package version ends in a revision (`-r0`), so `=14.19` matches no `postgresql14-client`; `~14.19` takes any 14.19 build.",
      suggestions: [{ title: 'Use `~14.19` (any 14.19 build)', output: 'FROM alpine:3.20\nRUN apk add --no-cache postgresql14-client~14.19 bash' }],
    },
    {
      name: 'quoted = without a revision keeps its quotes',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache "nodejs«=20.15.1»"',
      output: null,
      suggestions: [{ title: 'Use `~20.15.1` (any 20.15.1 build)', output: 'FROM alpine:3.20\nRUN apk add --no-cache "nodejs~20.15.1"' }],
    },
    {
      name: 'an exact pin into @edge',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache nodejs@edge«=22.11.0-r0»',
      output: null,
      messageIncludes: '`=22.11.0-r0` pins an exact build from the `@edge` repository, which replaces its packages without notice, so the pin stops matching once `nodejs` is rebuilt there.',
    },
    {
      name: 'an exact pin through an edge --repository',
      code: 'FROM alpine:3.20\nRUN apk add -X https://dl-cdn.alpinelinux.org/alpine/edge/testing --no-cache hugo«=0.139.0-r0»',
      output: null,
      messageIncludes: 'from `https://dl-cdn.alpinelinux.org/alpine/edge/testing`',
    },
  ],
});
