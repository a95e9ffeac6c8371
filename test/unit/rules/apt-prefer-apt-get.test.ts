import rule from '../../../server/src/rules/apt-prefer-apt-get';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl',
    { name: 'apt-cache and aptitude', code: 'FROM debian:12\nRUN apt-cache policy curl && aptitude search curl' },
    { name: 'the word apt as an argument', code: 'FROM debian:12\nRUN echo apt install' },
  ],
  invalid: [
    {
      name: 'apt install',
      code: 'FROM ubuntu:24.04\nRUN «apt» update && «apt» install -y curl',
      output: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl',
      messageIncludes: '`apt-get` or `apt-cache`',
      severity: 'warning',
    },
    {
      name: 'apt search becomes apt-cache',
      code: 'FROM debian:12\nRUN «apt» search curl',
      output: 'FROM debian:12\nRUN apt-cache search curl',
    },
    {
      name: 'apt upgrade: a suggestion, since apt-get upgrade installs no new packages',
      code: 'FROM debian:12\nRUN «apt» upgrade -y',
      output: null,
      suggestions: [{ title: 'Use `apt-get` (its `upgrade` installs no new packages)', output: 'FROM debian:12\nRUN apt-get upgrade -y' }],
    },
    {
      name: 'apt list has no apt-get counterpart',
      code: 'FROM debian:12\nRUN «apt» list --installed',
      output: null,
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN [«"apt"», "install", "-y", "curl"]',
      output: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]',
    },
  ],
});
