import rule from '../../../server/src/rules/apt-prefer-no-install-recommends';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl',
    { name: 'the configuration option', code: 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y curl' },
    { name: 'apt.conf written earlier', code: 'FROM debian:12\nRUN echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y curl' },
    { name: 'explicit --install-recommends is a choice', code: 'FROM debian:12\nRUN apt-get install -y --install-recommends curl' },
    { name: 'a variable may hold the flag', code: 'FROM debian:12\nRUN apt-get install -y $APT_OPTS curl' },
  ],
  invalid: [
    {
      name: 'plain apt-get install',
      code: 'FROM debian:12\nRUN «apt-get -y install» curl',
      output: null,
      suggestions: [{ title: 'Add `--no-install-recommends` to `apt-get install`', output: 'FROM debian:12\nRUN apt-get -y install --no-install-recommends curl' }],
      messageIncludes: 'recommend',
      severity: 'info',
    },
    {
      name: 'apt.conf written after the install does not count',
      code: 'FROM debian:12\nRUN «apt-get install» -y curl && echo \'APT::Install-Recommends "0";\' > /etc/apt/apt.conf.d/99norecommends',
      output: null,
    },
  ],
});
