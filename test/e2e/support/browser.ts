/** Headless Debian Chromium driven by playwright-core; ended by its pid. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM } from './paths';
import { loadChromium, type Browser, type Page } from './playwright';
import { trackPid } from './processes';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface RunningBrowser {
  readonly browser: Browser;
  readonly pid: number;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  stop(): Promise<void>;
}

export async function launchBrowser(): Promise<RunningBrowser> {
  const chromium = loadChromium();
  // Why a home of its own: Chromium keeps crash reports and dconf caches under ~/.config and ~/.cache otherwise.
  const home = mkdtempSync(path.join(os.tmpdir(), 'alpinist-e2e-chromium-'));
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_CACHE_HOME: path.join(home, 'cache') };
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 30_000, env });
  const pid = server.process().pid;
  if (pid === undefined) throw new Error('Chromium started without a pid');
  const untrack = trackPid(pid);
  const browser = await chromium.connect(server.wsEndpoint(), { timeout: 30_000 });
  return {
    browser,
    pid,
    async newPage(viewport = { width: 1280, height: 800 }) {
      const context = await browser.newContext({ viewport });
      return context.newPage();
    },
    async stop() {
      await browser.close().catch(() => undefined);
      await server.close().catch(() => undefined);
      try {
        process.kill(pid, 0);
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
      untrack();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
