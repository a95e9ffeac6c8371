import rule from '../../../server/src/rules/wget-require-progress';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a.tgz',
    { name: 'quiet spellings', code: 'FROM debian:12\nRUN wget -q https://e.org/a && wget -qO- https://e.org/b && wget -nv https://e.org/c && wget -o /tmp/log https://e.org/d' },
    { name: 'a variable may hold the flag', code: 'FROM debian:12\nRUN wget $WGET_OPTS https://e.org/a' },
  ],
  invalid: [
    {
      name: 'plain wget on Debian',
      code: 'FROM debian:12\nRUN «wget» https://example.com/a.tgz',
      output: 'FROM debian:12\nRUN wget --progress=dot:giga https://example.com/a.tgz',
      messageIncludes: '`wget` without `--progress`',
      severity: 'info',
    },
    {
      name: 'Alpine: BusyBox wget has no --progress, so -q',
      code: 'FROM alpine:3.20\nRUN «wget» -O /tmp/a.tgz https://example.com/a.tgz',
      output: 'FROM alpine:3.20\nRUN wget -q -O /tmp/a.tgz https://example.com/a.tgz',
    },
  ],
});
