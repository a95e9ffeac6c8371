import assert from 'node:assert/strict';
import rule from '../../../server/src/rules/apt-require-lists-cleanup';
import { findingsOf, ruleTester } from '../../support/ruleTester';

ruleTester.run(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
    { name: 'cache mount at the lists', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl' },
    { name: 'cache mount at /var/lib/apt holds the lists', code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl' },
    { name: 'build stage only copied from', code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM scratch\nCOPY --from=build /out /out' },
    { name: 'apt-get dist-clean removes the lists (apt 3.0)', code: 'FROM debian:13\nRUN set -eux; apt-get update; apt-get install -y --no-install-recommends curl; apt-get dist-clean' },
    { name: 'no update, no lists', code: 'FROM debian:12\nRUN apt-get install -y ./local.deb' },
  ],
  invalid: [
    {
      name: 'update and install without cleanup',
      code: 'FROM debian:12\nRUN «apt-get update» && apt-get install -y curl',
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
      messageIncludes: '`/var/lib/apt/lists`',
      severity: 'info',
    },
    {
      name: 'a chain ending in ||: the cleanup runs after the whole chain',
      code: 'FROM debian:12\nRUN «apt-get update» && \\\n    apt-get install -y curl || true',
      output: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y curl || true && rm -rf /var/lib/apt/lists/*',
    },
    {
      name: 'cleanup before the update does not count',
      code: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && «apt update»',
      output: 'FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && apt update && rm -rf /var/lib/apt/lists/*',
    },
    {
      name: 'stage used by a later FROM',
      code: 'FROM debian:12 AS base\nRUN «apt-get update»\nFROM base\nRUN echo',
      output: 'FROM debian:12 AS base\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\nFROM base\nRUN echo',
    },
    {
      name: 'a later RUN installs with these lists: only a suggestion',
      code: 'FROM debian:12\nRUN «apt-get update»\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
      output: null,
      suggestions: [{ title: 'Append `rm -rf /var/lib/apt/lists/*` to this `RUN`', output: 'FROM debian:12\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*' }],
    },
    {
      name: 'a stage built from this one installs with these lists: only a suggestion',
      code: 'FROM debian:12 AS base\nRUN «apt-get update»\nFROM base\nRUN apt-get install -y curl',
      output: null,
      suggestions: [{ title: 'Append `rm -rf /var/lib/apt/lists/*` to this `RUN`', output: 'FROM debian:12 AS base\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\nFROM base\nRUN apt-get install -y curl' }],
    },
    {
      name: 'heredoc',
      code: 'FROM debian:12\nRUN <<EOF\n«apt-get update»\napt-get install -y curl\nEOF\n',
      output: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl && rm -rf /var/lib/apt/lists/*\nEOF\n',
    },
    {
      name: 'exec form: no fix',
      code: 'FROM debian:12\nRUN [«"apt-get", "update"»]',
      output: null,
    },
  ],
});

describe('apt-require-lists-cleanup: a heredoc left open', () => {
  it('is not read (its delimiter follows a lone CR, no line break for BuildKit): the cleanup was appended to EOF', () => {
    const text = 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\rEOF\nLABEL a=b\n';
    assert.deepEqual(findingsOf(rule, text), []);
  });
});
