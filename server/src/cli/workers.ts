/**
 * Lints many files on worker threads, or in this process when there are few. Each worker is the CLI bundle
 * itself started with `workerData`; it loads the shell parser's wasm once and then lints one job per message.
 * Results are stored by job index, so the output order never depends on which worker finished first.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { initShellParser } from '../shell/treeSitter';
import { lintJob } from './job';
import type { AlpineDataView } from '../knowledge/alpineData';
import type { FileResult, JobSettings, LintJob } from './types';

/**
 * Below this many files the in-process path wins: starting a worker (loading the bundle and compiling the wasm)
 * costs about as much as linting a few dozen Dockerfiles. Measured on 2 CPUs: the 158-file corpus took 0.87–0.94 s
 * in process and 1.18–1.44 s on two workers.
 */
const MIN_FILES_FOR_WORKERS = 200;
/** Files per worker before another worker pays off. */
const FILES_PER_WORKER = 32;
const MAX_WORKERS = 8;

const WORKER_ROLE = 'alpinist-lint-worker';

interface WorkerData {
  readonly role: typeof WORKER_ROLE;
  readonly settings: JobSettings;
}

interface Request {
  readonly index: number;
  readonly job: LintJob;
}
type Reply = { readonly ready: true } | { readonly index: number; readonly result: FileResult };

/** Worker threads to start for `files` files: `auto` picks by file count and CPUs; 1 means none. */
export function countWorkers(files: number, jobs: number | 'auto'): number {
  if (jobs !== 'auto') return Math.min(jobs, files) > 1 ? Math.min(jobs, files) : 0;
  if (files < MIN_FILES_FOR_WORKERS) return 0;
  const workers = Math.min(availableParallelism(), Math.ceil(files / FILES_PER_WORKER), MAX_WORKERS);
  return workers > 1 ? workers : 0;
}

/**
 * Lints `jobs` with `workers` threads (0: in this process); `onProgress` hears each finished file. Alpine data lives in
 * this process, so a run that has it lints here (`workers` is then ignored).
 */
export async function lintAll(jobs: readonly LintJob[], settings: JobSettings, workers: number, onProgress?: (done: number) => void, alpineData?: AlpineDataView): Promise<FileResult[]> {
  if (workers === 0 || alpineData) {
    await initShellParser();
    if (settings.shellcheck === undefined) {
      const results: FileResult[] = [];
      for (const job of jobs) {
        results.push(await lintJob(job, settings, alpineData));
        onProgress?.(results.length);
      }
      return results;
    }
    // Why all at once: each file's own analysis is synchronous, and ShellCheck's processes (bounded by the runner)
    // then work through every file's scripts while the next file is analysed.
    let finished = 0;
    return Promise.all(jobs.map((job) => lintJob(job, settings, alpineData).then((result) => (onProgress?.(++finished), result))));
  }
  const results: FileResult[] = new Array<FileResult>(jobs.length);
  let next = 0;
  let done = 0;
  const threads: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      // Note: a worker with nothing left to do stays idle until all are done; then every worker is terminated.
      const feed = (worker: Worker): void => {
        if (next < jobs.length) worker.postMessage({ index: next, job: jobs[next++] } satisfies Request);
      };
      for (let count = 0; count < workers; count++) {
        const worker = startWorker({ role: WORKER_ROLE, settings });
        threads.push(worker);
        worker.on('message', (reply: Reply) => {
          if ('index' in reply) {
            results[reply.index] = reply.result;
            onProgress?.(++done);
            if (done === jobs.length) resolve();
          }
          feed(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (done < jobs.length) reject(new Error(`A lint worker stopped with exit code ${code} before the run finished.`));
        });
      }
    });
  } finally {
    await Promise.all(threads.map((worker) => worker.terminate()));
  }
  return results;
}

/**
 * Note: bundled, every module's `__filename` is `dist/cli.js`, the entry that dispatches to `runWorker`. Run from
 * sources (tests, tsx), the worker needs the same TypeScript loader before it can load `cli.ts`.
 */
function startWorker(data: WorkerData): Worker {
  if (__filename.endsWith('.js')) return new Worker(__filename, { workerData: data });
  const entry = path.join(__dirname, '..', 'cli.ts');
  const loader = `require.resolve('tsx/cjs', { paths: [${JSON.stringify(__dirname)}] })`;
  return new Worker(`require(${loader}); require(${JSON.stringify(entry)});`, { eval: true, workerData: data });
}

/** True in a thread started by `lintAll`; the entry point then calls `runWorker` instead of the CLI. */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerData> | null)?.role === WORKER_ROLE;
}

/** The worker's side: announce readiness once the wasm is loaded, then answer each job. */
export async function runWorker(): Promise<void> {
  const { settings } = workerData as WorkerData;
  const port = parentPort;
  if (!port) return;
  await initShellParser();
  port.on('message', (request: Request) => {
    void lintJob(request.job, settings).then((result) => port.postMessage({ index: request.index, result } satisfies Reply));
  });
  port.postMessage({ ready: true } satisfies Reply);
}
