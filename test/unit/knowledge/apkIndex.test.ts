import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { ApkIndex, ApkIndexArchiveReader, ApkIndexFormatError, ApkIndexTextParser, parseApkIndexTar } from '../../../server/src/knowledge/apkIndex';
import { boundedEditDistance } from '../../../server/src/util/editDistance';
import { branchOf, builtInReleaseTable, newestReleasePhrase, parseReleasesJson, ReleaseDataError, releaseIn } from '../../../server/src/knowledge/releaseData';
import { apkIndexArchive, apkIndexTar, BASE_PACKAGES, releasesJson, tarMember } from '../../support/alpineFixtures';

describe('APKINDEX reader', () => {
  it('reads the index segment of a real-format archive, skipping the signature and DESCRIPTION', () => {
    const index = parseApkIndexTar(gunzipSync(apkIndexArchive(BASE_PACKAGES)), 'main');
    assert.equal(index.size, BASE_PACKAGES.length);
    const curl = index.get('curl');
    assert.deepEqual(curl, {
      name: 'curl', version: '8.14.1-r2', versions: ['8.14.1-r2'], description: 'URL retrieval utility and library', origin: 'curl',
      license: 'curl', url: 'https://example.org/curl', repository: 'main',
    });
    assert.equal(index.get('libcurl')?.origin, 'curl');
    assert.deepEqual(index.providersOf('py-pip'), ['py3-pip']);
    assert.deepEqual(index.providersOf('so:libc.musl-x86_64.so.1'), ['musl']);
    assert.deepEqual(index.providersOf('cmd:sh'), ['busybox']);
    assert.ok(index.resolves('py-pip') && index.resolves('curl') && !index.resolves('python'));
    assert.ok(!index.resolves('constructor') && index.get('__proto__') === undefined);
  });

  it('gives the same index whatever the chunk boundaries (1, 7, 511, 513 bytes)', () => {
    const tar = apkIndexTar(BASE_PACKAGES);
    const whole = parseApkIndexTar(tar, 'main');
    for (const size of [1, 7, 511, 513]) {
      const reader = new ApkIndexArchiveReader('main');
      for (let offset = 0; offset < tar.length; offset += size) reader.push(tar.subarray(offset, offset + size));
      const index = reader.finish();
      assert.deepEqual(index.names(), whole.names(), `chunks of ${size}`);
      assert.deepEqual(index.get('python3'), whole.get('python3'));
    }
  });

  it('keeps every version of a name, newest first, and CRLF or a missing final blank line do no harm', () => {
    const parser = new ApkIndexTextParser('community');
    parser.pushText('P:foo\r\nV:1.2-r0\r\nT:old\r\n\r\nP:foo\nV:1.10-r0\nT:new\n\nP:bar\nV:1');
    const index = parser.finish();
    assert.deepEqual(index.get('foo')?.versions, ['1.10-r0', '1.2-r0']);
    assert.equal(index.get('foo')?.description, 'new');
    assert.equal(index.get('bar')?.version, '1');
    assert.equal(parser.recordCount, 3);
  });

  it('decodes UTF-8 split across chunks', () => {
    const parser = new ApkIndexTextParser('main');
    const bytes = Buffer.from('P:x\nV:1\nT:Ünïcode — ok\n\n');
    for (const byte of bytes) parser.push(Uint8Array.of(byte));
    assert.equal(parser.finish().get('x')?.description, 'Ünïcode — ok');
  });

  it('rejects what is not an index with a reason', () => {
    assert.throws(() => parseApkIndexTar(Buffer.from('<html>captive portal</html>'.padEnd(1024, ' ')), 'main'), ApkIndexFormatError);
    assert.throws(() => parseApkIndexTar(Buffer.alloc(2048), 'main'), /no tar entries/);
    assert.throws(() => parseApkIndexTar(tarMember('README', Buffer.from('hello')), 'main'), /no APKINDEX/);
    const tar = apkIndexTar(BASE_PACKAGES);
    assert.throws(() => parseApkIndexTar(tar.subarray(0, tar.length - 1500), 'main'), /middle of an entry/);
    const corrupted = Buffer.from(tar);
    corrupted[1024 + 130] ^= 1;
    assert.throws(() => parseApkIndexTar(corrupted, 'main'), /checksum/);
  });

  it('merges repositories, main first', () => {
    const main = new ApkIndexTextParser('main');
    main.pushText('P:a\nV:1\np:cmd:a\n\n');
    const community = new ApkIndexTextParser('community');
    community.pushText('P:a\nV:2\n\nP:b\nV:1\np:cmd:a\n\n');
    const merged = ApkIndex.merge([main.finish(), community.finish()]);
    assert.equal(merged.get('a')?.repository, 'main');
    assert.equal(merged.get('b')?.repository, 'community');
    assert.deepEqual(merged.providersOf('cmd:a'), ['a', 'b']);
  });

  it('finds near names by edit distance, nearest first', () => {
    const index = parseApkIndexTar(apkIndexTar(BASE_PACKAGES), 'main');
    assert.deepEqual(index.nearestNames('php7-curl', 2), ['php83-curl', 'php84-curl']);
    assert.deepEqual(index.nearestNames('curll', 1), ['curl']);
    assert.deepEqual(index.nearestNames('zzzzzz', 2), []);
    assert.equal(boundedEditDistance('kitten', 'sitting', 3), 3);
    assert.equal(boundedEditDistance('kitten', 'sitting', 2), undefined);
  });
});

describe('releases.json', () => {
  const json = releasesJson([
    { branch: '3.21', released: '2024-12-05', eol: '2026-11-01', points: ['3.21.0', '3.21.4'] },
    { branch: '3.25', released: '2026-12-03', eol: '2028-11-01', points: ['3.25.0'] },
    { branch: '3.9', released: '2019-01-29', eol: '2020-11-01' },
  ]);

  it('reads branches, end-of-support dates, point releases and the newest branch', () => {
    const table = parseReleasesJson(json, '2026-12-05');
    assert.deepEqual(table.releases.map((release) => release.version), ['3.9', '3.21', '3.25']);
    assert.equal(table.newest, '3.25');
    assert.equal(table.latestPoint.get('3.21'), '3.21.4');
    assert.deepEqual(releaseIn(table, '3.21.2'), { version: '3.21', released: '2024-12-05', endOfSupport: '2026-11-01' });
    assert.equal(newestReleasePhrase(table), '3.25 is the newest release known on 2026-12-05');
  });

  it('the built-in table says its date', () => {
    assert.equal(newestReleasePhrase(builtInReleaseTable), '3.24 is the newest release known on 2026-11-26');
  });

  it('rejects documents without releases', () => {
    assert.throws(() => parseReleasesJson('<html>', '2026-12-05'), ReleaseDataError);
    assert.throws(() => parseReleasesJson('{"release_branches": 3}', '2026-12-05'), /release_branches/);
    assert.throws(() => parseReleasesJson('{"release_branches": [{"rel_branch": "edge"}]}', '2026-12-05'), /no stable release/);
  });

  it('branch names', () => {
    assert.equal(branchOf('3.22.1'), '3.22');
    assert.equal(branchOf('v3.9'), '3.9');
    assert.equal(branchOf('edge'), 'edge');
    assert.equal(branchOf('latest'), undefined);
  });
});
