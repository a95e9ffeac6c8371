import rule from '../../../server/src/rules/label-require-valid-key';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20\nLABEL org.opencontainers.image.title=x maintainer=y', 'FROM alpine:3.20\nLABEL org.valid-key.label3="foo"'],
  invalid: [
    { name: 'upper case', code: 'FROM alpine:3.20\nLABEL «Maintainer»=jane', output: null, messageIncludes: 'lower-case' },
    { name: 'reserved namespace', code: 'FROM alpine:3.20\nLABEL «com.docker.x»=1', output: null, messageIncludes: 'reserved' },
    { name: 'two separators', code: 'FROM alpine:3.20\nLABEL a=1 «b..c»=2', output: null },
  ],
});
