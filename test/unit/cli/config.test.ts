/**
 * Config files: Alpinist's own keys and hadolint's `.hadolint.yaml`, discovery and precedence in the current
 * directory and the user's own files, flags over files, and broken files (one line, exit 2, no stack trace).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../../../server/src/config/config';
import { findUserConfigFile, userConfigCandidates, type UserEnvironment } from '../../../server/src/config/configLocation';
import { onlyRules, runAlpinist, useTempDirectory } from '../../support/cliHarness';

interface Case {
  readonly name: string;
  readonly yaml: string;
  readonly rules?: Record<string, string>;
  readonly threshold?: string;
  readonly disableIgnorePragma?: boolean;
  readonly ruleOptions?: Record<string, unknown>;
  readonly format?: string;
  readonly color?: boolean;
  readonly verbose?: boolean;
  /** Whole warnings, without the `<file>: ` prefix. */
  readonly warnings?: readonly string[];
}

const cases: Case[] = [
  { name: 'empty file', yaml: '' },
  { name: 'only comments', yaml: '# nothing yet\n' },
  { name: 'Alpinist rules by id', yaml: 'rules:\n  apk-prefer-no-cache: error\n  no-unused-suppression: off\n', rules: { 'apk-prefer-no-cache': 'error', 'no-unused-suppression': 'off' } },
  { name: 'Alpinist rules by hadolint code', yaml: 'rules:\n  DL3019: info\n', rules: { 'apk-prefer-no-cache': 'info' } },
  { name: 'YAML 1.1 `off` written as false', yaml: 'rules:\n  apk-prefer-no-cache: false\n', rules: { 'apk-prefer-no-cache': 'off' } },
  { name: 'hadolint ignored: codes map to their rules; unknown DL codes are hadolint’s; a ShellCheck code stays itself', yaml: 'ignored:\n  - DL3019\n  - DL3008\n  - DL9999\n  - SC2086\n', rules: { 'apk-prefer-no-cache': 'off', 'apt-require-pinned-versions': 'off', SC2086: 'off' } },
  { name: 'hadolint ignored by Alpinist id', yaml: 'ignored: [from-require-pinned-tag]\n', rules: { 'from-require-pinned-tag': 'off' } },
  { name: 'one code stands for the whole rule', yaml: 'override:\n  error: [DL3007]\n', rules: { 'from-require-pinned-tag': 'error' } },
  {
    name: 'hadolint override levels, style is hint',
    yaml: 'override:\n  error: [DL3019]\n  warning: [DL3042]\n  info: [DL3018]\n  style: [apk-no-renamed-packages]\n',
    rules: { 'apk-prefer-no-cache': 'error', 'pip-require-no-cache-dir': 'warning', 'apk-require-pinned-versions': 'info', 'apk-no-renamed-packages': 'hint' },
  },
  { name: 'ignored wins over override, rules over both', yaml: 'override:\n  error: [DL3019, DL3042]\nignored: [DL3019, DL3042]\nrules:\n  pip-require-no-cache-dir: warning\n', rules: { 'apk-prefer-no-cache': 'off', 'pip-require-no-cache-dir': 'warning' } },
  { name: 'failure-threshold', yaml: 'failure-threshold: error\n', threshold: 'error' },
  { name: 'hadolint failure-threshold style', yaml: 'failure-threshold: style\n', threshold: 'hint' },
  { name: 'no-fail: true never fails', yaml: 'failure-threshold: info\nno-fail: true\n', threshold: 'none' },
  { name: 'disable-ignore-pragma', yaml: 'disable-ignore-pragma: true\n', disableIgnorePragma: true },
  { name: 'disable-ignore-pragma: false', yaml: 'disable-ignore-pragma: false\n' },
  { name: 'disable-ignore-pragma must be a boolean', yaml: 'disable-ignore-pragma: yes please\n', warnings: ['ignoring "disable-ignore-pragma": expected true or false, got "yes please".'] },
  {
    name: 'trustedRegistries, label-schema, strict-labels, format, no-color, verbose',
    yaml: 'trustedRegistries: [docker.io, " gcr.io ", 3]\nlabel-schema:\n  maintainer: text\n  version: semver\n  bad: colour\nstrict-labels: true\nformat: sarif\nno-color: true\nverbose: true\n',
    ruleOptions: { trustedRegistries: ['docker.io', 'gcr.io'], labelSchema: { maintainer: 'text', version: 'semver' }, strictLabels: true },
    format: 'sarif',
    color: false,
    verbose: true,
    warnings: [
      'ignoring 3 in "trustedRegistries": expected a registry name such as docker.io or *.example.com.',
      'ignoring "label-schema.bad": expected one of text, url, semver, hash, rfc3339, spdx, email, got "colour".',
    ],
  },
  { name: 'an empty trustedRegistries list is kept (no registry is trusted is not the same as unset)', yaml: 'trustedRegistries: []\nstrict-labels: false\n', ruleOptions: { trustedRegistries: [], strictLabels: false } },
  { name: 'wrong shapes of the rule options', yaml: 'label-schema: [a]\nstrict-labels: yes\nformat: 3\n', warnings: ['ignoring "strict-labels": expected true or false, got "yes".', 'ignoring "label-schema": expected a mapping of label names to types, got a list.', 'ignoring "format": expected a format name, got 3.'] },
  {
    name: 'thousands of bad entries: twenty warnings and a count',
    yaml: `rules:\n${Array.from({ length: 5000 }, (_, i) => `  nope${i}: error`).join('\n')}\n`,
    warnings: [...Array.from({ length: 20 }, (_, i) => `ignoring "nope${i}" in "rules.nope${i}": there is no Alpinist rule or hadolint code with that name.`), '4980 more entries ignored.'],
  },
  { name: 'unknown keys are ignored with a warning', yaml: 'foo: 1\n', warnings: ['ignoring unknown key "foo".'] },
  { name: 'prototype names are not levels', yaml: 'override:\n  constructor: [DL3019]\n  toString: [DL3019]\n', warnings: ['ignoring "override.constructor": use error, warning, info or style.', 'ignoring "override.toString": use error, warning, info or style.'] },
  { name: 'prototype names are not thresholds', yaml: 'failure-threshold: constructor\n', warnings: ['ignoring "failure-threshold": expected error, warning, info, style, hint or none, got "constructor".'] },
  {
    name: 'invalid values are ignored with a warning',
    yaml: 'rules:\n  apk-prefer-no-cache: loud\n  no-such-rule: error\nignored: DL3019\noverride:\n  fatal: [DL3019]\n  error: [not-a-rule, 3]\nfailure-threshold: 2\nno-fail: maybe\n',
    warnings: [
      'ignoring "override.fatal": use error, warning, info or style.',
      'ignoring "not-a-rule" in "override.error": there is no Alpinist rule or hadolint code with that name.',
      'ignoring 3 in "override.error": there is no Alpinist rule or hadolint code with that name.',
      'ignoring "ignored": expected a list, got "DL3019".',
      'ignoring "rules.apk-prefer-no-cache": expected one of off, hint, info, warning, error, got "loud".',
      'ignoring "no-such-rule" in "rules.no-such-rule": there is no Alpinist rule or hadolint code with that name.',
      'ignoring "failure-threshold": expected error, warning, info, style, hint or none, got 2.',
      'ignoring "no-fail": expected true or false, got "maybe".',
    ],
  },
  { name: 'rules must be a mapping', yaml: 'rules: [apk-prefer-no-cache]\n', warnings: ['ignoring "rules": expected a mapping of rule ids to severities, got a list.'] },
];

const broken: [string, string, string][] = [
  ['an unclosed flow sequence', 'ignored: [DL3018\n', 'cfg.yaml:2:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ['a tab as indentation', 'rules:\n\tapk-prefer-no-cache: off\n', 'cfg.yaml:2:1: invalid YAML: Tabs are not allowed as indentation'],
  ['a duplicate key', 'ignored: []\nignored: [DL3019]\n', 'cfg.yaml:2:1: invalid YAML: Map keys must be unique'],
  ['a duplicate nested key', 'label-schema:\n  a: text\n  b: url\n  a: url\n', 'cfg.yaml:4:3: invalid YAML: Map keys must be unique'],
  [
    'a billion laughs',
    `a: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`).join('\n')}\n`,
    'cfg.yaml: invalid YAML: more than 100 alias expansions (a config file needs none)',
  ],
  ['a list at the top', '- DL3019\n', 'cfg.yaml: expected a mapping of options, got a list.'],
  ['a scalar at the top', 'DL3019\n', 'cfg.yaml: expected a mapping of options, got "DL3019".'],
];

/** Where the user's files are looked for, in order, without their `.yml` twins (each comes right after its `.yaml`). */
const userLocations: [string, UserEnvironment, string[]][] = [
  [
    'XDG_CONFIG_HOME set',
    { env: { XDG_CONFIG_HOME: '/x/conf' }, home: '/home/u', platform: 'linux' },
    ['/x/conf/alpinist', '/x/conf/hadolint', '/home/u/.config/hadolint', '/home/u/.hadolint/hadolint', '/home/u/hadolint/config', '/home/u/.hadolint'],
  ],
  [
    'XDG_CONFIG_HOME unset: ~/.config, listed once',
    { env: {}, home: '/home/u', platform: 'darwin' },
    ['/home/u/.config/alpinist', '/home/u/.config/hadolint', '/home/u/.hadolint/hadolint', '/home/u/hadolint/config', '/home/u/.hadolint'],
  ],
  [
    'a relative XDG_CONFIG_HOME is ignored, as the XDG specification says',
    { env: { XDG_CONFIG_HOME: 'conf' }, home: '/home/u', platform: 'linux' },
    ['/home/u/.config/alpinist', '/home/u/.config/hadolint', '/home/u/.hadolint/hadolint', '/home/u/hadolint/config', '/home/u/.hadolint'],
  ],
  [
    'Windows: %LOCALAPPDATA% instead of XDG_CONFIG_HOME',
    { env: { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local', XDG_CONFIG_HOME: '/x/conf' }, home: 'C:\\Users\\u', platform: 'win32' },
    [
      'C:\\Users\\u\\AppData\\Local\\alpinist', 'C:\\Users\\u\\AppData\\Local\\hadolint', 'C:\\Users\\u\\.config\\hadolint',
      'C:\\Users\\u\\.hadolint\\hadolint', 'C:\\Users\\u\\hadolint\\config', 'C:\\Users\\u\\.hadolint',
    ],
  ],
  ['no home directory', { env: {}, home: '', platform: 'linux' }, []],
];

describe('alpinist lint: config files', () => {
  describe('userConfigCandidates', () => {
    for (const [name, environment, stems] of userLocations) {
      it(name, () => assert.deepEqual(userConfigCandidates(environment), stems.flatMap((stem) => [`${stem}.yaml`, `${stem}.yml`])));
    }

    it('findUserConfigFile takes the first that exists', () => {
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'alpinist-user-'));
      try {
        const environment: UserEnvironment = { env: {}, home, platform: 'linux' };
        assert.equal(findUserConfigFile(environment), undefined);
        fs.writeFileSync(path.join(home, '.hadolint.yml'), '');
        assert.equal(findUserConfigFile(environment), path.join(home, '.hadolint.yml'));
        fs.mkdirSync(path.join(home, '.config'));
        fs.writeFileSync(path.join(home, '.config', 'hadolint.yaml'), '');
        assert.equal(findUserConfigFile(environment), path.join(home, '.config', 'hadolint.yaml'));
        fs.writeFileSync(path.join(home, '.config', 'alpinist.yml'), '');
        assert.equal(findUserConfigFile(environment), path.join(home, '.config', 'alpinist.yml'));
      } finally {
        fs.rmSync(home, { recursive: true, force: true });
      }
    });
  });

  describe('parseConfig', () => {
    for (const { name, yaml, rules = {}, threshold, disableIgnorePragma = false, ruleOptions = {}, format, color, verbose = false, warnings = [] } of cases) {
      it(name, () => {
        const config = parseConfig(yaml, 'cfg.yaml');
        assert.deepEqual(config, { rules, threshold, disableIgnorePragma, ruleOptions, format, color, verbose, warnings: warnings.map((warning) => `cfg.yaml: ${warning}`) });
      });
    }
    for (const [name, yaml, message] of broken) {
      it(`broken: ${name}`, () => assert.throws(() => parseConfig(yaml, 'cfg.yaml'), { message }));
    }
  });

  describe('runCli', () => {
    const directory = useTempDirectory();
    const RULES = onlyRules('apk-prefer-no-cache', 'from-require-pinned-tag');
    const DIRTY = 'FROM alpine:3.20\nRUN apk add curl\n';
    const lint = (...argv: string[]) => runAlpinist(['lint', ...argv, ...RULES]);
    beforeEach(() => directory.write('Dockerfile', DIRTY));

    it('.hadolint.yaml in the current directory is read', async () => {
      directory.write('.hadolint.yaml', 'ignored: [DL3019]\n');
      assert.deepEqual(await lint('Dockerfile'), { code: 0, stdout: '0 findings in 1 file.\n', stderr: '' });
    });

    it('.alpinist.yaml comes before .hadolint.yaml, and only one file is read', async () => {
      directory.write('.hadolint.yaml', 'ignored: [DL3019]\n');
      directory.write('.alpinist.yaml', 'rules:\n  apk-prefer-no-cache: error\n');
      const result = await lint('Dockerfile', '-t', 'error');
      assert.equal(result.code, 1);
      assert.match(result.stdout, /^Dockerfile:2:5: error apk-prefer-no-cache: /);
    });

    it('--config names the file; --no-config reads none', async () => {
      directory.write('.alpinist.yaml', 'ignored: [DL3019]\n');
      directory.write('ci/strict.yaml', 'failure-threshold: error\noverride:\n  error: [DL3019]\n');
      assert.equal((await lint('Dockerfile', '--config', 'ci/strict.yaml', '-t', 'error')).code, 1);
      assert.equal((await lint('Dockerfile')).code, 0);
      assert.equal((await lint('Dockerfile', '--no-config')).code, 1);
    });

    describe("the user's own file", () => {
      // The tests' setup gives the process an empty home and XDG_CONFIG_HOME.
      const userFile = path.join(process.env.XDG_CONFIG_HOME ?? '', 'hadolint.yaml');
      beforeEach(() => fs.mkdirSync(path.dirname(userFile), { recursive: true }));
      afterEach(() => fs.rmSync(userFile, { force: true }));

      it('is read when the current directory has no config file, and named by its absolute path', async () => {
        fs.writeFileSync(userFile, 'ignored: [DL3019]\nverbose: maybe\n');
        assert.deepEqual(await lint('Dockerfile'), {
          code: 0,
          stdout: '0 findings in 1 file.\n',
          stderr: `alpinist: warning: ${userFile}: ignoring "verbose": expected true or false, got "maybe".\n`,
        });
      });

      it('is not read when the current directory has one, nor with --config or --no-config', async () => {
        fs.writeFileSync(userFile, 'ignored: [DL3019]\n');
        directory.write('.hadolint.yaml', 'ignored: [DL3007]\n');
        assert.equal((await lint('Dockerfile')).code, 1);
        directory.write('other.yaml', 'ignored: [DL3007]\n');
        assert.equal((await lint('Dockerfile', '--config', 'other.yaml')).code, 1);
        fs.rmSync(path.join(directory.root, '.hadolint.yaml'));
        assert.equal((await lint('Dockerfile')).code, 0);
        assert.equal((await lint('Dockerfile', '--no-config')).code, 1);
      });

      it('broken: one line naming it, exit 2', async () => {
        fs.writeFileSync(userFile, 'ignored: [DL3018\n');
        assert.deepEqual(await lint('Dockerfile'), { code: 2, stdout: '', stderr: `alpinist: ${userFile}:2:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n` });
      });
    });

    it('suppression comments do nothing with --disable-ignore-pragma or the file’s disable-ignore-pragma', async () => {
      directory.write('Dockerfile', 'FROM alpine:3.20\n# hadolint ignore=DL3019\nRUN apk add curl\n');
      assert.equal((await lint('Dockerfile')).code, 0);
      const flagged = await lint('Dockerfile', '--disable-ignore-pragma', '--format', 'json');
      assert.equal(flagged.code, 1);
      assert.deepEqual((JSON.parse(flagged.stdout) as { findings: { ruleId: string }[] }[])[0].findings.map((finding) => finding.ruleId), ['apk-prefer-no-cache']);
      directory.write('.hadolint.yaml', 'disable-ignore-pragma: true\n');
      assert.equal((await lint('Dockerfile')).code, 1);
      assert.equal((await lint('Dockerfile', '--jobs', '2', 'Dockerfile', 'Dockerfile')).code, 1);
    });

    it('flags win over the file: --failure-threshold, --rule, --ignore', async () => {
      directory.write('.hadolint.yaml', 'failure-threshold: error\noverride:\n  info: [DL3019]\n');
      assert.equal((await lint('Dockerfile')).code, 0);
      assert.equal((await lint('Dockerfile', '-t', 'info')).code, 1);
      assert.equal((await lint('Dockerfile', '--rule', 'apk-prefer-no-cache=error')).code, 1);
      assert.equal((await lint('Dockerfile', '--rule', 'DL3019=error', '--ignore', 'DL3019')).code, 0);
    });

    it('an explicit severity equal to the default wins over the one the rule picks: flag, flag over file, file', async () => {
      const only = onlyRules('apk-no-renamed-packages');
      const run = (...argv: string[]) => runAlpinist(['lint', ...only, ...argv]);
      directory.write('Dockerfile', 'FROM alpine:3.20\nRUN apk add --no-cache python\n');
      // The rule's default is warning; a package gone from the release is reported as an error unless the user says.
      const unset = await run('--no-config', '-t', 'error', 'Dockerfile');
      assert.equal(unset.code, 1, unset.stdout);
      assert.match(unset.stdout, /^Dockerfile:2:24: error apk-no-renamed-packages: /);
      const flag = await run('--no-config', '--rule', 'apk-no-renamed-packages=warning', '-t', 'error', 'Dockerfile');
      assert.equal(flag.code, 0, flag.stdout);
      assert.match(flag.stdout, /^Dockerfile:2:24: warning apk-no-renamed-packages: .*\n1 finding in 1 file\.\n$/);
      directory.write('.alpinist.yaml', 'rules:\n  apk-no-renamed-packages: error\n');
      assert.equal((await run('--rule', 'apk-no-renamed-packages=warning', '-t', 'error', 'Dockerfile')).code, 0);
      directory.write('.alpinist.yaml', 'rules:\n  apk-no-renamed-packages: warning\n');
      assert.equal((await run('-t', 'error', 'Dockerfile')).code, 0);
      directory.write('.alpinist.yaml', 'override:\n  warning: [apk-no-renamed-packages]\n');
      assert.equal((await run('-t', 'error', 'Dockerfile')).code, 0);
    });

    it('thresholds and levels that are keys of every object are refused', async () => {
      const refused = await lint('-t', 'toString', 'Dockerfile');
      assert.equal(refused.code, 2);
      assert.match(refused.stderr, /Unknown failure threshold "toString"/);
      directory.write('.hadolint.yaml', 'failure-threshold: constructor\noverride:\n  constructor: [DL3019]\n');
      const result = await lint('Dockerfile');
      assert.equal(result.code, 1, 'the default threshold (warning) applies');
      assert.match(result.stderr, /ignoring "failure-threshold"/);
      assert.match(result.stderr, /ignoring "override\.constructor"/);
    });

    it('the file’s failure-threshold applies when no flag sets one', async () => {
      directory.write('.hadolint.yaml', 'failure-threshold: error\n');
      assert.equal((await lint('Dockerfile')).code, 0);
      directory.write('.hadolint.yaml', 'no-fail: true\noverride:\n  error: [DL3019]\n');
      assert.equal((await lint('Dockerfile')).code, 0);
    });

    it('warnings go to stderr, one line each, and the run goes on', async () => {
      directory.write('.hadolint.yaml', 'trustedRegistries: docker.io\nignored: [DL3019, nonsense]\n');
      assert.deepEqual(await lint('Dockerfile'), {
        code: 0,
        stdout: '0 findings in 1 file.\n',
        stderr: 'alpinist: warning: .hadolint.yaml: ignoring "nonsense" in "ignored": there is no Alpinist rule or hadolint code with that name.\nalpinist: warning: .hadolint.yaml: ignoring "trustedRegistries": expected a list, got "docker.io".\n',
      });
    });

    it('broken YAML: one line on stderr, exit 2, nothing linted', async () => {
      directory.write('.hadolint.yaml', 'ignored: [DL3018\n');
      assert.deepEqual(await lint('Dockerfile'), { code: 2, stdout: '', stderr: 'alpinist: .hadolint.yaml:2:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n' });
    });

    it('a config file that is a link to /dev/zero, or over 1 MiB: one line, exit 2', async function () {
      if (process.platform === 'win32') this.skip();
      fs.symlinkSync('/dev/zero', path.join(directory.root, '.hadolint.yaml'));
      assert.deepEqual(await lint('Dockerfile'), { code: 2, stdout: '', stderr: 'alpinist: .hadolint.yaml: not a regular file; config files must be regular files\n' });
      directory.write('big.yaml', `ignored: []\n${'#'.repeat(2 * 1024 * 1024)}\n`);
      assert.deepEqual(await lint('Dockerfile', '-c', 'big.yaml'), { code: 2, stdout: '', stderr: `alpinist: big.yaml: ${2 * 1024 * 1024 + 13} bytes; config files are limited to 1048576 bytes (1 MiB)\n` });
    });

    it('a billion-laughs config file: one line, exit 2, no stack trace', async () => {
      const laughs = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let level = 1; level < 9; level++) laughs.push(`l${level}: &l${level} [${Array(9).fill(level === 1 ? '*a' : `*l${level - 1}`).join(', ')}]`);
      directory.write('.hadolint.yaml', `${laughs.join('\n')}\n`);
      assert.deepEqual(await lint('Dockerfile'), { code: 2, stdout: '', stderr: 'alpinist: .hadolint.yaml: invalid YAML: more than 100 alias expansions (a config file needs none)\n' });
    });

    it('-t toString and -t constructor are refused', async () => {
      for (const name of ['toString', 'constructor', '__proto__']) {
        const result = await lint('Dockerfile', '-t', name);
        assert.equal(result.code, 2, name);
        assert.match(result.stderr, new RegExp(`^alpinist: Unknown failure threshold "${name}"`));
      }
    });

    it('a missing or unreadable --config: one line, exit 2', async () => {
      assert.deepEqual(await lint('Dockerfile', '--config', 'nope.yaml'), { code: 2, stdout: '', stderr: 'alpinist: nope.yaml: no such file or directory\n' });
      assert.deepEqual(await lint('Dockerfile', '-c', '.'), { code: 2, stdout: '', stderr: 'alpinist: .: is a directory\n' });
    });

    it('--ignore takes Alpinist ids and hadolint codes, including ones Alpinist does not implement', async () => {
      assert.equal((await lint('Dockerfile', '--ignore', 'apk-prefer-no-cache')).code, 0);
      assert.equal((await lint('Dockerfile', '--ignore', 'DL3019', '--ignore', 'DL3008')).code, 0);
      const unknown = await lint('Dockerfile', '--ignore', 'nonsense');
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /^alpinist: Unknown rule "nonsense"\. Rules: /);
    });
  });
});
