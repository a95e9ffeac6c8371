import rule from '../../../server/src/rules/apk-repository-require-https';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache -X https://dl-cdn.alpinelinux.org/alpine/edge/testing foo',
    { name: 'an http URL that is not a repository', code: 'FROM alpine:3.20\nRUN wget http://example.com/file' },
    { name: 'an http URL echoed elsewhere', code: 'FROM alpine:3.20\nRUN echo "http://dl-cdn.alpinelinux.org/alpine/v3.20/main" > /tmp/list' },
  ],
  invalid: [
    {
      name: 'the CDN on a release whose image uses https: safe',
      code: 'FROM alpine:3.20\nRUN echo "@edge «http»://dl-cdn.alpinelinux.org/alpine/edge/main" >> /etc/apk/repositories',
      output: 'FROM alpine:3.20\nRUN echo "@edge https://dl-cdn.alpinelinux.org/alpine/edge/main" >> /etc/apk/repositories',
      messageIncludes: '`http://dl-cdn.alpinelinux.org/alpine/edge/main` is fetched over plain HTTP',
    },
    {
      name: 'an old release: suggestion',
      code: 'FROM alpine:3.8\nRUN apk add --no-cache --repository «http»://dl-cdn.alpinelinux.org/alpine/v3.8/community foo',
      output: null,
      suggestions: [{ title: 'Use `https://`', output: 'FROM alpine:3.8\nRUN apk add --no-cache --repository https://dl-cdn.alpinelinux.org/alpine/v3.8/community foo' }],
    },
    {
      name: 'another mirror: suggestion',
      code: 'FROM alpine:3.20\nRUN echo "«http»://mirrors.example.org/alpine/v3.20/main" > /etc/apk/repositories',
      output: null,
      suggestions: [{ title: 'Use `https://`', output: 'FROM alpine:3.20\nRUN echo "https://mirrors.example.org/alpine/v3.20/main" > /etc/apk/repositories' }],
    },
  ],
});
