import rule from '../../../server/src/rules/add-prefer-copy';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nADD app.tar.gz /opt/',
    'FROM alpine:3.20\nADD https://example.com/x.txt /opt/',
    'FROM alpine:3.20\nADD git@github.com:org/repo.git /src',
  ],
  invalid: [
    { name: 'plain file', code: 'FROM alpine:3.20\n«ADD» app.py /app/', output: 'FROM alpine:3.20\nCOPY app.py /app/' },
    { name: 'zip is not unpacked', code: 'FROM alpine:3.20\n«add» "file.zip" /app/', output: 'FROM alpine:3.20\ncopy "file.zip" /app/' },
    {
      name: 'a file without extension may be a tar archive',
      code: 'FROM alpine:3.20\n«ADD» --chown=app file /app/',
      output: null,
      suggestions: [{ title: 'Replace `ADD` with `COPY`', output: 'FROM alpine:3.20\nCOPY --chown=app file /app/' }],
    },
    { name: 'an archive among plain files: no fix', code: 'FROM alpine:3.20\n«ADD» a.tar b.txt /app/', output: null },
  ],
});
