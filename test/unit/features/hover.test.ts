/** Knowledge hovers appear where musl vs glibc bites, and only in Alpine stages. */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis/analysis';
import { computeAlpinistHover, renderEntry } from '../../../server/src/lsp/features/hover';
import { knowledgeEntries } from '../../../server/src/knowledge/musl';
import { TEST_TODAY } from '../../support/ruleTester';

/** Hover text at the `|` marker (removed before analysis). */
function hoverAt(marked: string): string | undefined {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const analysis = analyze(text, { today: TEST_TODAY });
  return computeAlpinistHover(analysis, analysis.model.document.positionAt(offset), TEST_TODAY);
}

describe('hover', () => {
  const cases: { name: string; code: string; includes: RegExp[] }[] = [
    { name: 'Alpine FROM with a release', code: 'FROM alp|ine:3.20\n', includes: [/musl/, /Alpine 3\.20/, /released 2024-05-22/] },
    { name: 'Alpine FROM past end of support', code: 'FROM alpine:3.1|6\n', includes: [/past end of support/] },
    { name: 'untagged Alpine FROM names the latest release', code: 'FROM alpi|ne\n', includes: [/latest is 3\.\d+/] },
    { name: 'edge', code: 'FROM alpine:ed|ge\n', includes: [/Alpine edge/] },
    { name: 'python alpine variant', code: 'FROM python:3.12-alp|ine3.20\n', includes: [/musl/, /Alpine 3\.20/] },
    { name: 'apk flag', code: 'FROM alpine:3.20\nRUN apk add --no-c|ache curl\n', includes: [/--no-cache/] },
    { name: 'apk short flag', code: 'FROM alpine:3.20\nRUN apk add -|U curl\n', includes: [/update-cache/i] },
    { name: 'virtual flag', code: 'FROM alpine:3.20\nRUN apk add --virt|ual .b gcc\n', includes: [/virtual/i] },
    { name: 'pip install', code: 'FROM alpine:3.20\nRUN pip3 inst|all requests\n', includes: [/musllinux|wheel/i] },
    { name: 'gcompat package', code: 'FROM alpine:3.20\nRUN apk add --no-cache gcom|pat\n', includes: [/gcompat/] },
    { name: 'build-base package', code: 'FROM alpine:3.20\nRUN apk add --no-cache build-ba|se\n', includes: [/build-base/] },
    { name: 'ENV LANG', code: 'FROM alpine:3.20\nENV LA|NG=C.UTF-8\n', includes: [/locale/i] },
    { name: 'glibc download', code: 'FROM alpine:3.20\nRUN wget https://example.org/tool-x86_64-linux-g|nu.tar.gz\n', includes: [/glibc/] },
    // The hover says what the rule says: one table (knowledge/glibc.ts) for both.
    { name: 'Node.js glibc tarball in ADD', code: 'FROM alpine:3.20\nADD https://nodejs.org/dist/v20.0.0/node-v20.0.0-linux-x|64.tar.xz /opt/\n', includes: [/`node-v20\.0\.0-linux-x64\.tar\.xz` is the glibc build of Node\.js/, /unofficial-builds/] },
    { name: 'manylinux wheel', code: 'FROM alpine:3.20\nRUN pip install https://example.org/x-1.0-cp312-cp312-manylinux_2_17_x86_6|4.whl\n', includes: [/`manylinux` wheel built for glibc/] },
    { name: 'diagnostic explanation', code: 'FROM alpine:3.20\nRUN apk a|dd curl\n', includes: [/Alpinist `apk-prefer-no-cache`/, /Documentation/] },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const value = hoverAt(testCase.code);
      assert.ok(value, 'a hover');
      for (const pattern of testCase.includes) assert.match(value, pattern);
    });
  }

  it('says nothing about downloads that are not glibc builds', () => {
    assert.equal(hoverAt('FROM alpine:3.20\nRUN wget https://example.org/tool-x86_64-linux-mu|sl.tar.gz\n'), undefined);
  });

  it('says nothing musl-specific in a Debian stage', () => {
    // The pip rule's own explanation may appear (it applies everywhere); the musl knowledge must not.
    assert.doesNotMatch(hoverAt('FROM debian:12\nRUN pip inst|all x\n') ?? '', /musl/);
    assert.equal(hoverAt('FROM debian:12\nENV LA|NG=C.UTF-8\n'), undefined);
  });

  it('renders every knowledge entry with its sources and date', () => {
    for (const entry of knowledgeEntries) {
      const markdown = renderEntry(entry);
      assert.ok(markdown.includes(entry.summary));
      assert.ok(markdown.includes(entry.asOf));
      for (const reference of entry.references) assert.ok(markdown.includes(`(${reference.url})`));
    }
  });
});
