import rule from '../../../server/src/rules/copy-no-ignored-file';
import { ruleTester } from '../../support/ruleTester';

const IGNORE = '# build output\nnode_modules\n*.log\ndist/\n**/secret.txt\ndocs\n!docs/README.md\n';

ruleTester.run(rule, {
  valid: [
    { name: 'no .dockerignore known', code: 'FROM alpine:3.20\nCOPY node_modules /x' },
    { name: 'files not excluded, the whole context, wildcards, other stages', code: 'FROM alpine:3.20 AS b\nCOPY . /app\nCOPY src /src\nCOPY *.log /logs/\nCOPY --from=b /node_modules /x\nCOPY $DIR /d', dockerignore: IGNORE },
    { name: 'a directory with a re-included file inside', code: 'FROM alpine:3.20\nCOPY docs /docs', dockerignore: IGNORE },
    { name: 'an exception re-includes', code: 'FROM alpine:3.20\nCOPY app.log /x', dockerignore: '*.log\n!app.log\n' },
  ],
  invalid: [
    {
      name: 'excluded paths, their children, and ** patterns',
      code: 'FROM alpine:3.20\nCOPY «node_modules» /app/node_modules\nCOPY «./dist/app.js» /app/\nADD «error.log» «config/secret.txt» /etc/\nCOPY package.json /app/',
      dockerignore: IGNORE,
      output: null,
      messageIncludes: 'excluded by the .dockerignore',
    },
  ],
});
