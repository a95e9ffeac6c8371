import rule from '../../../server/src/rules/workdir-require-absolute';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nWORKDIR /app\nWORKDIR src',
    { name: 'set in the stage built on', code: 'FROM alpine:3.20 AS base\nWORKDIR /app\nFROM base\nWORKDIR src' },
    { name: 'unknown variable', code: 'FROM alpine:3.20\nWORKDIR $HOME/app' },
    { name: 'windows drive', code: 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nWORKDIR C:\\app' },
    { name: 'variable with an absolute value', code: 'FROM alpine:3.20\nARG DIR=/srv\nWORKDIR $DIR' },
  ],
  invalid: [
    { name: 'relative', code: 'FROM alpine:3.20\nWORKDIR «app»\nWORKDIR more', output: null, suggestions: [{ title: 'Make it `/app`', output: 'FROM alpine:3.20\nWORKDIR /app\nWORKDIR more' }] },
    { name: 'quoted relative path', code: 'FROM alpine:3.20\nWORKDIR «"relative/dir"»', output: null },
    { name: 'variable with a relative value', code: 'FROM alpine:3.20\nENV DIR=srv\nWORKDIR «$DIR»', output: null },
  ],
});
