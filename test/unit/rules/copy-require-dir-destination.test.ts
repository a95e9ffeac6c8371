import rule from '../../../server/src/rules/copy-require-dir-destination';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20\nCOPY a b', 'FROM alpine:3.20\nCOPY a b c/', 'FROM alpine:3.20\nCOPY a b "c/"'],
  invalid: [
    { name: 'plain', code: 'FROM alpine:3.20\nCOPY a b «c»', output: 'FROM alpine:3.20\nCOPY a b c/' },
    { name: 'quoted', code: 'FROM alpine:3.20\nCOPY a b «"c"»', output: 'FROM alpine:3.20\nCOPY a b "c/"' },
    { name: 'exec form', code: 'FROM alpine:3.20\nCOPY ["a", "b", «"/c"»]', output: 'FROM alpine:3.20\nCOPY ["a", "b", "/c/"]' },
  ],
});
