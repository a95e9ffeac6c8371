import rule from '../../../server/src/rules/gem-require-pinned-versions';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM ruby:3.3\nRUN gem install bundler:2.5.6',
    { name: '-v pins the command', code: "FROM ruby:3.3\nRUN gem install bundler -v '2.5.6'" },
    { name: 'build flags after --', code: 'FROM ruby:3.3\nRUN gem install nokogiri:1.16.2 -- --use-system-libraries true' },
    { name: 'option values and .gem files', code: 'FROM ruby:3.3\nRUN gem install --install-dir /gems ./local-1.0.gem rake:13.1.0' },
  ],
  invalid: [
    {
      name: 'unpinned gems',
      code: 'FROM ruby:3.3\nRUN gem i bundler:2 «nokogiri» && gem install --no-document «rails»',
      output: null,
      messageIncludes: ':<version>',
      severity: 'warning',
    },
  ],
});
