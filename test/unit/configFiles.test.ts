import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, MAX_CONFIG_BYTES } from '../../server/src/config/configLocation';
import { configDirectoryOf, readUserConfig, readWorkspaceConfig, userConfigWatches } from '../../server/src/config/configFiles';

describe('config files for the language server', () => {
  let root: string;
  beforeEach(() => void (root = mkdtempSync(path.join(os.tmpdir(), 'alpinist-configfiles-'))));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('looks at the root of a workspace folder on disk, and nowhere else', () => {
    assert.equal(configDirectoryOf('file:///work/repo'), '/work/repo');
    assert.equal(configDirectoryOf('file:///work/my%20repo'), '/work/my repo');
    assert.equal(configDirectoryOf(''), undefined);
    assert.equal(configDirectoryOf('vscode-vfs://github/org/repo'), undefined);
  });

  it('reads the first file in the order the CLI uses, and none when there is none', async () => {
    assert.equal(await readWorkspaceConfig(root), undefined);
    assert.equal(await readWorkspaceConfig(path.join(root, 'missing')), undefined);
    writeFileSync(path.join(root, '.hadolint.yml'), 'ignored: [DL3019]\n');
    assert.deepEqual(await readWorkspaceConfig(root), { file: path.join(root, '.hadolint.yml'), rules: { 'apk-prefer-no-cache': 'off' }, disableIgnorePragma: false, ruleOptions: {}, warnings: [] });
    writeFileSync(path.join(root, '.alpinist.yml'), 'rules: { apk-prefer-no-cache: error }\n');
    assert.deepEqual((await readWorkspaceConfig(root))?.rules, { 'apk-prefer-no-cache': 'error' });
  });

  it('reports a config file it cannot read, with the reason', async () => {
    mkdirSync(path.join(root, '.alpinist.yaml'));
    writeFileSync(path.join(root, '.hadolint.yaml'), 'ignored: [DL3019]\n');
    await assert.rejects(readWorkspaceConfig(root), (error: unknown) => error instanceof ConfigError && error.message === `${path.join(root, '.alpinist.yaml')}: is a directory`);
    rmSync(path.join(root, '.alpinist.yaml'), { recursive: true });
    writeFileSync(path.join(root, '.alpinist.yaml'), Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x5b]));
    await assert.rejects(readWorkspaceConfig(root), ConfigError);
  });

  it('hands the rules trustedRegistries, label-schema and strict-labels', async () => {
    writeFileSync(path.join(root, '.hadolint.yaml'), 'trustedRegistries: [docker.io, "*.example.com"]\nlabel-schema:\n  maintainer: text\n  org.opencontainers.image.source: url\nstrict-labels: true\n');
    assert.deepEqual((await readWorkspaceConfig(root))?.ruleOptions, {
      trustedRegistries: ['docker.io', '*.example.com'],
      labelSchema: { maintainer: 'text', 'org.opencontainers.image.source': 'url' },
      strictLabels: true,
    });
  });

  it('refuses a config file that is not a regular file or is over 1 MiB, with a one-line reason', async function () {
    if (process.platform === 'win32') this.skip();
    symlinkSync('/dev/zero', path.join(root, '.alpinist.yaml'));
    await assert.rejects(readWorkspaceConfig(root), { message: `${path.join(root, '.alpinist.yaml')}: not a regular file; config files must be regular files` });
    rmSync(path.join(root, '.alpinist.yaml'));
    writeFileSync(path.join(root, '.alpinist.yaml'), `# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`);
    await assert.rejects(readWorkspaceConfig(root), { message: `${path.join(root, '.alpinist.yaml')}: ${MAX_CONFIG_BYTES + 3} bytes; config files are limited to ${MAX_CONFIG_BYTES} bytes (1 MiB)` });
  });

  it("reads the user's own file, and watches each directory for the names looked for in it", async () => {
    const environment = { env: {}, home: root, platform: 'linux' as const };
    assert.equal(await readUserConfig(environment), undefined);
    writeFileSync(path.join(root, '.hadolint.yaml'), 'disable-ignore-pragma: true\n');
    assert.deepEqual(await readUserConfig(environment), { file: path.join(root, '.hadolint.yaml'), rules: {}, disableIgnorePragma: true, ruleOptions: {}, warnings: [] });
    assert.deepEqual(userConfigWatches(environment), [
      { directory: path.join(root, '.config'), pattern: '{alpinist.yaml,alpinist.yml,hadolint.yaml,hadolint.yml}' },
      { directory: path.join(root, '.hadolint'), pattern: '{hadolint.yaml,hadolint.yml}' },
      { directory: path.join(root, 'hadolint'), pattern: '{config.yaml,config.yml}' },
      { directory: root, pattern: '{.hadolint.yaml,.hadolint.yml}' },
    ]);
  });
});
