import rule from '../../../server/src/rules/env-no-self-reference';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nENV A=1\nENV B=$A',
    'FROM alpine:3.20\nENV PATH=/x:$PATH',
    'FROM alpine:3.20\nENV A=1 B=${AB}/x C=$AB',
    'FROM alpine:3.20\nARG A\nENV A=1 B=$A',
    "FROM alpine:3.20\nENV A=1 B='$A'",
  ],
  invalid: [
    { name: 'braces', code: 'FROM alpine:3.20\nENV APP=/opt BIN="«${APP}»/bin"', output: null, messageIncludes: '`APP`' },
    { name: 'bare, next to another variable', code: 'FROM alpine:3.20\nENV BLA=1 B=«$BLA»/$BLAFOO', output: null },
  ],
});
