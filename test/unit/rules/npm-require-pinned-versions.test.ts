import rule from '../../../server/src/rules/npm-require-pinned-versions';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM node:20\nRUN npm install express@4.19.2',
    { name: 'package.json install', code: 'FROM node:20\nRUN npm install --omit dev && npm ci' },
    { name: 'scope, git commit, tarball, folder', code: 'FROM node:20\nRUN npm i -g @angular/cli@17.3.0 git+https://github.com/npm/cli.git#v10.5.0 ./pkg.tgz ../lib' },
    { name: 'option values are not packages', code: 'FROM node:20\nRUN npm install --registry https://registry.example.com sax@1.3.0' },
    { name: 'a template placeholder is no install', code: 'FROM node:20\nRUN npm install [ your npm dependencies here ]' },
    { name: 'npm run install', code: 'FROM node:20\nRUN npm run --silent install' },
    { name: 'a variable may hold the version', code: 'FROM node:20\nRUN npm install -g "npm@$NPM_VERSION"' },
  ],
  invalid: [
    {
      name: 'unpinned packages',
      code: 'FROM node:20\nRUN npm install -g «pm2» && npm i «@scope/tool» sax@1.3.0',
      output: null,
      messageIncludes: '@<version>',
      severity: 'warning',
    },
    { name: 'git without a commit', code: 'FROM node:20\nRUN npm install «git+https://github.com/npm/cli.git»', output: null },
  ],
});
