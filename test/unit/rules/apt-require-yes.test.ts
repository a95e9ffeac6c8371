import rule from '../../../server/src/rules/apt-require-yes';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y curl',
    { name: 'bundled -yq', code: 'FROM debian:12\nRUN apt-get install -yq curl' },
    { name: '--yes before the subcommand', code: 'FROM debian:12\nRUN apt-get --yes install curl' },
    { name: '--assume-yes', code: 'FROM debian:12\nRUN apt-get --assume-yes install curl' },
    { name: 'quiet level 2 implies -y', code: 'FROM debian:12\nRUN apt-get install -qq curl && apt-get install -q -q a && apt-get install -q=2 b && apt-get install --quiet --quiet c' },
    { name: 'the configuration option', code: 'FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl' },
    { name: 'a variable may hold -y', code: 'FROM debian:12\nRUN apt-get install $APT_FLAGS curl' },
    { name: 'update needs no -y', code: 'FROM debian:12\nRUN apt-get update' },
  ],
  invalid: [
    {
      name: 'plain apt-get install',
      code: 'FROM debian:12\nRUN «apt-get install» curl',
      output: 'FROM debian:12\nRUN apt-get install -y curl',
      messageIncludes: '`apt-get install` without `-y`',
      severity: 'warning',
    },
    {
      name: 'quiet level 1 does not imply -y',
      code: 'FROM debian:12\nRUN apt-get update && «apt-get -q install» curl',
      output: 'FROM debian:12\nRUN apt-get update && apt-get -q install -y curl',
    },
    {
      name: 'exec form',
      code: 'FROM debian:12\nRUN [«"apt-get", "install"», "curl"]',
      output: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]',
    },
  ],
});
