import rule from '../../../server/src/rules/label-value-match-schema';
import type { LabelType } from '../../../server/src/rules/rule';
import { ruleTester } from '../../support/ruleTester';

const options = {
  labelSchema: { text: 'text', url: 'url', date: 'rfc3339', license: 'spdx', commit: 'hash', version: 'semver', owner: 'email' } as Record<string, LabelType>,
};

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nLABEL url=x',
    {
      code: 'FROM alpine:3.20\nLABEL text=x url=https://example.com date=2021-03-10T10:26:33.5+01:00 license="MIT OR (Apache-2.0 WITH LLVM-exception)" commit=2dbfae9 version=2.0.1-rc1 owner=a@example.com',
      options,
    },
    { code: 'FROM alpine:3.20\nLABEL date=$BUILD_DATE', options },
  ],
  invalid: [
    { name: 'empty', code: 'FROM alpine:3.20\nLABEL text=«""»', output: null, options, messageIncludes: 'empty' },
    { name: 'not a URL', code: 'FROM alpine:3.20\nLABEL url=«not-url»', output: null, options, messageIncludes: 'URL' },
    { name: 'not a date', code: 'FROM alpine:3.20\nLABEL date=«2021-02-30T10:00:00Z»', output: null, options },
    { name: 'not SPDX', code: 'FROM alpine:3.20\nLABEL license=«"Apache 2"»', output: null, options },
    { name: 'not a hash', code: 'FROM alpine:3.20\nLABEL commit=«main»', output: null, options },
    { name: 'not semver', code: 'FROM alpine:3.20\nLABEL version=«v1.0»', output: null, options },
    { name: 'not an e-mail', code: 'FROM alpine:3.20\nLABEL owner=«jane»', output: null, options },
  ],
});
