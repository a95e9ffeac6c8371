/**
 * Drives a language server over stdio the way an editor does, and times it: process start to `initialize` result,
 * `didOpen` to `publishDiagnostics` for each corpus file, a 20k-line file on open and after a one-line change,
 * and the server's resident memory at the end (from /proc).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { applyEdit, median, oneLineEdit, positionOf, type CorpusFile } from './corpus';

export interface LspRun {
  readonly initializeMs: number;
  /** Median of the per-file didOpen → publishDiagnostics latencies over the corpus. */
  readonly openMedianMs: number;
  readonly open20kMs: number;
  readonly change20kMs: number;
  /** Resident memory after the corpus files are open, before the 20k-line file. */
  readonly rssCorpusMiB: number;
  /** Resident memory at the end, with the 20k-line file open too. */
  readonly rssMiB: number;
}

const CAPABILITIES = {
  workspace: { configuration: process.env.NO_CONFIG ? false : true, didChangeConfiguration: { dynamicRegistration: true } },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
  },
};

function rssMiB(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

/** Asks the server to exit the way an editor does (so `--cpu-prof` and the like can write), then makes sure it is gone. */
async function shutDown(client: MessageConnection, child: ChildProcess): Promise<void> {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const grace = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());
  try {
    await Promise.race([client.sendRequest('shutdown'), grace(2000)]);
    await client.sendNotification('exit');
  } catch {
    // A server that already died needs no shutdown.
  }
  await Promise.race([exited, grace(5000)]);
  client.dispose();
  child.kill();
}

/** One fresh server process, measured end to end. */
export async function measureServer(command: readonly string[], corpus: readonly CorpusFile[], big: string): Promise<LspRun> {
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'ignore'] });
  const client: MessageConnection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiters = new Map<string, (at: number) => void>();
  client.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number }) => {
    const at = performance.now();
    // Why the version: a server may first clear or republish an older version's diagnostics.
    const key = `${params.uri}#${params.version ?? ''}`;
    const waiter = waiters.get(key) ?? waiters.get(`${params.uri}#`);
    if (!waiter) return;
    waiters.delete(key);
    waiters.delete(`${params.uri}#`);
    waiter(at);
  });
  client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
  client.onRequest('client/registerCapability', () => null);
  client.onRequest('window/workDoneProgress/create', () => null);
  client.onNotification('window/logMessage', () => undefined);
  client.listen();
  try {
    const result = await client.sendRequest<{ capabilities: { textDocumentSync?: number | { change?: number } } }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: CAPABILITIES,
    });
    const initializeMs = performance.now() - started;
    await client.sendNotification('initialized', {});
    const sync = result.capabilities.textDocumentSync;
    const isIncremental = (typeof sync === 'number' ? sync : sync?.change) === 2;

    const diagnosticsFor = (uri: string, version: number): Promise<number> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} from ${command.join(' ')}`)), 60_000);
        const done = (at: number): void => {
          clearTimeout(timer);
          resolve(at);
        };
        // Servers that publish without a version are matched by uri alone.
        waiters.set(`${uri}#${version}`, done);
        waiters.set(`${uri}#`, done);
      });
    const open = async (uri: string, text: string): Promise<number> => {
      const received = diagnosticsFor(uri, 1);
      const sent = performance.now();
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
      return (await received) - sent;
    };

    const latencies: number[] = [];
    for (let index = 0; index < corpus.length; index++) latencies.push(await open(`file:///bench/corpus/${index}/Dockerfile`, corpus[index].text));
    const rssCorpusMiB = rssMiB(child);
    const bigUri = 'file:///bench/synthetic/Dockerfile';
    const open20kMs = await open(bigUri, big);
    const edit = oneLineEdit(big);
    const edited = applyEdit(big, edit);
    const position = positionOf(big, edit.offset);
    const change = isIncremental ? { range: { start: position, end: position }, text: edit.insert } : { text: edited };
    const received = diagnosticsFor(bigUri, 2);
    const sent = performance.now();
    await client.sendNotification('textDocument/didChange', { textDocument: { uri: bigUri, version: 2 }, contentChanges: [change] });
    const change20kMs = (await received) - sent;
    return { initializeMs, openMedianMs: median(latencies), open20kMs, change20kMs, rssCorpusMiB, rssMiB: rssMiB(child) };
  } finally {
    await shutDown(client, child);
  }
}
