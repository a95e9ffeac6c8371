import rule from '../../../server/src/rules/curl-wget-prefer-one';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM debian:12\nRUN curl -fsSLO https://e.org/a && curl -fsSLO https://e.org/b',
    { name: 'different stages', code: 'FROM debian:12 AS a\nRUN wget https://e.org/a\nFROM debian:12\nRUN curl -fsSLO https://e.org/b' },
  ],
  invalid: [
    {
      name: 'every use once both were seen',
      code: 'FROM debian:12\nRUN wget https://e.org/a\nRUN «curl» -O https://e.org/b\nRUN echo\nRUN «wget» https://e.org/c',
      output: null,
      messageIncludes: 'also uses',
      severity: 'warning',
    },
    { name: 'same RUN', code: 'FROM debian:12\nRUN curl -fsSL https://e.org/a | sh && «wget» https://e.org/b', output: null },
  ],
});
