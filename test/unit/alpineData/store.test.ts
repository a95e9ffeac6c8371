import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AlpineDataStore } from '../../../server/src/alpineData/store';
import { analyze } from '../../../server/src/analysis/analysis';
import { apkIndexArchive, BASE_PACKAGES, releasesJson } from '../../support/alpineFixtures';
import { loopback, type Loopback } from '../../support/loopback';

const MAIN = apkIndexArchive(BASE_PACKAGES);
const COMMUNITY = apkIndexArchive([{ name: 'php85-fpm', version: '8.5.0-r0' }]);
const RELEASES = Buffer.from(releasesJson([{ branch: '3.22', released: '2025-05-30', eol: '2027-05-01' }, { branch: '3.25', released: '2026-12-03', eol: '2028-11-01' }]));

function mirrorFiles(prefix = ''): Map<string, Buffer | 'hang'> {
  return new Map<string, Buffer | 'hang'>([
    [`${prefix}/v3.22/main/x86_64/APKINDEX.tar.gz`, MAIN],
    [`${prefix}/v3.22/community/x86_64/APKINDEX.tar.gz`, COMMUNITY],
    [`${prefix}/releases.json`, RELEASES],
  ]);
}

describe('Alpine data store (loopback mirror)', function () {
  this.timeout(10_000);
  let server: Loopback;
  let cacheDir: string;
  let clock: Date;
  const logs: string[] = [];
  const store = (overrides: Partial<ConstructorParameters<typeof AlpineDataStore>[0]> = {}): AlpineDataStore => new AlpineDataStore({
    mirror: `${server.url}/alpine`, releasesUrl: `${server.url}/alpine/releases.json`, cacheDir, fetch: true,
    limits: { allowLoopbackHttp: true, timeoutMs: 500 }, now: () => clock, log: (line) => logs.push(line), ...overrides,
  });

  beforeEach(async () => {
    server = await loopback(mirrorFiles('/alpine'));
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'alpinist-cache-'));
    clock = new Date('2026-12-05T10:00:00Z');
    logs.length = 0;
  });
  afterEach(async () => {
    await server.close();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('fetches main and community, merges them, and the rules see them', async () => {
    const data = store();
    await Promise.all([data.loadBranches(['3.22']), data.loadReleases()]);
    const snapshot = data.view.packages('3.22');
    assert.equal(snapshot?.index.get('curl')?.version, '8.14.1-r2');
    assert.equal(snapshot?.index.get('php85-fpm')?.repository, 'community');
    assert.equal(snapshot?.asOf, '2026-12-05');
    assert.equal(data.view.releases?.newest, '3.25');
    const analysis = analyze('FROM alpine:3.22\nRUN apk add --no-cache php7-curl curl', { alpineData: data.view, today: '2026-12-05' });
    assert.deepEqual(analysis.findings.filter((finding) => finding.ruleId === 'apk-unknown-package').map((finding) => finding.message), [
      '`php7-curl` is neither a package nor provided by one in Alpine 3.22 (main and community, x86_64, index of 2026-12-05), so `apk add` fails.',
    ]);
    assert.deepEqual(data.takeMissed(), []);
    data.view.packages('3.21');
    assert.deepEqual(data.takeMissed(), ['3.21']);
  });

  it('a cache younger than a day is used without a request; an older one is refreshed', async () => {
    await store().loadBranches(['3.22']);
    assert.equal(server.requests.length, 2);
    clock = new Date('2026-12-05T20:00:00Z');
    const cached = store();
    await cached.loadBranches(['3.22']);
    assert.equal(server.requests.length, 2, 'cache hit');
    assert.equal(cached.view.packages('3.22')?.asOf, '2026-12-05');
    clock = new Date('2026-12-07T10:00:00Z');
    const refreshed = store();
    await refreshed.loadBranches(['3.22']);
    assert.equal(server.requests.length, 4, 'stale cache refreshed');
    assert.equal(refreshed.view.packages('3.22')?.asOf, '2026-12-07');
  });

  it('offline: a stale cache is used, nothing is requested', async () => {
    await store().loadBranches(['3.22']);
    clock = new Date('2027-01-05T10:00:00Z');
    const offline = store({ fetch: false });
    await offline.loadBranches(['3.22']);
    assert.equal(server.requests.length, 2);
    assert.equal(offline.view.packages('3.22')?.asOf, '2026-12-05');
  });

  it('fetching off with no cache (untrusted workspace): the server sees no request', async () => {
    const data = store({ fetch: false });
    await Promise.all([data.loadBranches(['3.22']), data.loadReleases()]);
    assert.deepEqual(server.requests, []);
    assert.equal(data.view.packages('3.22'), undefined);
    assert.equal(data.view.releases, undefined);
  });

  it('a corrupt archive: clear message, the old cache kept, no retry within the hour', async () => {
    await store().loadBranches(['3.22']);
    clock = new Date('2026-12-07T10:00:00Z');
    server.files = new Map(mirrorFiles('/alpine'));
    server.files.set('/alpine/v3.22/main/x86_64/APKINDEX.tar.gz', Buffer.from('<html>not an index</html>'));
    const data = store();
    await data.loadBranches(['3.22']);
    assert.equal(data.view.packages('3.22')?.asOf, '2026-12-05', 'old cache kept');
    assert.ok(logs.some((line) => line.includes("not a gzip'd index") && line.includes('keeping the cache of 2026-12-05')), logs.join('\n'));
    const before = server.requests.length;
    await data.loadBranches(['3.22']);
    assert.equal(server.requests.length, before, 'the failed index is not asked again within the hour; the other is freshly cached');
  });

  it('timeout and size cap', async () => {
    server.files.set('/alpine/v3.22/main/x86_64/APKINDEX.tar.gz', 'hang');
    const slow = store();
    await slow.loadBranches(['3.22']);
    assert.equal(slow.view.packages('3.22'), undefined);
    assert.ok(logs.some((line) => line.includes('did not answer within')), logs.join('\n'));
    server.files = mirrorFiles('/alpine');
    const small = store({ limits: { allowLoopbackHttp: true, timeoutMs: 500, maxBytes: 100 } });
    await small.loadBranches(['3.22']);
    assert.equal(small.view.packages('3.22'), undefined);
    assert.ok(logs.some((line) => line.includes('more than the limit of 100')), logs.join('\n'));
  });

  it('plain http is refused unless admitted for loopback', async () => {
    const data = store({ limits: { timeoutMs: 500 } });
    await data.loadBranches(['3.22']);
    assert.deepEqual(server.requests, []);
    assert.ok(logs.some((line) => line.includes('not an https:// URL')));
  });

  it('goes through a proxy', async () => {
    const proxy = await loopback(mirrorFiles('/alpine'));
    try {
      const data = store({ mirror: 'http://127.0.0.1:9/alpine', limits: { allowLoopbackHttp: true, timeoutMs: 500, proxy: proxy.url } });
      await data.loadBranches(['3.22']);
      assert.equal(data.view.packages('3.22')?.index.get('git')?.version, '2.49.1-r0');
      assert.deepEqual(proxy.requests, ['http://127.0.0.1:9/alpine/v3.22/main/x86_64/APKINDEX.tar.gz', 'http://127.0.0.1:9/alpine/v3.22/community/x86_64/APKINDEX.tar.gz']);
      assert.deepEqual(server.requests, []);
    } finally {
      await proxy.close();
    }
  });

  it('a local directory with the mirror layout works without network or cache', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'alpinist-mirror-'));
    try {
      for (const [relative, body] of mirrorFiles()) {
        mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
        writeFileSync(path.join(dir, relative), body as Buffer);
      }
      const data = store({ mirror: dir, fetch: false, cacheDir: undefined });
      await Promise.all([data.loadBranches(['3.22']), data.loadReleases()]);
      assert.equal(data.view.packages('3.22')?.index.get('curl')?.version, '8.14.1-r2');
      assert.equal(data.view.releases?.newest, '3.25');
      assert.deepEqual(server.requests, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
