/** Runs `runCli` in process with a fake io, and gives each test a temporary directory to run in. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../server/src/cli';
import { allRules } from '../../server/src/rules';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  readonly stdin?: string;
  readonly isStdoutTTY?: boolean;
  readonly isStderrTTY?: boolean;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export async function runAlpinist(argv: readonly string[], options: CliRunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => options.stdin ?? '',
    isStdoutTTY: options.isStdoutTTY,
    isStderrTTY: options.isStderrTTY,
    env: options.env,
  });
  return { code, stdout, stderr };
}

/** `--rule <id>=off` for every rule but `ids`, so rules added later cannot change a test's expectations. */
export function onlyRules(...ids: string[]): string[] {
  return allRules.filter((rule) => !ids.includes(rule.id)).flatMap((rule) => ['--rule', `${rule.id}=off`]);
}

export interface TempDirectory {
  /** The directory's absolute path. */
  readonly root: string;
  /** Writes `text` to `relative` (creating folders) and returns the relative path. */
  write(relative: string, text: string): string;
  read(relative: string): string;
}

/**
 * A fresh temporary directory per test, made the current directory so reported paths are short and the same on
 * every machine; the previous directory is restored afterwards.
 */
export function useTempDirectory(): TempDirectory {
  let root = '';
  let previous = '';
  beforeEach(() => {
    previous = process.cwd();
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'alpinist-cli-')));
    process.chdir(root);
  });
  afterEach(() => {
    process.chdir(previous);
    fs.rmSync(root, { recursive: true, force: true });
  });
  return {
    get root() {
      return root;
    },
    write(relative, text) {
      fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      fs.writeFileSync(path.join(root, relative), text);
      return relative;
    },
    read(relative) {
      return fs.readFileSync(path.join(root, relative), 'utf8');
    },
  };
}
