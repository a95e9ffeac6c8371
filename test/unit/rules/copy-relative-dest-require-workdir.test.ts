import rule from '../../../server/src/rules/copy-relative-dest-require-workdir';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nCOPY a /usr/local/bin/a',
    'FROM alpine:3.20\nWORKDIR /app\nCOPY a b',
    'FROM alpine:3.20 AS base\nWORKDIR /app\nFROM base\nCOPY a b',
    'FROM alpine:3.20\nCOPY a $DEST',
    'FROM alpine:3.20\nONBUILD WORKDIR /app\nONBUILD COPY a b',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a c:\\app\\a',
  ],
  invalid: [
    { name: 'no WORKDIR', code: 'FROM alpine:3.20\nCOPY a «b»', output: null, messageIncludes: '`b`' },
    { name: 'WORKDIR of an unrelated stage', code: 'FROM alpine:3.20 AS one\nWORKDIR /app\nFROM alpine:3.20\nCOPY . «"."»', output: null },
  ],
});
