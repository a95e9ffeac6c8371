import rule from '../../../server/src/rules/apk-no-delete-in-later-layer';
import { ruleTester } from '../../support/ruleTester';

const MERGE = 'Merge this RUN into the RUN that installed the packages';

ruleTester.run(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc && make && apk del .build-deps',
    { name: 'packages that came with the base image', code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN apk del busybox-extras' },
    { name: 'an unrelated earlier stage', code: 'FROM alpine:3.20 AS build\nRUN apk add curl\nFROM alpine:3.20\nRUN apk del curl' },
    { name: 'installed again in the same RUN before the delete', code: 'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc\nRUN apk add --virtual .build-deps gcc make && make && apk del .build-deps' },
    { name: 'already deleted by the RUN that installed it', code: 'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc && apk del .build-deps\nRUN apk del .build-deps' },
    { name: 'names held in variables are not guessed', code: 'FROM alpine:3.20\nRUN apk add curl\nRUN apk del $TOOLS' },
    { name: 'apk del inside a string', code: 'FROM alpine:3.20\nRUN apk add curl\nRUN echo "apk del curl"' },
  ],
  invalid: [
    {
      name: 'the deleted group holds the ENTRYPOINT program: no merge is suggested',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc tini\nRUN make && apk del «.build-deps»\nENTRYPOINT ["tini", "--"]\n',
      output: null,
      messageIncludes: '`.build-deps` was installed by an earlier RUN, so `apk del` here leaves its files in that layer; no merge is suggested, because the deletion removes a package still in use: `ENTRYPOINT` runs `tini`.',
    },
    {
      name: 'adjacent RUNs: a virtual group',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc\nRUN make && apk del «.build-deps»\n',
      output: null,
      messageIncludes: '`.build-deps`',
      suggestions: [{ title: MERGE, output: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc \\\n    && make && apk del .build-deps\n' }],
    },
    {
      name: 'packages by name; a base-image package is not reported',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl git\nRUN apk del «curl» «git» tzdata',
      output: null,
      suggestions: [{ title: MERGE, output: 'FROM alpine:3.20\nRUN apk add --no-cache curl git \\\n    && apk del curl git tzdata' }],
    },
    {
      name: 'comment lines between the RUNs are kept inside the continuation',
      code: 'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc\n\n# done building\nRUN apk del «.build-deps»',
      output: null,
      suggestions: [{ title: MERGE, output: 'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc \\\n# done building\n    && apk del .build-deps' }],
    },
    {
      name: 'the installing RUN spans continuation lines',
      code: 'FROM alpine:3.20\nRUN apk add \\\n      --virtual .build-deps \\\n      gcc \\\n  && make\nRUN apk del «.build-deps» && rm -rf /src',
      output: null,
      suggestions: [{ title: MERGE, output: 'FROM alpine:3.20\nRUN apk add \\\n      --virtual .build-deps \\\n      gcc \\\n  && make \\\n    && apk del .build-deps && rm -rf /src' }],
    },
    {
      name: 'equal RUN flags merge',
      code: 'FROM alpine:3.20\nRUN --network=none apk add curl\nRUN --network=none apk del «curl»',
      output: null,
      suggestions: [{ title: MERGE, output: 'FROM alpine:3.20\nRUN --network=none apk add curl \\\n    && apk del curl' }],
    },
    {
      name: 'the escape directive decides the continuation character',
      code: '# escape=`\nFROM alpine:3.20\nRUN apk add curl\nRUN apk del «curl»',
      output: null,
      suggestions: [{ title: MERGE, output: '# escape=`\nFROM alpine:3.20\nRUN apk add curl `\n    && apk del curl' }],
    },
    {
      name: 'ONBUILD triggers merge with each other',
      code: 'FROM alpine:3.20\nONBUILD RUN apk add curl\nONBUILD RUN apk del «curl»',
      output: null,
      suggestions: [{ title: MERGE, output: 'FROM alpine:3.20\nONBUILD RUN apk add curl \\\n    && apk del curl' }],
    },
    {
      name: 'a non-Alpine base that runs apk',
      code: 'FROM mycompany/base:1\nRUN apk add curl\nRUN apk del «curl»',
      output: null,
      suggestions: [{ title: MERGE, output: 'FROM mycompany/base:1\nRUN apk add curl \\\n    && apk del curl' }],
    },
    {
      name: 'not adjacent: no fix',
      code: 'FROM alpine:3.20\nRUN apk add curl\nWORKDIR /app\nRUN apk del «curl»',
      output: null,
    },
    {
      name: 'different RUN flags: no fix',
      code: 'FROM alpine:3.20\nRUN apk add curl\nRUN --mount=type=secret,id=token apk del «curl»',
      output: null,
    },
    {
      name: 'the deleting RUN chains with ; and would keep going after a failure: no fix',
      code: 'FROM alpine:3.20\nRUN apk add curl\nRUN set -eux; apk del «curl»; rm -rf /tmp/*',
      output: null,
    },
    {
      name: 'a parent stage installed it: reported, no fix',
      code: 'FROM alpine:3.20 AS base\nRUN apk add --virtual .build-deps gcc\nFROM base\nRUN apk del «.build-deps»',
      output: null,
    },
    {
      name: 'plain RUN then ONBUILD trigger: no fix',
      code: 'FROM alpine:3.20\nRUN apk add curl\nONBUILD RUN apk del «curl»',
      output: null,
    },
    {
      name: 'heredoc installer: no fix',
      code: 'FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\nRUN apk del «curl»',
      output: null,
    },
    {
      name: 'exec form: no fix',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "curl"]\nRUN ["apk", "del", «"curl"»]',
      output: null,
    },
  ],
});
