/**
 * Alpine data in the editor, against a loopback mirror the test starts (real gzip'd tar indexes, releases.json):
 * diagnostics come at once from what is loaded, and again when the index arrives; the cache in the client's storage
 * serves a restart without a request; an untrusted workspace makes no request until trust is granted; status
 * notifications accompany each fetch.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CompletionList, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { ALPINE_DATA_OPTIONS_NOTIFICATION, ALPINE_DATA_STATUS_NOTIFICATION, type AlpineDataClientOptions, type AlpineDataStatus } from '../../server/src/protocol';
import { apkIndexArchive, BASE_PACKAGES, releasesJson } from '../support/alpineFixtures';
import { startHarness, type Harness } from '../support/lspHarness';
import { loopback, type Loopback } from '../support/loopback';

const MAIN = apkIndexArchive(BASE_PACKAGES);
const COMMUNITY = apkIndexArchive([{ name: 'php85-fpm', version: '8.5.0-r0', description: 'PHP 8.5 FastCGI process manager', license: 'PHP-3.01' }]);
const RELEASES = Buffer.from(releasesJson([{ branch: '3.22', released: '2025-05-30', eol: '2027-05-01' }, { branch: '3.25', released: '2026-12-03', eol: '2028-11-01' }]));
const INDEX_PATHS = ['/alpine/v3.22/main/x86_64/APKINDEX.tar.gz', '/alpine/v3.22/community/x86_64/APKINDEX.tar.gz'];
const TEXT = 'FROM alpine:3.22\nRUN apk add --no-cache curl curlx\n';
const URI = 'file:///work/Dockerfile';

const unknownPackages = (diagnostics: readonly Diagnostic[]): string[] =>
  diagnostics.filter((diagnostic) => diagnostic.code === 'apk-unknown-package').map((diagnostic) => String(diagnostic.message));
const today = (): string => new Date().toISOString().slice(0, 10);
const unknownCurlx = (asOf: string): string =>
  `\`curlx\` is neither a package nor provided by one in Alpine 3.22 (main and community, x86_64, index of ${asOf}), so \`apk add\` fails.`;

/** The diagnostics published next for `uri` that satisfy `accept` (earlier publications are skipped). */
async function publishedUntil(server: Harness, uri: string, accept: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  for (;;) {
    const diagnostics = await server.nextDiagnostics(uri);
    if (accept(diagnostics)) return diagnostics;
  }
}

/** Waits (polling every 10 ms, at most 5 s) until `condition` holds. */
async function eventually(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within 5 s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('Alpine data in the editor (loopback mirror)', function () {
  this.timeout(15_000);
  let mirror: Loopback;
  let storagePath: string;
  let harness: Harness | undefined;
  let statuses: AlpineDataStatus[];
  const saved = process.env.ALPINIST_TEST_LOOPBACK_HTTP;

  const options = (overrides: Partial<AlpineDataClientOptions> = {}): AlpineDataClientOptions => ({
    workspaceTrusted: true,
    fetch: true,
    mirror: `${mirror.url}/alpine`,
    releasesUrl: `${mirror.url}/alpine/releases.json`,
    storagePath,
    ...overrides,
  });
  const start = async (alpineData: AlpineDataClientOptions): Promise<Harness> => {
    harness?.dispose();
    harness = await startHarness(undefined, { alpineData });
    harness.client.onNotification(ALPINE_DATA_STATUS_NOTIFICATION, (status: AlpineDataStatus) => void statuses.push(status));
    return harness;
  };

  before(() => {
    process.env.ALPINIST_TEST_LOOPBACK_HTTP = '1';
  });
  after(() => {
    if (saved === undefined) delete process.env.ALPINIST_TEST_LOOPBACK_HTTP;
    else process.env.ALPINIST_TEST_LOOPBACK_HTTP = saved;
  });
  beforeEach(async () => {
    mirror = await loopback(new Map<string, Buffer | 'hang'>([[INDEX_PATHS[0], MAIN], [INDEX_PATHS[1], COMMUNITY], ['/alpine/releases.json', RELEASES]]));
    storagePath = mkdtempSync(path.join(os.tmpdir(), 'alpinist-storage-'));
    statuses = [];
  });
  afterEach(async () => {
    harness?.dispose();
    harness = undefined;
    await mirror.close();
    rmSync(storagePath, { recursive: true, force: true });
  });

  it('publishes at once without the index, fetches it, and publishes again with the findings it allows', async () => {
    const server = await start(options());
    const first = await server.open(URI, TEXT);
    const firstAt = Date.now();
    assert.deepEqual(unknownPackages(first), [], 'the first publication does not wait for the network');
    const withIndex = await publishedUntil(server, URI, (diagnostics) => unknownPackages(diagnostics).length > 0);
    const republishMs = Date.now() - firstAt;
    assert.deepEqual(unknownPackages(withIndex), [unknownCurlx(today())]);
    await eventually(() => mirror.requests.length === 3 && statuses.at(-1)?.busy === false, 'three requests, then idle');
    assert.deepEqual([...mirror.requests].sort(), ['/alpine/releases.json', ...INDEX_PATHS].sort());
    // The status: busy while fetching, idle at the end; a line per fetch in the log, with the size.
    assert.deepEqual(statuses.filter((status) => status.busy && status.message.startsWith('Fetching ')).map((status) => status.message).sort(), [...INDEX_PATHS, '/alpine/releases.json'].map((file) => `Fetching ${mirror.url}${file}`).sort());
    for (const file of INDEX_PATHS) {
      assert.ok(server.logs.includes(`Alpine data: Fetching ${mirror.url}${file}`), server.logs.join('\n'));
      assert.ok(server.logs.some((line) => line.startsWith(`Alpine data: Fetched ${mirror.url}${file}: `) && / \d+ bytes in \d+ ms$/.test(line)), server.logs.join('\n'));
    }
    process.stdout.write(`      (republished ${republishMs} ms after the first publication)\n`);
  });

  it('serves a restart from the cache in the client storage, without a request', async () => {
    const server = await start(options());
    await server.open(URI, TEXT);
    await publishedUntil(server, URI, (diagnostics) => unknownPackages(diagnostics).length > 0);
    await eventually(() => mirror.requests.length === 3 && statuses.at(-1)?.busy === false, 'three requests, then idle');
    statuses.length = 0;
    const restarted = await start(options());
    await restarted.open(URI, TEXT);
    assert.deepEqual(unknownPackages(await publishedUntil(restarted, URI, (diagnostics) => unknownPackages(diagnostics).length > 0)), [unknownCurlx(today())]);
    assert.equal(mirror.requests.length, 3, 'no request: the cache is younger than a day');
    assert.deepEqual(statuses, []);
  });

  it('an untrusted workspace makes no request and uses the cache it has; trust granted, it fetches', async () => {
    // A cache of two days ago, as a trusted session left it.
    const old = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    const host = new URL(mirror.url).host.replace(/[^A-Za-z0-9.-]/g, '_');
    for (const [file, bytes] of [[INDEX_PATHS[0], MAIN], [INDEX_PATHS[1], COMMUNITY]] as const) {
      const cached = path.join(storagePath, 'alpine-data', host, file.replace('/alpine/', ''));
      mkdirSync(path.dirname(cached), { recursive: true });
      writeFileSync(cached, bytes);
      writeFileSync(`${cached}.json`, JSON.stringify({ fetchedAt: old.toISOString() }));
    }
    const server = await start(options({ workspaceTrusted: false }));
    await server.open(URI, TEXT);
    const stale = await publishedUntil(server, URI, (diagnostics) => unknownPackages(diagnostics).length > 0);
    assert.deepEqual(unknownPackages(stale), [unknownCurlx(old.toISOString().slice(0, 10))]);
    assert.deepEqual(mirror.requests, [], 'untrusted: no request');
    assert.deepEqual(statuses, []);

    // Trust granted: what is loaded stays (no flicker), the old index is fetched again.
    await server.notify(ALPINE_DATA_OPTIONS_NOTIFICATION, options());
    const fresh = await publishedUntil(server, URI, (diagnostics) => {
      assert.equal(unknownPackages(diagnostics).length, 1, 'every publication keeps the finding');
      return unknownPackages(diagnostics)[0] === unknownCurlx(today());
    });
    assert.equal(unknownPackages(fresh).length, 1);
    const requests: readonly string[] = mirror.requests;
    assert.deepEqual(requests.filter((request) => request.endsWith('APKINDEX.tar.gz')).sort(), [...INDEX_PATHS].sort());
  });

  it('completes package names and versions in apk add, and hovers a package, from the fetched index', async () => {
    const server = await start(options());
    const text = 'FROM alpine:3.22\nRUN apk add --no-cache php8\n';
    await server.open(URI, text);
    // `php8` is no package: its finding shows that the index is in.
    await publishedUntil(server, URI, (diagnostics) => unknownPackages(diagnostics).length > 0);
    const names = await server.request<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 1, character: 27 } });
    assert.deepEqual(names.items.map((item) => [item.label, item.detail, item.labelDetails?.description]), [
      ['php83', '8.3.23-r0 (main)', 'The php83 package'],
      ['php83-curl', '8.3.23-r0 (main)', 'The php83-curl package'],
      ['php84-curl', '8.4.10-r0 (main)', 'The php84-curl package'],
      ['php85-fpm', '8.5.0-r0 (community)', 'PHP 8.5 FastCGI process manager'],
    ]);
    assert.deepEqual(names.items[0].textEdit, { range: { start: { line: 1, character: 23 }, end: { line: 1, character: 27 } }, newText: 'php83' });

    await server.change(URI, 'FROM alpine:3.22\nRUN apk add --no-cache curl=\n', 2);
    const versions = await server.request<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 1, character: 28 } });
    assert.deepEqual(versions.items.map((item) => item.label), ['curl=8.14.1-r2']);

    await server.change(URI, 'FROM alpine:3.22\nRUN apk add --no-cache curl gcompat\n', 3);
    const curl = await server.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 25 } });
    const curlText = (curl.contents as MarkupContent).value;
    assert.ok(curlText.startsWith(`**curl** — URL retrieval utility and library\n\n\`8.14.1-r2\` · repository \`main\` · licence curl\n\n[Project](https://example.org/curl)\n\n_Alpine 3.22 (main and community, x86_64, index of ${today()})._`), curlText);
    const gcompat = (await server.request<Hover>('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 31 } })).contents as MarkupContent;
    assert.match(gcompat.value, /^\*\*gcompat\*\* — The GNU C Library compatibility layer for musl/);
    assert.match(gcompat.value, /glibc/i);
  });

  it('a corrupt index: a log line that says why, a status, no data, the server keeps serving', async () => {
    mirror.files.set(INDEX_PATHS[0], Buffer.from('<html>captive portal</html>'));
    const server = await start(options());
    const first = await server.open(URI, TEXT);
    assert.deepEqual(unknownPackages(first), []);
    const line = (): string | undefined => server.logs.find((entry) => entry.startsWith(`Alpine data: ${mirror.url}${INDEX_PATHS[0]}: `));
    await eventually(() => line() !== undefined && statuses.at(-1)?.busy === false, 'the failure logged, then idle');
    assert.match(line() ?? '', /: not a gzip'd index \(.+\); not tried again for an hour$/);
    assert.ok(statuses.some((status) => status.message.startsWith(`Could not fetch ${mirror.url}${INDEX_PATHS[0]}: not a gzip'd index`)), JSON.stringify(statuses));
    // Nothing was cached, and an edit does not ask the mirror again within the hour.
    const requests = mirror.requests.length;
    assert.deepEqual(unknownPackages(await server.change(URI, `${TEXT}RUN apk add git\n`, 2)), []);
    await server.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 25 } });
    assert.equal(mirror.requests.length, requests);
  });

  it('a client that does not say the workspace is trusted fetches nothing', async () => {
    const server = await start(options({ workspaceTrusted: undefined }));
    const first = await server.open(URI, TEXT);
    assert.deepEqual(unknownPackages(first), []);
    // A request after the open: its lint has run and any load it started has been asked for by now.
    await server.request('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 30 } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(mirror.requests, []);
  });
});
