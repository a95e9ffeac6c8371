import rule from '../../../server/src/rules/description-comment-match-name';
import { ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    '# VERSION the release to build\nARG VERSION=1\n# build compiles the app\nFROM golang:1.22 AS build',
    { name: 'a blank line between', code: '# Pinned versions\n\nARG VERSION=1' },
    { name: 'no stage name', code: '# The runtime\nFROM alpine:3.20' },
    { name: 'a pragma is not a description', code: 'FROM alpine:3.20\n# hadolint ignore=DL3018\nARG X' },
  ],
  invalid: [
    {
      name: 'a note above an ARG',
      code: '# Pinned versions\nARG «VERSION»=1',
      output: null,
      suggestions: [
        { title: 'Put a blank line between the comment and the instruction', output: '# Pinned versions\n\nARG VERSION=1' },
        { title: 'Start the comment with `VERSION`', output: '# VERSION Pinned versions\nARG VERSION=1' },
      ],
    },
    { name: 'above a named stage', code: 'FROM alpine:3.20\n# Build the binary\nFROM golang:1.22 AS «builder»', output: null, messageIncludes: '`builder`' },
  ],
});
