import rule from '../../../server/src/rules/secrets-no-arg-or-env';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20\nARG VERSION\nENV KEYRING=/k PUBLIC_KEY=x TOKENIZER=y GPG_KEYS=z GPG_KEY=abc'],
  invalid: [
    { name: 'ARG and ENV names with secret words', code: 'ARG «GITHUB_TOKEN»\nFROM alpine:3.20\nENV «DB_PASSWORD»=x A=1 «aws_secret_access_key»=y\nARG «Auth»', output: null },
  ],
});
