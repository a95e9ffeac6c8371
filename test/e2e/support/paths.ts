/** Where things are: the repository, the e2e tool folder, code-server, Chromium, fixtures and outputs. */
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Tools installed by test/e2e/setup.sh (git-ignored). */
export const E2E_DIR = process.env.ALPINIST_E2E_DIR ?? path.join(REPO_ROOT, '.e2e');

export const CODE_SERVER_ENTRY = path.join(E2E_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

export const CHROMIUM = process.env.ALPINIST_E2E_CHROMIUM ?? '/usr/bin/chromium';

export const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures');
export const E2E_FIXTURES = path.join(REPO_ROOT, 'test', 'e2e', 'fixtures');

/** Where screenshots go: docs/images when regenerating them (`ALPINIST_E2E_SCREENSHOTS=docs/images`), else .e2e/screenshots. */
export const SCREENSHOT_DIR = path.resolve(REPO_ROOT, process.env.ALPINIST_E2E_SCREENSHOTS ?? path.join(E2E_DIR, 'screenshots'));
