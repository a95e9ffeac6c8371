/**
 * Child processes of the e2e tests: each runs in its own process group and is ended by its pid (the group), on
 * success, on failure and, as a last resort, when the test process itself exits.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';

const running = new Set<number>();

process.on('exit', () => {
  for (const pid of running) killGroup(pid, 'SIGKILL');
});
// Note: a runner stopped from outside (a CI timeout) gets SIGTERM, which would skip the 'exit' handler.
for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => process.exit(128 + (signal === 'SIGTERM' ? 15 : 1)));
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** A spawned process group with its collected output. */
export interface Spawned {
  readonly child: ChildProcess;
  readonly pid: number;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process has exited. */
  readonly exited: Promise<number | NodeJS.Signals>;
  /** Ends the process group: SIGTERM, then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts `command` in a new process group, collecting its output. */
export function spawnGroup(command: string, args: readonly string[], options: SpawnOptions = {}): Spawned {
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  // A missing binary is reported below; without a listener its 'error' event would end the test process.
  child.once('error', () => undefined);
  if (child.pid === undefined) throw new Error(`could not start ${command} (is it installed? \`bash test/e2e/setup.sh\` installs the e2e tools)`);
  const pid = child.pid;
  running.add(pid);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(pid);
      resolve(code ?? signal ?? -1);
    });
  });
  const stop = async (graceMs = 5000): Promise<void> => {
    if (!running.has(pid)) return;
    killGroup(pid, 'SIGTERM');
    const timer = new Promise<'timeout'>((resolve) => setTimeout(resolve, graceMs, 'timeout').unref());
    if ((await Promise.race([exited, timer])) === 'timeout') {
      killGroup(pid, 'SIGKILL');
      await exited;
    }
    // Note: the group may outlive its leader (an extension host, a language server); end the rest too.
    killGroup(pid, 'SIGKILL');
  };
  return { child, pid, output: () => output, exited, stop };
}

/** Waits until `predicate(output)` holds, failing early when the process exits or after `timeoutMs`. */
export async function waitForOutput(spawned: Spawned, predicate: (output: string) => boolean, timeoutMs: number, what: string): Promise<void> {
  if (predicate(spawned.output())) return;
  await new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (!predicate(spawned.output())) return;
      cleanup();
      resolve();
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; output:\n${spawned.output()}`));
    }, timeoutMs);
    const onExit = (code: unknown): void => {
      cleanup();
      reject(new Error(`process exited (${String(code)}) while waiting for ${what}; output:\n${spawned.output()}`));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      spawned.child.stdout?.off('data', check);
      spawned.child.stderr?.off('data', check);
      spawned.child.off('exit', onExit);
    };
    spawned.child.stdout?.on('data', check);
    spawned.child.stderr?.on('data', check);
    spawned.child.once('exit', onExit);
  });
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Marks a pid started by someone else (Chromium, started by Playwright) to be killed if the test process exits. */
export function trackPid(pid: number): () => void {
  running.add(pid);
  return () => running.delete(pid);
}
