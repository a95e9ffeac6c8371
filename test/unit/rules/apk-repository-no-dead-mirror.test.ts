import rule from '../../../server/src/rules/apk-repository-no-dead-mirror';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing foo',
    { name: 'a dead host that is not used as a repository', code: 'FROM alpine:3.20\nRUN echo "see http://nl.alpinelinux.org"' },
  ],
  invalid: [
    {
      name: 'hadolint\'s DL3018 case: --repository on nl.alpinelinux.org',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n--repository https://«nl.alpinelinux.org»/alpine/edge/testing \\\nflow=0.78.0-r0\n',
      output: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n--repository https://dl-cdn.alpinelinux.org/alpine/edge/testing \\\nflow=0.78.0-r0\n',
      messageIncludes: '`nl.alpinelinux.org` no longer serves Alpine (reported gone 2022-10-25), so fetching from it fails; use `dl-cdn.alpinelinux.org`.',
    },
    {
      name: 'written to the repositories file, several hosts',
      code: 'FROM alpine:3.6\nRUN printf "http://«dl-1.alpinelinux.org»/alpine/v3.6/main\\nhttp://«dl-4.alpinelinux.org»/alpine/v3.6/main" > /etc/apk/repositories',
      output: 'FROM alpine:3.6\nRUN printf "http://dl-cdn.alpinelinux.org/alpine/v3.6/main\\nhttp://dl-cdn.alpinelinux.org/alpine/v3.6/main" > /etc/apk/repositories',
    },
    {
      name: 'exec form',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "--repository=https://«NL.alpinelinux.org»/alpine/edge/testing", "foo"]',
      output: 'FROM alpine:3.20\nRUN ["apk", "add", "--repository=https://dl-cdn.alpinelinux.org/alpine/edge/testing", "foo"]',
    },
  ],
});
