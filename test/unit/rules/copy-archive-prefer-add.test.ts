import rule from '../../../server/src/rules/copy-archive-prefer-add';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nCOPY app.tar /src/',
    'FROM alpine:3.20\nCOPY package.json /src/\nRUN tar -xf x.tar',
    'FROM alpine:3.20\nCOPY --from=build /a.tar /a.tar\nRUN tar -xf /a.tar',
  ],
  invalid: [
    { name: 'copied then extracted', code: 'FROM alpine:3.20\nCOPY «app.tar» /src\nRUN tar -xf /src/app.tar', output: null, messageIncludes: '`app.tar`' },
    { name: 'destination names the archive', code: 'FROM alpine:3.20\nCOPY x/app.tgz «/app.tgz»\nRUN cd / && gunzip app.tgz', output: null },
  ],
});
