/**
 * code-server (VS Code's server and web workbench, from npm): install a .vsix into a fresh extensions dir, start it on
 * 127.0.0.1 with a random free port and a fresh user-data dir, and end it by its pid.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CODE_SERVER_ENTRY } from './paths';
import { findFreePort, spawnGroup, waitForOutput, type Spawned } from './processes';

export interface CodeServer {
  readonly url: string;
  readonly pid: number;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  output(): string;
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** A fresh temporary folder holding user data, extensions, config and XDG dirs. */
  readonly home: string;
  /** Packaged extensions to install before start. */
  readonly vsixFiles?: readonly string[];
  /** User settings written before start. */
  readonly userSettings?: Record<string, unknown>;
  /** Extra environment, seen by the extension host too. */
  readonly env?: Record<string, string>;
}

/** A fresh temporary folder for one code-server instance. */
export function makeHome(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `alpinist-e2e-${prefix}-`));
}

function environment(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  // Why: code-server writes a config file (with a password) into ~/.config on every start unless told where.
  return {
    ...process.env,
    CODE_SERVER_CONFIG: path.join(home, 'config.yaml'),
    XDG_CONFIG_HOME: path.join(home, 'xdg-config'),
    XDG_DATA_HOME: path.join(home, 'xdg-data'),
    XDG_CACHE_HOME: path.join(home, 'xdg-cache'),
    ...extra,
  };
}

function requireCodeServer(): void {
  if (!existsSync(CODE_SERVER_ENTRY)) {
    throw new Error(`code-server is not installed at ${CODE_SERVER_ENTRY}: run \`bash test/e2e/setup.sh\` first.`);
  }
}

/** Installs a .vsix with code-server's own CLI (`--install-extension`). */
export function installExtension(home: string, vsix: string): void {
  requireCodeServer();
  const output = execFileSync(process.execPath, [CODE_SERVER_ENTRY, '--extensions-dir', path.join(home, 'extensions'), '--user-data-dir', path.join(home, 'user-data'), '--install-extension', vsix], {
    env: environment(home),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
  });
  if (!/successfully installed/i.test(output)) throw new Error(`installing ${vsix} failed:\n${output}`);
}

/** Starts code-server and resolves once it listens; fails loudly (with its output) when it does not. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  requireCodeServer();
  const { home } = options;
  const userDataDir = path.join(home, 'user-data');
  const extensionsDir = path.join(home, 'extensions');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  if (options.userSettings) writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(options.userSettings, null, 2));
  for (const vsix of options.vsixFiles ?? []) installExtension(home, vsix);

  let lastError: unknown;
  // Note: the free port can be taken between finding and binding it; try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await findFreePort();
    const server: Spawned = spawnGroup(process.execPath, [
      CODE_SERVER_ENTRY,
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--user-data-dir', userDataDir,
      '--extensions-dir', extensionsDir,
    ], { env: environment(home, options.env), cwd: home });
    try {
      await waitForOutput(server, (output) => output.includes(`HTTP server listening on http://127.0.0.1:${port}`), 30_000, 'code-server to listen');
      return { url: `http://127.0.0.1:${port}`, pid: server.pid, userDataDir, extensionsDir, output: server.output, stop: () => server.stop() };
    } catch (error) {
      lastError = error;
      await server.stop();
      if (!server.output().includes('EADDRINUSE')) break;
    }
  }
  throw new Error(`code-server did not start: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}
