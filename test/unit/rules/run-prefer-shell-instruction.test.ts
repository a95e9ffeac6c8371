import rule from '../../../server/src/rules/run-prefer-shell-instruction';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM debian:12\nRUN ln -sf /bin/true /sbin/initctl', 'FROM debian:12\nRUN ln -s foo bar && other /bin/sh'],
  invalid: [{ name: 'bash over sh', code: 'FROM debian:12\nRUN ln -sfv /bin/bash «/bin/sh»', output: null, messageIncludes: 'SHELL' }],
});
