/**
 * Runs ShellCheck on scripts, safely:
 * - never when the workspace is untrusted: `isTrusted` is asked before every process start;
 * - the script goes to ShellCheck on standard input only; its command line holds fixed options and the dialect, never
 *   Dockerfile text; no shell is involved (`spawn` with an argument list), and no rc file is read (`--norc`);
 * - at most `maxProcesses` processes at a time, the others queued; each killed after `timeoutMs` (its script then
 *   has no findings, and one line is logged);
 * - results cached by (ShellCheck version, dialect, script text), so an edit re-checks only the RUNs it changed.
 */
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { EXCLUDED_CHECKS, parseJson1, type ShellCheckComment } from '../shellcheck/findings';
import type { Dialect } from '../shellcheck/dialect';

export interface ShellCheckRunnerOptions {
  /** An absolute path (see `findExecutable`). */
  readonly executable: string;
  /** Asked before every process start; false: nothing starts. */
  readonly isTrusted: () => boolean;
  readonly maxProcesses?: number;
  readonly timeoutMs?: number;
  /** Scripts whose results are kept. */
  readonly cacheEntries?: number;
  /** One line per problem (a timeout, a failed start), for the output channel or standard error. */
  readonly log?: (line: string) => void;
}

export const DEFAULT_MAX_PROCESSES = 2;
export const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_CACHE_ENTRIES = 2000;
/** More output than any script's findings fill; a process that writes more is stopped. */
const MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

interface ProcessResult {
  readonly stdout: string;
  readonly code: number | null;
  readonly failure?: string;
}

/** Thrown (as a rejected promise) when a process would start in an untrusted workspace. */
export class UntrustedWorkspaceError extends Error {
  constructor() {
    super('ShellCheck does not run in an untrusted workspace.');
  }
}

export class ShellCheckRunner {
  readonly executable: string;
  private readonly options: ShellCheckRunnerOptions;
  private readonly maxProcesses: number;
  private readonly timeoutMs: number;
  private readonly cacheEntries: number;
  private running = 0;
  private readonly queue: (() => void)[] = [];
  private readonly cache = new Map<string, ShellCheckComment[]>();
  private readonly pending = new Map<string, Promise<ShellCheckComment[] | undefined>>();
  private versionPromise: Promise<string | undefined> | undefined;
  /** Processes started, for tests and the bench. */
  started = 0;

  constructor(options: ShellCheckRunnerOptions) {
    this.options = options;
    this.executable = options.executable;
    this.maxProcesses = Math.max(1, options.maxProcesses ?? DEFAULT_MAX_PROCESSES);
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.cacheEntries = options.cacheEntries ?? DEFAULT_CACHE_ENTRIES;
  }

  /** ShellCheck's version (`0.9.0`), read once with `--version`; undefined when it does not answer as ShellCheck. */
  version(): Promise<string | undefined> {
    if (!this.versionPromise) {
      this.versionPromise = this.run(['--version'], '').then((result) => {
        const version = result.failure === undefined ? readVersion(result.stdout) : undefined;
        if (version === undefined) this.options.log?.(`ShellCheck at ${this.executable} did not report a version${result.failure ? ` (${result.failure})` : ''}; ShellCheck is off.`);
        return version;
      });
      // Why: a refusal (untrusted) must not stick; trust may be granted later.
      this.versionPromise.catch(() => (this.versionPromise = undefined));
    }
    return this.versionPromise;
  }

  /**
   * ShellCheck's comments on `script` read as `dialect`; undefined when ShellCheck failed or timed out (one line to
   * `report`, else to the runner's log). Rejects with `UntrustedWorkspaceError` in an untrusted workspace, before any
   * process starts.
   */
  async check(script: string, dialect: Dialect, report?: (line: string) => void): Promise<ShellCheckComment[] | undefined> {
    if (!this.options.isTrusted()) throw new UntrustedWorkspaceError();
    const problem = report ?? ((line: string) => this.options.log?.(line));
    const version = await this.version();
    if (version === undefined) return undefined;
    const shell = dialect === 'busybox' && !supportsBusybox(version) ? 'sh' : dialect;
    const key = `${version}\u0000${shell}\u0000${script}`;
    const cached = this.cache.get(key);
    if (cached) {
      // Most recently used last: the oldest entry is the first the map iterates.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const inFlight = this.pending.get(key);
    if (inFlight) return inFlight;
    const promise = this.run(['--norc', '--format=json1', `--shell=${shell}`, `--exclude=${EXCLUDED_CHECKS.join(',')}`, '-'], script).then((result) => {
      if (result.failure !== undefined) {
        problem(result.failure);
        return undefined;
      }
      const comments = result.code === 0 || result.code === 1 ? parseJson1(result.stdout) : undefined;
      if (!comments) {
        problem(`ShellCheck exited with code ${result.code} without json1 output; its findings for this script are left out.`);
        return undefined;
      }
      this.remember(key, comments);
      return comments;
    });
    this.pending.set(key, promise);
    try {
      return await promise;
    } finally {
      this.pending.delete(key);
    }
  }

  private remember(key: string, comments: ShellCheckComment[]): void {
    this.cache.set(key, comments);
    if (this.cache.size > this.cacheEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }

  /** Runs ShellCheck with `args`, `input` on standard input, once a process slot is free. */
  private async run(args: readonly string[], input: string): Promise<ProcessResult> {
    await this.slot();
    try {
      // Note: asked again right before the start, as trust can change while a request waits for a slot.
      if (!this.options.isTrusted()) throw new UntrustedWorkspaceError();
      return await this.spawnOnce(args, input);
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }

  private slot(): Promise<void> {
    if (this.running < this.maxProcesses) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.queue.push(() => {
        this.running++;
        resolve();
      });
    });
  }

  private spawnOnce(args: readonly string[], input: string): Promise<ProcessResult> {
    return new Promise((resolve) => {
      this.started++;
      const child = spawn(this.executable, args, {
        // Why a fixed directory and environment: nothing of the workspace (an rc file, variables) reaches ShellCheck,
        // and a UTF-8 locale makes it read the script as UTF-8 whatever the user's locale.
        cwd: tmpdir(),
        env: { PATH: process.env.PATH ?? '', LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' },
        shell: false,
        stdio: ['pipe', 'pipe', 'ignore'],
        windowsHide: true,
      });
      const chunks: Buffer[] = [];
      let size = 0;
      let settled = false;
      const finish = (result: ProcessResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish({ stdout: '', code: null, failure: `ShellCheck did not finish within ${this.timeoutMs / 1000} s and was stopped; its findings for this script are left out.` });
      }, this.timeoutMs);
      child.stdout.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_OUTPUT_BYTES) {
          child.kill('SIGKILL');
          finish({ stdout: '', code: null, failure: 'ShellCheck wrote more output than any script needs and was stopped.' });
          return;
        }
        chunks.push(chunk);
      });
      child.on('error', (error) => finish({ stdout: '', code: null, failure: `ShellCheck could not be started (${this.executable}): ${error.message}` }));
      child.on('close', (code) => finish({ stdout: Buffer.concat(chunks).toString('utf8'), code }));
      // Why: a process that exits without reading its input makes the write fail with EPIPE; the exit code tells.
      child.stdin.on('error', () => undefined);
      child.stdin.end(input, 'utf8');
    });
  }
}

/** `version: 0.9.0` from `shellcheck --version`. */
export function readVersion(output: string): string | undefined {
  for (const line of output.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('version:')) continue;
    const version = trimmed.slice('version:'.length).trim();
    return version.split('.').every((part) => part !== '' && [...part].every((character) => character >= '0' && character <= '9')) ? version : undefined;
  }
  return undefined;
}

/** ShellCheck checks BusyBox sh (`--shell=busybox`) from version 0.10.0 on. */
export function supportsBusybox(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  return major > 0 || minor >= 10;
}
