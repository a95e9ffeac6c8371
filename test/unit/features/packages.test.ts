/** Package completion and package hovers from the stage's index (server/src/lsp/features/packages.ts). */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis/analysis';
import { computeAlpinistHover } from '../../../server/src/lsp/features/hover';
import { MAX_PACKAGE_ITEMS, packageCompletions } from '../../../server/src/lsp/features/packages';
import { BASE_PACKAGES, generatedRecords, releasesJson, releaseTable, staticAlpineData } from '../../support/alpineFixtures';
import { TEST_TODAY } from '../../support/ruleTester';

const DATA = staticAlpineData({ '3.22': BASE_PACKAGES });

function split(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('|');
  return { text: marked.slice(0, offset) + marked.slice(offset + 1), offset };
}

/** Labels completed at the `|` marker, or undefined when nothing is offered. */
function labelsAt(marked: string, data = DATA): string[] | undefined {
  const { text, offset } = split(marked);
  return packageCompletions(analyze(text, { today: TEST_TODAY }), offset, data)?.items.map((item) => item.label);
}

function hoverAt(marked: string): string | undefined {
  const { text, offset } = split(marked);
  const analysis = analyze(text, { today: TEST_TODAY, alpineData: DATA });
  return computeAlpinistHover(analysis, analysis.model.document.positionAt(offset), TEST_TODAY, DATA);
}

describe('package completion', () => {
  it('offers the names that start with what is typed, in apk add and apk del', () => {
    assert.deepEqual(labelsAt('FROM alpine:3.22\nRUN apk add --no-cache py|\n'), ['py3-pip', 'python3', 'python3-dev']);
    assert.deepEqual(labelsAt('FROM alpine:3.22\nRUN apk add --no-cache php8|\n'), ['php83', 'php83-curl', 'php84-curl']);
    assert.deepEqual(labelsAt('FROM alpine:3.22\nRUN apk del python3-|'), ['python3-dev']);
    assert.deepEqual(labelsAt('FROM alpine:3.22\nRUN apk add \\\n    curl \\\n    gi|\n'), ['git']);
  });

  it("apk del: the stage's virtual groups and installed packages first (with or without an index), then the index", () => {
    const text = 'FROM alpine:3.22\nRUN apk add --no-cache --virtual .build-deps python3-dev gcc && apk add py3-pip\nRUN apk del pip-x py3-pip\nRUN apk del |\n';
    const { text: plain, offset } = split(text);
    const list = packageCompletions(analyze(plain, { today: TEST_TODAY }), offset, DATA);
    const labels = list?.items.map((item) => item.label) ?? [];
    // py3-pip was deleted on line 3; python3-dev is in the group, so it is offered once, as the group's member.
    assert.deepEqual(labels.slice(0, 3), ['.build-deps', 'python3-dev', 'gcc']);
    assert.deepEqual(list?.items.slice(0, 3).map((item) => [item.detail, item.sortText]), [
      ['virtual group, installed on line 2', '0.build-deps'],
      ['installed on line 2', '1python3-dev'],
      ['installed on line 2', '1gcc'],
    ]);
    assert.equal(list?.items[0].labelDetails?.description, 'python3-dev gcc');
    assert.equal(labels.filter((label) => label === 'python3-dev').length, 1, 'not offered again from the index');
    assert.ok(labels.includes('py3-pip'), 'deleted earlier, so only the index offers it');
    assert.equal(list?.items.find((item) => item.label === 'py3-pip')?.sortText, '2py3-pip');
    // No index of the release: the installed names alone; later calls and other stages are not counted.
    assert.deepEqual(labelsAt('FROM alpine:3.22\nRUN apk add curl\nFROM alpine:3.22 AS b\nRUN apk add git && apk del g| && apk add gzip\n', staticAlpineData({})), ['git']);
    assert.deepEqual(labelsAt('FROM alpine:3.22\nRUN apk del .b| && apk add --virtual .build jq\n', staticAlpineData({})), undefined);
    assert.deepEqual(labelsAt('FROM alpine:3.22\nRUN apk add --virtual .b jq\nRUN apk add curl\nRUN apk del .b cu|\n', staticAlpineData({})), ['curl']);
  });

  it('after `name=`: the versions the index holds', () => {
    const { text, offset } = split('FROM alpine:3.22\nRUN apk add curl=|\n');
    const list = packageCompletions(analyze(text, { today: TEST_TODAY }), offset, DATA);
    assert.deepEqual(list?.items.map((item) => item.label), ['curl=8.14.1-r2']);
    assert.deepEqual(list?.items[0].textEdit, { range: { start: { line: 1, character: 12 }, end: { line: 1, character: 17 } }, newText: 'curl=8.14.1-r2' });
  });

  it('on an empty word after the subcommand: every name but those already listed, with version and description', () => {
    const { text, offset } = split('FROM alpine:3.22\nRUN apk add --no-cache curl |\n');
    const list = packageCompletions(analyze(text, { today: TEST_TODAY }), offset, DATA);
    assert.equal(list?.items.length, BASE_PACKAGES.length - 1);
    assert.ok(!list?.items.some((item) => item.label === 'curl'));
    const git = list?.items.find((item) => item.label === 'git');
    assert.equal(git?.detail, '2.49.1-r0 (main)');
    assert.equal(git?.labelDetails?.description, 'Distributed version control system');
  });

  it('a large index: at most MAX_PACKAGE_ITEMS items, marked incomplete', () => {
    const large = staticAlpineData({ '3.22': generatedRecords(3000) });
    const { text, offset } = split('FROM alpine:3.22\nRUN apk add pkg|\n');
    const list = packageCompletions(analyze(text, { today: TEST_TODAY }), offset, large);
    assert.equal(list?.items.length, MAX_PACKAGE_ITEMS);
    assert.equal(list?.isIncomplete, true);
    assert.deepEqual(labelsAt('FROM alpine:3.22\nRUN apk add pkg74-|\n', large), ['pkg74-dev', 'pkg74-doc', 'pkg74-libs']);
  });

  it('offers nothing outside package positions or without an index of the stage', () => {
    for (const marked of [
      'FROM alpine:3.22\nRUN apk ad|\n', // the subcommand
      'FROM alpine:3.22\nRUN apk add --no-c|\n', // a flag
      'FROM alpine:3.22\nRUN apk add -t .bu|\n', // the value of -t
      'FROM alpine:3.22\nRUN apk add --virtual |\n',
      'FROM alpine:3.22\nRUN apk info cu|\n', // not add or del
      'FROM alpine:3.22\nRUN apk add curl && ec|\n', // the next command
      'FROM alpine:3.22\nRUN echo cu|\n',
      'FROM alpine:3.21\nRUN apk add cu|\n', // no index for 3.21
      'FROM alpine\nRUN apk add cu|\n', // no release
      'FROM node:22-alpine\nRUN apk add cu|\n', // release unknown
      'FROM alpine:3.22\nRUN apk add "cu|\n',
    ]) {
      assert.equal(labelsAt(marked), undefined, marked);
    }
    const { text, offset } = split('FROM alpine:3.22\nRUN apk add cu|\n');
    assert.equal(packageCompletions(analyze(text, { today: TEST_TODAY }), offset, undefined), undefined);
  });

  it('follows the release through a parent stage', () => {
    assert.deepEqual(labelsAt('FROM alpine:3.22 AS base\nFROM base\nRUN apk add cu|\n'), ['curl']);
  });
});

describe('package hover', () => {
  it("shows the index's description, version, repository, origin and licence", () => {
    const curl = hoverAt('FROM alpine:3.22\nRUN apk add --no-cache cu|rl\n');
    assert.equal(curl, '**curl** — URL retrieval utility and library\n\n`8.14.1-r2` · repository `main` · licence curl\n\n[Project](https://example.org/curl)\n\n_Alpine 3.22 (main and community, x86_64, index of 2026-12-01)._');
    assert.match(hoverAt('FROM alpine:3.22\nRUN apk add --no-cache libc|url\n') ?? '', /built from `curl`/);
  });

  it('adds the musl/glibc note where the knowledge base has one', () => {
    const gcompat = hoverAt('FROM alpine:3.22\nRUN apk add --no-cache gcom|pat\n') ?? '';
    assert.match(gcompat, /^\*\*gcompat\*\* — The GNU C Library compatibility layer for musl/);
    assert.match(gcompat, /---\n\n\*\*[^*]*gcompat/);
  });

  it('a provided name names its providers; a missing pin is said', () => {
    assert.match(hoverAt('FROM alpine:3.22\nRUN apk add py-p|ip\n') ?? '', /`py3-pip` 25\.1\.1-r0 — Tool for installing/);
    assert.match(hoverAt('FROM alpine:3.22\nRUN apk add cu|rl=8.0.0-r0\n') ?? '', /The pinned `8\.0\.0-r0` is not in this index\./);
  });

  it('no index entry without an index of the stage', () => {
    assert.doesNotMatch(hoverAt('FROM alpine:3.21\nRUN apk add cu|rl\n') ?? '', /URL retrieval/);
  });
});

describe('FROM hover with release data', () => {
  const hoverWith = (marked: string, data: ReturnType<typeof staticAlpineData> | undefined): string => {
    const { text, offset } = split(marked);
    const analysis = analyze(text, { today: '2026-12-05', alpineData: data });
    return computeAlpinistHover(analysis, analysis.model.document.positionAt(offset), '2026-12-05', data) ?? '';
  };

  it("uses releases.json when the server has it, and says which table and date it used", () => {
    const table = releaseTable(releasesJson([{ branch: '3.22', released: '2025-05-30', eol: '2027-05-01' }, { branch: '3.25', released: '2026-12-03', eol: '2028-11-01' }]), '2026-12-05');
    const fetched = staticAlpineData({}, table);
    assert.match(hoverWith('FROM alp|ine:3.22\n', fetched), /This stage is on \*\*Alpine 3\.22\*\* \(released 2025-05-30, supported until 2027-05-01; latest is 3\.25 according to Alpine's releases\.json of 2026-12-05\)\./);
    assert.match(hoverWith('FROM alp|ine\n', fetched), /according to Alpine's releases\.json of 2026-12-05 the latest is 3\.25\./);
    assert.match(hoverWith('FROM alp|ine:3.22\n', undefined), /according to Alpinist's release table \(as of \d{4}-\d{2}-\d{2}\)\)\./);
  });
});
