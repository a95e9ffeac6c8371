/**
 * The packaged extension in a real VS Code (code-server + headless Chromium): "Split into compile and runtime stages"
 * from the Refactor menu on the FROM line of the seed article's virtual-packages example, applied once.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { makeHome, startCodeServer, type CodeServer } from './support/codeServer';
import { packagedVsix } from './support/packaging';
import { FIXTURES, SCREENSHOT_DIR } from './support/paths';
import type { Page } from './support/playwright';
import { Workbench } from './support/workbench';

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'editor.minimap.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
};
const SPLIT = 'Split into compile and runtime stages';

describe('Alpinist refactoring in VS Code (code-server + Chromium)', function () {
  let home: string;
  let server: CodeServer | undefined;
  let browser: RunningBrowser | undefined;
  let page: Page;

  before(async function () {
    const vsix = packagedVsix();
    home = makeHome('refactor');
    const workspace = path.join(home, 'workspace');
    mkdirSync(workspace);
    copyFileSync(path.join(FIXTURES, 'seed-virtual-packages.Dockerfile'), path.join(workspace, 'Dockerfile'));
    server = await startCodeServer({ home, vsixFiles: [vsix], userSettings: USER_SETTINGS, env: { EXTENSIONS_GALLERY: '{"serviceUrl":""}' } });
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  after(async function () {
    await browser?.stop();
    await server?.stop();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !page) return;
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `failed-${this.currentTest.title.replace(/\W+/g, '-')}.png`);
    await page.screenshot({ path: file }).catch(() => undefined);
    process.stdout.write(`      screenshot of the failure: ${file}\n`);
  });

  it('applies "Split into compile and runtime stages" from the Refactor menu on the FROM line', async function () {
    const workbench = await Workbench.open(page, server!.url, path.join(home, 'workspace'));
    await workbench.openFile('Dockerfile');
    // The analysis is there once `FROM alpine` (no tag) is squiggled.
    await workbench.waitForProblems('Dockerfile', (rows) => rows.some((row) => row.code === 'from-require-pinned-tag'), 'from-require-pinned-tag on line 3', 60_000);
    await workbench.clickAt(3, 2);
    await workbench.runCommand('Refactor...');
    const menu = page.locator('.action-widget');
    await menu.waitFor({ state: 'visible', timeout: 10_000 });
    await menu.locator('.monaco-list-row.action').filter({ hasText: SPLIT }).first().waitFor({ timeout: 10_000 });
    // Why the keyboard: the action widget lays a pointer-blocking layer over the editor, as a user's arrow keys would.
    const focused = menu.locator('.monaco-list-row.action.focused');
    for (let step = 0; step < 5 && (await focused.getAttribute('aria-label')) !== SPLIT; step++) await page.keyboard.press('ArrowDown');
    assert.equal(await focused.getAttribute('aria-label'), SPLIT);
    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: 10_000 });
    await workbench.waitForProblems('Dockerfile', (rows) => !rows.some((problem) => problem.code === 'copy-manifest-before-install'), 'copy-manifest-before-install to leave');
    await workbench.save();
    const expected = readFileSync(path.join(FIXTURES, 'seed-virtual-packages.split.Dockerfile'), 'utf8');
    assert.equal(await workbench.waitForFileText('Dockerfile', expected), expected);
  });
});
