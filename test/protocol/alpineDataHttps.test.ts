/**
 * The built server (`dist/server.js`, started as an editor starts it) fetches Alpine data over HTTPS from a loopback
 * mirror with a self-signed certificate generated here with `openssl`: trusted through NODE_EXTRA_CA_CERTS it fetches
 * and republishes; untrusted, the log says why it failed and the server goes on with what it has.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ALPINE_DATA_STATUS_NOTIFICATION, type AlpineDataClientOptions, type AlpineDataStatus } from '../../server/src/protocol';
import { apkIndexArchive, BASE_PACKAGES, releasesJson } from '../support/alpineFixtures';
import { loopback, type Loopback } from '../support/loopback';

const SERVER = path.join(__dirname, '..', '..', 'dist', 'server.js');
const URI = 'file:///work/Dockerfile';
const TEXT = 'FROM alpine:3.22\nRUN apk add --no-cache curl curlx\n';

interface Started {
  readonly connection: MessageConnection;
  readonly child: ChildProcess;
  readonly logs: string[];
  readonly statuses: AlpineDataStatus[];
  /** Every publication for URI, in order. */
  readonly published: PublishDiagnosticsParams[];
}

async function startServer(env: NodeJS.ProcessEnv, alpineData: AlpineDataClientOptions): Promise<Started> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const started: Started = { connection, child, logs: [], statuses: [], published: [] };
  connection.onNotification('window/logMessage', (params: { message: string }) => void started.logs.push(params.message));
  connection.onNotification(ALPINE_DATA_STATUS_NOTIFICATION, (status: AlpineDataStatus) => void started.statuses.push(status));
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => void started.published.push(params));
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { alpineData } });
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'dockerfile', version: 1, text: TEXT } });
  return started;
}

async function eventually(condition: () => boolean, what: string, ms = 8000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('Alpine data over HTTPS (dist/server.js, self-signed loopback mirror)', function () {
  this.timeout(20_000);
  let directory: string;
  let mirror: Loopback | undefined;
  let server: Started | undefined;

  before(function () {
    if (!existsSync(SERVER)) {
      process.stdout.write('      (skipped: dist/server.js is missing; run npm run build first)\n');
      this.skip();
    }
    if (spawnSync('openssl', ['version']).status !== 0) {
      process.stdout.write('      (skipped: openssl is not installed, no certificate can be made)\n');
      this.skip();
    }
  });
  beforeEach(async function () {
    directory = mkdtempSync(path.join(os.tmpdir(), 'alpinist-https-'));
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(directory, 'key.pem'), '-out', path.join(directory, 'cert.pem'),
      '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
    if (made.status !== 0) {
      process.stdout.write(`      (skipped: openssl could not make a certificate: ${made.stderr.trim().split('\n')[0]})\n`);
      this.skip();
    }
    mirror = await loopback(new Map<string, Buffer | 'hang'>([
      ['/alpine/v3.22/main/x86_64/APKINDEX.tar.gz', apkIndexArchive(BASE_PACKAGES)],
      ['/alpine/v3.22/community/x86_64/APKINDEX.tar.gz', apkIndexArchive([{ name: 'php85-fpm', version: '8.5.0-r0' }])],
      ['/alpine/releases.json', Buffer.from(releasesJson([{ branch: '3.22', released: '2025-05-30', eol: '2027-05-01' }]))],
    ]), { key: readFileSync(path.join(directory, 'key.pem'), 'utf8'), cert: readFileSync(path.join(directory, 'cert.pem'), 'utf8') });
  });
  afterEach(async () => {
    server?.connection.dispose();
    server?.child.kill();
    server = undefined;
    await mirror?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const options = (): AlpineDataClientOptions => ({
    workspaceTrusted: true, mirror: `${mirror?.url ?? ''}/alpine`, releasesUrl: `${mirror?.url ?? ''}/alpine/releases.json`, storagePath: path.join(directory, 'storage'),
  });
  const environment = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: directory, ...extra });
  const unknown = (params: PublishDiagnosticsParams): boolean => params.uri === URI && params.diagnostics.some((diagnostic) => diagnostic.code === 'apk-unknown-package');

  it('fetches from a mirror whose certificate the server trusts, and republishes', async () => {
    server = await startServer(environment({ NODE_EXTRA_CA_CERTS: path.join(directory, 'cert.pem') }), options());
    const started = server;
    await eventually(() => started.published.some(unknown), 'a publication with apk-unknown-package');
    assert.equal(unknown(started.published[0]), false, 'the first publication did not wait');
    assert.ok(started.logs.some((line) => line.startsWith(`Alpine data: Fetched ${mirror?.url ?? ''}/alpine/v3.22/main/x86_64/APKINDEX.tar.gz: `)), started.logs.join('\n'));
    assert.equal(mirror?.requests.length, 3);
  });

  it('an untrusted certificate: a clear log line, no data, the server keeps serving', async () => {
    server = await startServer(environment({}), options());
    const started = server;
    const failed = (file: string): string | undefined => started.logs.find((line) => line.startsWith(`Alpine data: ${mirror?.url ?? ''}${file}: `));
    await eventually(() => failed('/alpine/v3.22/main/x86_64/APKINDEX.tar.gz') !== undefined && failed('/alpine/releases.json') !== undefined, 'the failures in the log');
    for (const file of ['/alpine/v3.22/main/x86_64/APKINDEX.tar.gz', '/alpine/releases.json']) {
      assert.match(failed(file) ?? '', /: self[- ]signed certificate; not tried again for an hour$/);
    }
    await eventually(() => started.statuses.at(-1)?.busy === false, 'idle');
    assert.ok(started.statuses.some((status) => status.message.startsWith('Could not fetch ') && status.message.includes('certificate')), JSON.stringify(started.statuses));
    assert.ok(started.published.length >= 1 && !started.published.some(unknown));
    // Still answering.
    const hover = await started.connection.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: { line: 1, character: 25 } });
    assert.ok(hover === null || typeof hover === 'object');
    assert.equal(started.child.exitCode, null);
  });
});
