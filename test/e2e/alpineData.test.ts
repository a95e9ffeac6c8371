/**
 * Alpine data in a real VS Code (code-server + Chromium): with the mirror set in the user settings to a loopback
 * server this test starts (real gzip'd tar indexes), the packaged extension fetches the stage's index and offers its
 * package names in `apk add`: typing `cu` and asking for suggestions lists `curl` with its description.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { apkIndexArchive, BASE_PACKAGES, releasesJson } from '../support/alpineFixtures';
import { loopback, type Loopback } from '../support/loopback';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { makeHome, startCodeServer, type CodeServer } from './support/codeServer';
import { packagedVsix } from './support/packaging';
import { SCREENSHOT_DIR } from './support/paths';
import type { Page } from './support/playwright';
import { waitUntil, Workbench } from './support/workbench';

const DOCKERFILE = 'FROM alpine:3.22\nRUN apk add --no-cache curlx\n';

describe('Alpine data in VS Code (code-server + Chromium)', function () {
  let home: string;
  let mirror: Loopback;
  let server: CodeServer | undefined;
  let browser: RunningBrowser | undefined;
  let page: Page;
  let workbench: Workbench;

  before(async function () {
    const vsix = packagedVsix();
    mirror = await loopback(new Map<string, Buffer | 'hang'>([
      ['/alpine/v3.22/main/x86_64/APKINDEX.tar.gz', apkIndexArchive(BASE_PACKAGES)],
      ['/alpine/v3.22/community/x86_64/APKINDEX.tar.gz', apkIndexArchive([{ name: 'php85-fpm', version: '8.5.0-r0' }])],
      ['/alpine/releases.json', Buffer.from(releasesJson([{ branch: '3.22', released: '2025-05-30', eol: '2027-05-01' }]))],
    ]));
    home = makeHome('alpine-data');
    const workspace = path.join(home, 'workspace');
    mkdirSync(workspace, { recursive: true });
    writeFileSync(path.join(workspace, 'Dockerfile'), DOCKERFILE);
    server = await startCodeServer({
      home,
      vsixFiles: [vsix],
      userSettings: {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'extensions.autoCheckUpdates': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'alpinist.alpineData.mirror': `${mirror.url}/alpine`,
        'alpinist.alpineData.releasesUrl': `${mirror.url}/alpine/releases.json`,
      },
      // Why: the mirror is plain http on loopback, which the server admits only with this test switch.
      env: { EXTENSIONS_GALLERY: '{"serviceUrl":""}', ALPINIST_TEST_LOOPBACK_HTTP: '1' },
    });
    browser = await launchBrowser();
    page = await browser.newPage();
    workbench = await Workbench.open(page, server.url, workspace);
  });

  after(async function () {
    await browser?.stop();
    await server?.stop();
    await mirror?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !page) return;
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `failed-${this.currentTest.title.replace(/\W+/g, '-')}.png`);
    await page.screenshot({ path: file }).catch(() => undefined);
    process.stdout.write(`      screenshot of the failure: ${file}\n`);
  });

  it('fetches the index (a finding on an unknown package in Problems) and completes package names in apk add', async function () {
    await workbench.openFile('Dockerfile');
    // `curlx` is unknown to the index: the finding appears once the index is in.
    const problems = await workbench.waitForProblems('Dockerfile', (rows) => rows.some((row) => row.code === 'apk-unknown-package'), 'apk-unknown-package from the fetched index', 30_000);
    assert.match(problems.find((row) => row.code === 'apk-unknown-package')?.message ?? '', /`curlx` is neither a package nor provided by one in Alpine 3\.22/);
    assert.ok(await waitUntil(() => mirror.requests.some((request) => request.endsWith('/v3.22/main/x86_64/APKINDEX.tar.gz')), 5_000, 'the index to be fetched'));
    // Put the cursor after `cu` of `curlx`: delete `rlx`, then ask for suggestions.
    await workbench.clickAt(2, 28);
    await page.keyboard.press('End');
    for (let count = 0; count < 3; count++) await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+Space');
    const row = page.locator('.editor-widget.suggest-widget .monaco-list-row').filter({ hasText: 'curl' }).first();
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    const text = await row.innerText();
    assert.match(text, /curl/);
    assert.match(text, /URL retrieval utility and library/);
    await page.keyboard.press('Escape');
  });
});
