import rule from '../../../server/src/rules/yarn-require-cache-clean';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean',
    { name: 'cache mount', code: 'FROM node:20\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install' },
    { name: 'cache removed', code: 'FROM node:20\nRUN yarn && rm -rf /usr/local/share/.cache/yarn' },
    { name: 'build stage only copied from', code: 'FROM node:20 AS build\nRUN yarn install && yarn build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html' },
    { name: 'yarn --version prints and exits', code: 'FROM node:20\nRUN yarn --version && yarn -v' },
    { name: 'yarn run is no install', code: 'FROM node:20\nRUN yarn build' },
  ],
  invalid: [
    {
      name: 'yarn install without clean',
      code: 'FROM node:20\nRUN «yarn install» --frozen-lockfile',
      output: 'FROM node:20\nRUN yarn install --frozen-lockfile && yarn cache clean',
      messageIncludes: '`yarn cache clean`',
      severity: 'info',
    },
    {
      name: 'bare yarn, clean before it',
      code: 'FROM node:20\nRUN yarn cache clean && «yarn» --production',
      output: 'FROM node:20\nRUN yarn cache clean && yarn --production && yarn cache clean',
    },
    {
      name: 'yarn global add',
      code: 'FROM node:20\nRUN «yarn global» add pm2@5.3.1',
      output: 'FROM node:20\nRUN yarn global add pm2@5.3.1 && yarn cache clean',
    },
  ],
});
