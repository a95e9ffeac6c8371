import rule from '../../../server/src/rules/apt-require-pinned-versions';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y python3=3.11.2-1',
    { name: 'target release value is not a package', code: 'FROM debian:12\nRUN apt-get install -t bookworm-backports -y curl=8.5.0-1' },
    { name: 'release suffix and .deb file', code: 'FROM debian:12\nRUN apt-get install -y curl/bookworm-backports ./tool_1.0_amd64.deb' },
    { name: 'a variable may hold a pin', code: 'FROM debian:12\nRUN apt-get install -y "curl=$CURL_VERSION" $PACKAGES' },
    { name: 'other subcommands', code: 'FROM debian:12\nRUN apt-get update && apt-get remove -y curl' },
    { name: 'apt (another rule) and aptitude', code: 'FROM debian:12\nRUN apt install curl && aptitude install curl' },
  ],
  invalid: [
    {
      name: 'one unpinned package among pinned ones',
      code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends git=1:2.39.2-1 «curl»',
      output: null,
      messageIncludes: '`curl` is installed without a version',
      severity: 'warning',
    },
    {
      name: 'options before the subcommand, packages on continuation lines',
      code: 'FROM debian:12\nRUN apt-get -qq update && apt-get -o Dpkg::Use-Pty=0 install -y \\\n    «curl» \\\n    «ca-certificates»',
      output: null,
    },
  ],
});
