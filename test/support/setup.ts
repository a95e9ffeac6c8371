/**
 * Mocha root hooks: the shell parser's wasm must be loaded before any analysis runs.
 * The process (and every server it starts) gets an empty home and user config directory, so a developer's own
 * `~/.config/hadolint.yaml` cannot change what the tests see.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { initShellParser } from '../../server/src/shell/treeSitter';

const emptyHome = fs.mkdtempSync(path.join(os.tmpdir(), 'alpinist-home-'));
process.env.HOME = emptyHome;
process.env.USERPROFILE = emptyHome;
process.env.XDG_CONFIG_HOME = path.join(emptyHome, '.config');
process.env.LOCALAPPDATA = path.join(emptyHome, 'AppData', 'Local');

export const mochaHooks = {
  async beforeAll(): Promise<void> {
    await initShellParser();
  },
  afterAll(): void {
    fs.rmSync(emptyHome, { recursive: true, force: true });
  },
};
