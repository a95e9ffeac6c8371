/**
 * The packaged extension in a real VS Code: code-server (VS Code 1.100 server + web workbench) driven through headless
 * Chromium. Everything is checked through the rendered UI: squiggles, the Problems panel, hovers, the quick-fix menu,
 * settings edited in the settings editor, and the token inspector.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { makeHome, startCodeServer, type CodeServer } from './support/codeServer';
import { packagedVsix } from './support/packaging';
import { startupBreakdown } from './support/startupTimings';
import { E2E_FIXTURES, FIXTURES, SCREENSHOT_DIR } from './support/paths';
import type { Page } from './support/playwright';
import { Workbench, type Problem } from './support/workbench';

/** User settings of the fresh profile: no welcome page, no update checks, a stable look for screenshots. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.colorTheme': 'Default Dark Modern',
  'window.autoDetectColorScheme': false,
  'workbench.tips.enabled': false,
  'editor.minimap.enabled': false,
  'editor.cursorBlinking': 'solid',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  // Why: settings are typed into settings.json as a user would; without these the editor would add its own brackets.
  '[jsonc]': { 'editor.autoClosingBrackets': 'never', 'editor.autoClosingQuotes': 'never', 'editor.autoIndent': 'none', 'editor.formatOnType': false, 'editor.quickSuggestions': { other: false, comments: false, strings: false } },
};

/** The seed article's first example after the preferred quick fix, byte for byte. */
const SEED_AFTER_QUICK_FIX = `# The first example of "Using the Alpine Docker image": the cache is created and deleted in one RUN,
# and the python2-era package names no longer exist on current Alpine releases.
FROM alpine

RUN apk add --no-cache \\
    python \\
    python-dev \\
    py-pip \\
    build-base \\
  && pip install virtualenv
`;

const codesOn = (problems: Problem[]): string[] => problems.map((problem) => `${problem.code}@${problem.line}`).sort();
const timings: string[] = [];
const ms = (start: number): string => `${Math.round(performance.now() - start)} ms`;

describe('Alpinist in VS Code (code-server + Chromium)', function () {
  let home: string;
  let workspace: string;
  let server: CodeServer | undefined;
  let browser: RunningBrowser | undefined;
  let page: Page;
  let workbench: Workbench;

  before(async function () {
    const vsix = packagedVsix();
    home = makeHome('vscode');
    workspace = path.join(home, 'workspace');
    cpSync(path.join(E2E_FIXTURES, 'workspace'), workspace, { recursive: true });
    cpSync(path.join(FIXTURES, 'seed-first-example.Dockerfile'), path.join(workspace, 'seed.Dockerfile'));
    cpSync(path.join(E2E_FIXTURES, 'containerfile-only'), path.join(home, 'containerfile-only'), { recursive: true });
    const started = performance.now();
    // Why EXTENSIONS_GALLERY: without a gallery the workbench makes no requests to a marketplace it cannot reach.
    server = await startCodeServer({ home, vsixFiles: [vsix], userSettings: USER_SETTINGS, env: { EXTENSIONS_GALLERY: '{"serviceUrl":""}' } });
    timings.push(`code-server (install .vsix + start): ${ms(started)}`);
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  after(async function () {
    await browser?.stop();
    await server?.stop();
    if (home) rmSync(home, { recursive: true, force: true });
    for (const line of timings) process.stdout.write(`      ⏱ ${line}\n`);
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !page) return;
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `failed-${this.currentTest.title.replace(/\W+/g, '-')}.png`);
    await page.screenshot({ path: file }).catch(() => undefined);
    process.stdout.write(`      screenshot of the failure: ${file}\n`);
    // Leave no menu, palette or widget open for the next test.
    for (let count = 0; count < 3; count++) await page.keyboard.press('Escape');
  });

  async function screenshot(name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), clip, animations: 'disabled', caret: 'hide' });
  }

  it('activates on a Containerfile (its own window, nothing else open)', async function () {
    const containerPage = await browser!.newPage();
    try {
      const windowOpenedAt = Date.now();
      const window = await Workbench.open(containerPage, server!.url, path.join(home, 'containerfile-only'));
      const clicked = performance.now();
      const clickedAt = Date.now();
      await window.openFile('Containerfile');
      await containerPage.locator('.part.editor .monaco-editor [class*="squiggly-"]').first().waitFor({ timeout: 60_000 });
      timings.push(`open Containerfile → first Alpinist squiggle (activation included): ${ms(clicked)}`, ...(await startupBreakdown(server!.userDataDir, windowOpenedAt, clickedAt, Date.now())));
      await containerPage.locator('.part.statusbar').filter({ hasText: 'Docker' }).first().waitFor({ timeout: 5_000 });
      await window.waitForSquiggles({ on: [2], off: [1] });
      const problems = await window.waitForProblems('Containerfile', (rows) => rows.length > 0, 'Containerfile problems');
      assert.deepEqual(codesOn(problems), ['apk-prefer-no-cache@2']);
      assert.equal(problems[0].source, 'alpinist');
    } finally {
      await containerPage.close();
    }
  });

  it('activates on a Dockerfile: squiggles on the expected lines, Problems rows with source and rule id', async function () {
    const windowOpenedAt = Date.now();
    workbench = await Workbench.open(page, server!.url, workspace);
    const clicked = performance.now();
    const clickedAt = Date.now();
    await workbench.openFile('Dockerfile');
    await page.locator('.part.editor .monaco-editor [class*="squiggly-"]').first().waitFor({ timeout: 60_000 });
    timings.push(`open Dockerfile → first Alpinist squiggle (activation included): ${ms(clicked)}`, ...(await startupBreakdown(server!.userDataDir, windowOpenedAt, clickedAt, Date.now())));

    const expected = ['from-require-pinned-tag@1', 'apk-prefer-no-cache@3', 'no-foreign-package-manager@5'];
    const problems = await workbench.waitForProblems('Dockerfile', (rows) => expected.every((entry) => codesOn(rows).includes(entry)), `Problems rows ${expected.join(', ')}`);
    for (const problem of problems) assert.equal(problem.source, 'alpinist', JSON.stringify(problem));
    assert.equal(problems.find((problem) => problem.code === 'no-foreign-package-manager')?.severity, 'error');
    assert.equal(problems.find((problem) => problem.code === 'apk-prefer-no-cache')?.severity, 'warning');
    // Every problem is squiggled, and the clean WORKDIR (2) and COPY (4) lines are not.
    await workbench.waitForSquiggles({ on: problems.map((problem) => problem.line), off: [2, 4] });
    assert.ok((await workbench.squiggles()).some((squiggle) => squiggle.line === 5 && squiggle.severity === 'error'));
  });

  it("squiggles the seed article's first example (screenshot: squiggles.png)", async function () {
    await workbench.openFile('seed.Dockerfile');
    const expected = ['from-require-pinned-tag@3', 'apk-prefer-no-cache@5', 'apk-no-renamed-packages@6', 'apk-no-renamed-packages@7'];
    const problems = await workbench.waitForProblems('seed.Dockerfile', (rows) => expected.every((entry) => codesOn(rows).includes(entry)), `Problems rows ${expected.join(', ')}`);
    await workbench.waitForSquiggles({ on: problems.map((problem) => problem.line), off: [1, 2, 4] });
    await workbench.clearProblemsFilter();
    await page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'apk-prefer-no-cache' }).waitFor({ timeout: 5_000 });
    await workbench.clickAt(1, 1);
    await page.keyboard.press('Control+End');
    await screenshot('squiggles.png');
  });

  it('hovers: Alpine FROM shows the musl/glibc text, a diagnostic shows its message (screenshot: hover.png)', async function () {
    const fromHover = await workbench.hoverAt(3, 8, /musl/);
    const text = await fromHover.innerText();
    assert.match(text, /musl instead of glibc/);
    assert.match(text, /has no tag/, 'the diagnostic on `alpine` is part of the same hover');
    const box = await fromHover.boundingBox();
    const editorBox = await page.locator('.part.editor').boundingBox();
    if (box && editorBox) {
      await screenshot('hover.png', { x: editorBox.x, y: editorBox.y, width: Math.min(box.x + box.width + 24, editorBox.x + editorBox.width) - editorBox.x, height: box.y + box.height + 16 - editorBox.y });
    }

    const diagnosticHover = await workbench.hoverAt(5, 6, 'does the same in one flag and cannot be forgotten.');
    const diagnosticText = await diagnosticHover.innerText();
    assert.match(diagnosticText, /`apk add` without `--no-cache` relies on the later `rm -rf \/var\/cache\/apk\/\*` to drop the package index; `--no-cache` does the same in one flag and cannot be forgotten\./);
    assert.match(diagnosticText, /alpinist/);
    assert.match(diagnosticText, /apk-prefer-no-cache/);
    await page.mouse.move(1, 1);
  });

  it('quick fix (Ctrl+.) on `apk add --update-cache … && rm -rf /var/cache/apk/*` rewrites it to `apk add --no-cache` (screenshot: quick-fix.png)', async function () {
    await workbench.clickAt(5, 6);
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    await menu.waitFor({ state: 'visible', timeout: 10_000 });
    const focused = menu.locator('.monaco-list-row.action.focused');
    assert.equal(await focused.getAttribute('aria-label'), 'Add `--no-cache` to `apk add`', 'the preferred fix comes first');
    const titles = await menu.locator('.monaco-list-row.action').allInnerTexts();
    assert.ok(titles.some((title) => title.includes('Ignore `apk-prefer-no-cache` for this instruction')), titles.join(' | '));
    const editorBox = await page.locator('.part.editor').boundingBox();
    if (editorBox) await screenshot('quick-fix.png', { x: editorBox.x, y: editorBox.y, width: Math.min(editorBox.width, 760), height: 300 });

    await page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: 10_000 });
    await workbench.waitForProblems('seed.Dockerfile', (rows) => !rows.some((row) => row.code === 'apk-prefer-no-cache'), 'apk-prefer-no-cache to leave the Problems panel');
    const problems = await workbench.problems('seed.Dockerfile');
    assert.ok(!problems.some((problem) => problem.line === 5), JSON.stringify(problems));
    // The squiggle on `apk add` is gone; the others stay.
    await workbench.waitForSquiggles({ on: problems.map((problem) => problem.line), off: [1, 2, 4, 5] });
    await workbench.save();
    assert.equal(await workbench.waitForFileText('seed.Dockerfile', SEED_AFTER_QUICK_FIX), SEED_AFTER_QUICK_FIX);
  });

  it('"Fix All" (source.fixAll.alpinist) applies only the safe fixes', async function () {
    await workbench.openFile('fixall.Dockerfile');
    await workbench.waitForProblems('fixall.Dockerfile', (rows) => codesOn(rows).includes('apk-prefer-no-cache@2'), 'apk-prefer-no-cache on line 2');
    await workbench.runCommand('Fix All');
    await workbench.waitForProblems('fixall.Dockerfile', (rows) => !rows.some((row) => row.code === 'apk-prefer-no-cache'), 'the safe fix to apply');
    await workbench.save();
    // The tag fix is only a suggestion, so `FROM alpine` and its warning stay.
    const expected = 'FROM alpine\nRUN apk add --no-cache curl\nRUN apk add --no-cache git\n';
    assert.equal(await workbench.waitForFileText('fixall.Dockerfile', expected), expected);
    assert.ok(codesOn(await workbench.problems('fixall.Dockerfile')).includes('from-require-pinned-tag@1'));
  });

  it('fixes on save when editor.codeActionsOnSave asks for source.fixAll.alpinist, safe fixes only', async function () {
    await workbench.setWorkspaceSettings({ 'editor.codeActionsOnSave': { 'source.fixAll.alpinist': 'explicit' } });
    try {
      await workbench.openFile('onsave.Dockerfile');
      await workbench.waitForProblems('onsave.Dockerfile', (rows) => codesOn(rows).includes('apk-prefer-no-cache@2'), 'apk-prefer-no-cache on line 2');
      // A user edit (append ` bash` to line 2), then Ctrl+S.
      await workbench.clickAt(2, 5);
      await page.keyboard.press('End');
      await page.keyboard.type(' bash');
      await workbench.save();
      const expected = 'FROM alpine:latest\nRUN apk add --no-cache curl bash\n';
      assert.equal(await workbench.waitForFileText('onsave.Dockerfile', expected), expected);
    } finally {
      await workbench.setWorkspaceSettings({});
    }
  });

  it('turning a rule off in alpinist.rules removes its squiggles, turning it back on restores them', async function () {
    await workbench.openFile('rules.Dockerfile');
    await workbench.waitForProblems('rules.Dockerfile', (rows) => codesOn(rows).includes('apk-prefer-no-cache@2'), 'apk-prefer-no-cache on line 2');
    await workbench.waitForSquiggles({ on: [2] });
    await workbench.setWorkspaceSettings({ 'alpinist.rules': { 'apk-prefer-no-cache': 'off' } });
    await workbench.openFile('rules.Dockerfile');
    await workbench.waitForSquiggles({ off: [1, 2] });
    await workbench.waitForProblems('rules.Dockerfile', (rows) => rows.length === 0, 'no problems left');
    await workbench.setWorkspaceSettings({});
    await workbench.openFile('rules.Dockerfile');
    await workbench.waitForSquiggles({ on: [2] });
  });

  it('the injection grammar gives shell scopes to words inside RUN (Developer: Inspect Editor Tokens and Scopes)', async function () {
    await workbench.openFile('grammar.Dockerfile');
    const scopesAt = async (line: number, column: number): Promise<string> => {
      await workbench.clickAt(line, column);
      await workbench.runCommand('Developer: Inspect Editor Tokens and Scopes');
      const widget = page.locator('.token-inspect-widget');
      await widget.filter({ hasText: 'textmate scopes' }).waitFor({ state: 'visible', timeout: 10_000 });
      const text = await widget.innerText();
      await page.keyboard.press('Escape');
      await widget.waitFor({ state: 'hidden', timeout: 5_000 });
      return text;
    };
    // RUN apk add --no-cache curl && echo "$HOME" > /tmp/home
    const apk = await scopesAt(2, 6);
    assert.match(apk, /meta\.instruction\.run\.alpinist/, `the injection grammar is not active (is it in package.json contributes.grammars?):\n${apk}`);
    assert.match(apk, /support\.function\.apk\.alpinist/);
    assert.match(await scopesAt(2, 30), /keyword\.operator\.logical\.and\.shell/);
    assert.match(await scopesAt(2, 40), /variable\.other\.normal\.shell/);
  });
});
