import rule from '../../../server/src/rules/copy-require-dir-destination';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nCOPY a b',
    'FROM alpine:3.20\nCOPY a b c/',
    'FROM alpine:3.20\nCOPY a b "c/"',
    // A heredoc's body is not sources and a destination: only its marker line is read (the fix used to append `/` to
    // the delimiter `EOF`, which left the heredoc unclosed and swallowed the rest of the file).
    'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nbienvenue à bord\nEOF\nRUN <<EOF\napk update\nEOF',
    'FROM alpine:3.20\r\nCOPY <<EOF /etc/motd\r\nwelcome aboard\r\nEOF\r\nRUN true',
    'FROM alpine:3.20\rCOPY <<EOF /etc/motd\rwelcome aboard\rEOF\rRUN true',
  ],
  invalid: [
    { name: 'plain', code: 'FROM alpine:3.20\nCOPY a b «c»', output: 'FROM alpine:3.20\nCOPY a b c/' },
    { name: 'quoted', code: 'FROM alpine:3.20\nCOPY a b «"c"»', output: 'FROM alpine:3.20\nCOPY a b "c/"' },
    { name: 'two heredocs', code: 'FROM alpine:3.20\nCOPY <<A <<B «/etc»\na\nA\nb\nB', output: 'FROM alpine:3.20\nCOPY <<A <<B /etc/\na\nA\nb\nB' },
    { name: 'exec form', code: 'FROM alpine:3.20\nCOPY ["a", "b", «"/c"»]', output: 'FROM alpine:3.20\nCOPY ["a", "b", "/c/"]' },
  ],
});
