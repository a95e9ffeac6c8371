/**
 * Entry point of `alpinist` (bundled as dist/cli.js): the CLI in the main thread, a lint worker when started by
 * the CLI's worker pool with `workerData`. The CLI itself lives in `cli/`.
 */
import { readFileSync } from 'node:fs';
import { runCli } from './cli/index';
import { isLintWorker, runWorker } from './cli/workers';

export { runCli, type CliIo } from './cli/index';

function reportInternalError(error: unknown): void {
  process.stderr.write(`alpinist: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 2;
}

if (isLintWorker()) {
  runWorker().catch((error: unknown) => {
    // Why: rethrown outside the promise, the error reaches the main thread's 'error' handler and fails the run.
    setImmediate(() => {
      throw error;
    });
  });
} else if (require.main === module) {
  // Why: `alpinist lint … | head` closes the pipe early; that is the reader's choice, not an error to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit();
  });
  runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readFileSync(0, 'utf8'),
    isStdoutTTY: process.stdout.isTTY,
    isStderrTTY: process.stderr.isTTY,
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  }, reportInternalError);
}
