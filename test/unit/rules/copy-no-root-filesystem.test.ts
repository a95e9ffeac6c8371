import rule from '../../../server/src/rules/copy-no-root-filesystem';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20\nCOPY / /', 'FROM alpine:3.20\nCOPY --from=build /app /', 'FROM alpine:3.20\nCOPY --from=build / /app'],
  invalid: [
    { name: 'root onto root', code: 'FROM alpine:3.20\nCOPY --from=build «/» /', output: null },
    { name: 'quoted', code: 'FROM alpine:3.20\nCOPY --from=build «"/"» "/"', output: null },
  ],
});
