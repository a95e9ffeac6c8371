/**
 * A second real client: headless Neovim (0.7, Debian's `neovim`) with the small Lua config in neovim/init.lua starts
 * `node dist/server.js --stdio` for the dockerfile filetype; neovim/collect.lua writes what the client got as JSON.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundledServer } from './support/packaging';
import { E2E_FIXTURES, REPO_ROOT } from './support/paths';
import { spawnGroup } from './support/processes';

interface NeovimReport {
  readonly error?: string;
  readonly filetype: string;
  readonly lsp: { code: string; source: string; severity: number; message: string; range: { start: { line: number; character: number } } }[];
  readonly neovim: { lnum: number; col: number; severity: number; source: string; message: string }[];
  readonly codeActions: { title: string; isPreferred: boolean }[];
  readonly hover: string | null;
}

const NEOVIM_DIR = path.join(REPO_ROOT, 'test', 'e2e', 'neovim');

/** Opens `file` (in a copy of its folder) in headless Neovim and returns the collected report. */
async function collect(fixtureFolder: string, file: string): Promise<NeovimReport> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'alpinist-e2e-nvim-'));
  try {
    const folder = path.join(home, 'workspace');
    cpSync(fixtureFolder, folder, { recursive: true });
    const out = path.join(home, 'report.json');
    const xdg = (name: string): string => {
      mkdirSync(path.join(home, name), { recursive: true });
      return path.join(home, name);
    };
    const nvim = spawnGroup('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(NEOVIM_DIR, 'init.lua'), file, '-c', `luafile ${path.join(NEOVIM_DIR, 'collect.lua')}`], {
      cwd: folder,
      env: { ...process.env, ALPINIST_SERVER: bundledServer(), ALPINIST_OUT: out, ALPINIST_TIMEOUT: '20000', XDG_CONFIG_HOME: xdg('config'), XDG_DATA_HOME: xdg('data'), XDG_STATE_HOME: xdg('state'), XDG_CACHE_HOME: xdg('cache') },
    });
    const timer = setTimeout(() => void nvim.stop(), 40_000);
    const code = await nvim.exited;
    clearTimeout(timer);
    await nvim.stop();
    let report: NeovimReport;
    try {
      report = JSON.parse(readFileSync(out, 'utf8')) as NeovimReport;
    } catch {
      throw new Error(`Neovim exited with ${String(code)} and wrote no report; output:\n${nvim.output()}`);
    }
    assert.equal(report.error, undefined, `Neovim: ${report.error}\n${nvim.output()}`);
    assert.equal(code, 0, nvim.output());
    return report;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

describe('Alpinist in Neovim (headless, built-in LSP client over stdio)', function () {
  it('publishes diagnostics for a Dockerfile, with code actions and a musl hover', async function () {
    const report = await collect(path.join(E2E_FIXTURES, 'workspace'), 'Dockerfile');
    assert.equal(report.filetype, 'dockerfile');
    const ours = report.lsp.filter((diagnostic) => diagnostic.source === 'alpinist');
    const found = ours.map((diagnostic) => `${diagnostic.code}@${diagnostic.range.start.line + 1}`);
    for (const expected of ['from-require-pinned-tag@1', 'apk-prefer-no-cache@3', 'no-foreign-package-manager@5']) assert.ok(found.includes(expected), `${expected} in ${found.join(', ')}`);
    // Neovim's own view of them (0-based lines, severities 1 = error … 4 = hint).
    assert.ok(report.neovim.some((diagnostic) => diagnostic.lnum === 4 && diagnostic.severity === 1 && diagnostic.source === 'alpinist'), JSON.stringify(report.neovim));
    assert.ok(report.neovim.some((diagnostic) => diagnostic.lnum === 2 && diagnostic.severity === 2 && /--no-cache/.test(diagnostic.message)));
    assert.deepEqual(report.codeActions.filter((action) => action.isPreferred).map((action) => action.title), ['Add `--no-cache` to `apk add`']);
    assert.match(report.hover ?? '', /musl/);
  });

  it('treats a Containerfile as a Dockerfile', async function () {
    const report = await collect(path.join(E2E_FIXTURES, 'containerfile-only'), 'Containerfile');
    assert.equal(report.filetype, 'dockerfile');
    assert.deepEqual(report.lsp.filter((diagnostic) => diagnostic.source === 'alpinist').map((diagnostic) => `${diagnostic.code}@${diagnostic.range.start.line + 1}`), ['apk-prefer-no-cache@2']);
  });
});
