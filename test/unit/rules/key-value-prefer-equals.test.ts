import rule from '../../../server/src/rules/key-value-prefer-equals';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20\nENV A=1 B="two words"\nLABEL a=b', 'FROM alpine:3.20\nARG VERSION'],
  invalid: [
    { name: 'one word', code: 'FROM alpine:3.20\nENV «PATH /opt/bin:$PATH»', output: 'FROM alpine:3.20\nENV PATH=/opt/bin:$PATH', messageIncludes: '`ENV PATH=…`' },
    { name: 'blanks in the value are quoted', code: 'FROM alpine:3.20\nENV «GREETING hello   world»', output: 'FROM alpine:3.20\nENV GREETING="hello   world"' },
    { name: 'a quoted value stays as it is', code: 'FROM alpine:3.20\nLABEL «maintainer "Jane Doe <jane@example.com>"»', output: 'FROM alpine:3.20\nLABEL maintainer="Jane Doe <jane@example.com>"' },
    { name: 'quotes inside an unquoted value get no fix', code: 'FROM alpine:3.20\nENV «MSG it\'s "x" y»', output: null },
  ],
});
