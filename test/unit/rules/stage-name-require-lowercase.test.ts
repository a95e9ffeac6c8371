import rule from '../../../server/src/rules/stage-name-require-lowercase';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: ['FROM alpine:3.20 AS build\nFROM build', 'FROM alpine:3.20', { name: 'a variable as the name is not judged', code: 'FROM alpine:3.20 AS ${NAME}' }],
  invalid: [
    {
      name: 'renames the stage and its FROM, COPY --from and mount references',
      code: 'FROM golang:1.22 AS «Builder»\nRUN go build\nFROM Builder AS test\nFROM alpine:3.20\nCOPY --from=BUILDER /app /app\nRUN --mount=type=bind,from=Builder,target=/src ls /src\nCOPY --from=0 /x /x',
      output: 'FROM golang:1.22 AS builder\nRUN go build\nFROM builder AS test\nFROM alpine:3.20\nCOPY --from=builder /app /app\nRUN --mount=type=bind,from=builder,target=/src ls /src\nCOPY --from=0 /x /x',
      messageIncludes: '`Builder`',
    },
    {
      name: 'an image named like the stage before the stage exists is not renamed',
      code: 'FROM Deps\nFROM node:20 AS «Deps»\nCOPY --from=Deps /a /a',
      output: 'FROM Deps\nFROM node:20 AS deps\nCOPY --from=deps /a /a',
    },
  ],
});
