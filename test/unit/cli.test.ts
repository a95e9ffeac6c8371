/**
 * `alpinist lint` through `runCli(argv, io)` with a fake io and real files in a temporary directory.
 * Note: every run turns off all rules but `apk-prefer-no-cache`, so other rules changing cannot change these
 * expectations.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../server/src/cli';
import { allRules } from '../../server/src/rules';

const RULE = 'apk-prefer-no-cache';
const ONLY_RULE = allRules.filter((rule) => rule.id !== RULE).flatMap((rule) => ['--rule', `${rule.id}=off`]);
const CLEAN = 'FROM alpine:3.20\nRUN apk add --no-cache curl\n';
const DIRTY = 'FROM alpine:3.20\nRUN apk add curl\n';
const MESSAGE = '`apk add` without `--no-cache` leaves the package index in the image layer.';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function lint(argv: readonly string[], stdin = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...argv, ...ONLY_RULE], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => stdin,
  });
  return { code, stdout, stderr };
}

interface JsonResult {
  file: string;
  error?: string;
  findings: { ruleId: string; severity: string; message: string; range: unknown; fixes: { title: string; kind: string }[] }[];
}

describe('alpinist lint (runCli)', () => {
  let root: string;
  const file = (...parts: string[]): string => path.join(root, ...parts);
  const write = (relative: string, text: string): string => {
    fs.mkdirSync(path.dirname(file(relative)), { recursive: true });
    fs.writeFileSync(file(relative), text);
    return file(relative);
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'alpinist-cli-'));
  });
  afterEach(() => {
    fs.rmSync(root, { recursive: true, force: true });
  });

  describe('output and exit codes', () => {
    it('text: one line per finding and a summary; exit 1 on a warning', async () => {
      const dirty = write('Dockerfile', DIRTY);
      const result = await lint([dirty]);
      assert.deepEqual(result, { code: 1, stdout: `${dirty}:2:5: warning ${RULE}: ${MESSAGE}\n1 finding in 1 file.\n`, stderr: '' });
    });

    it('text: a clean file exits 0', async () => {
      const clean = write('Dockerfile', CLEAN);
      assert.deepEqual(await lint(['lint', clean]), { code: 0, stdout: '0 findings in 1 file.\n', stderr: '' });
    });

    it('json: file, findings with range and fixes', async () => {
      const dirty = write('a/Dockerfile', DIRTY);
      const clean = write('b/Dockerfile', CLEAN);
      const result = await lint(['--format', 'json', dirty, clean]);
      assert.equal(result.code, 1);
      const parsed = JSON.parse(result.stdout) as JsonResult[];
      assert.deepEqual(parsed.map((entry) => [entry.file, entry.findings.length]), [[dirty, 1], [clean, 0]]);
      const [finding] = parsed[0].findings;
      assert.deepEqual(
        { ruleId: finding.ruleId, severity: finding.severity, message: finding.message, range: finding.range },
        { ruleId: RULE, severity: 'warning', message: MESSAGE, range: { start: { line: 1, character: 4 }, end: { line: 1, character: 11 } } },
      );
      assert.ok(finding.fixes.some((fix) => fix.kind === 'safe' && fix.title === 'Add `--no-cache` to `apk add`'));
    });

    const thresholds: [string[], number][] = [
      [['--failure-threshold', 'error'], 0],
      [['--failure-threshold=warning'], 1],
      [['--failure-threshold', 'info'], 1],
      [['-t', 'hint'], 1],
      [['--failure-threshold', 'none'], 0],
      [['--rule', `${RULE}=error`, '--failure-threshold', 'error'], 1],
      [['--rule', `${RULE}=info`], 0],
      [['--rule', `${RULE}=info`, '--failure-threshold', 'info'], 1],
      [['--failure-threshold', 'style'], 1],
      [['--failure-threshold', 'ignore'], 0],
      [['--rule', 'DL3019=error', '-t', 'error'], 1],
      [['--ignore', 'DL3019'], 0],
    ];
    for (const [options, code] of thresholds) {
      it(`${options.join(' ')} on a warning exits ${code}`, async () => {
        const result = await lint([...options, write('Dockerfile', DIRTY)]);
        assert.equal(result.code, code, result.stdout);
      });
    }

    it('--rule sets the reported severity; =off silences the rule', async () => {
      const dirty = write('Dockerfile', DIRTY);
      assert.match((await lint(['--rule', `${RULE}=error`, dirty])).stdout, /:2:5: error apk-prefer-no-cache: /);
      assert.deepEqual(await lint([`--rule=${RULE}=off`, dirty]), { code: 0, stdout: '0 findings in 1 file.\n', stderr: '' });
    });

    it('help and version exit 0', async () => {
      const help = await lint(['--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /^Usage: alpinist lint/);
      const version = await lint(['lint', '-v']);
      assert.equal(version.code, 0);
      assert.match(version.stdout, /^\d+\.\d+\.\d+/);
    });
  });

  describe('usage errors exit 2 with a one-line reason', () => {
    const usage: [string, string[], string][] = [
      ['unknown option', ['--bogus'], 'alpinist: Unknown option "--bogus".'],
      ['unknown rule', ['--rule', 'no-such-rule=off'], 'alpinist: Unknown rule "no-such-rule". Rules: '],
      ['unknown severity', ['--rule', `${RULE}=loud`], `alpinist: Unknown severity "loud" for ${RULE}: use off, hint, info, warning, error.`],
      ['--rule without a severity', ['--rule', RULE], `alpinist: --rule needs ID=SEVERITY, got "${RULE}".`],
      ['--rule without a value', ['--rule'], 'alpinist: --rule needs a value.'],
      ['unknown format', ['--format', 'xml'], 'alpinist: Unknown format "xml": use text, json, sarif, checkstyle, github, gitlab, tty, codeclimate, gitlab_codeclimate, gnu, junit, sonarqube or codacy.'],
      ['unknown failure threshold', ['--failure-threshold', 'fatal'], 'alpinist: Unknown failure threshold "fatal"'],
      ['--jobs 0', ['--jobs', '0'], 'alpinist: --jobs needs a number from 1 or auto, got "0".'],
      ['--ignore of an unknown rule', ['--ignore', 'no-such-rule'], 'alpinist: Unknown rule "no-such-rule". Rules: '],
    ];
    for (const [name, argv, reason] of usage) {
      it(name, async () => {
        let stdout = '';
        let stderr = '';
        const code = await runCli(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), readStdin: () => '' });
        assert.equal(code, 2);
        assert.equal(stdout, '');
        const [first, second] = stderr.split('\n');
        assert.ok(first.startsWith(reason), first);
        assert.match(second, /^Usage: alpinist lint/);
      });
    }
  });

  describe('files', () => {
    it('a missing path exits 2 and still lints the other paths', async () => {
      const missing = file('missing', 'Dockerfile');
      const dirty = write('Dockerfile', DIRTY);
      const result = await lint([missing, dirty]);
      assert.equal(result.code, 2);
      assert.equal(result.stderr, `alpinist: ${missing}: no such file or directory\n`);
      assert.match(result.stdout, /:2:5: warning apk-prefer-no-cache: .*\n1 finding in 1 file\.\n$/);
    });

    it('a missing path alone exits 2', async () => {
      const result = await lint([file('nope')]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /nope: no such file or directory\n$/);
    });

    it('directories: Dockerfile, *.Dockerfile, Dockerfile.*, Containerfile, below skipped folders excluded', async () => {
      for (const name of ['Dockerfile', 'x.Dockerfile', 'Dockerfile.dev', 'Containerfile', 'sub/deep/Dockerfile', 'app.containerfile']) write(name, CLEAN);
      for (const name of ['README.md', 'Dockerfilex', 'docker-compose.yml', 'node_modules/pkg/Dockerfile', '.git/Dockerfile', 'sub/node_modules/Dockerfile']) write(name, DIRTY);
      const result = await lint(['--format', 'json', root]);
      assert.equal(result.code, 0, result.stdout);
      const files = (JSON.parse(result.stdout) as JsonResult[]).map((entry) => path.relative(root, entry.file));
      assert.deepEqual([...files].sort(), ['app.containerfile', 'Containerfile', 'Dockerfile', 'Dockerfile.dev', path.join('sub', 'deep', 'Dockerfile'), 'x.Dockerfile'].sort());
    });

    it('a skipped folder given explicitly is linted', async () => {
      const dirty = write('node_modules/Dockerfile', DIRTY);
      const result = await lint([file('node_modules')]);
      assert.equal(result.code, 1);
      assert.ok(result.stdout.startsWith(`${dirty}:2:5:`));
    });

    it('a directory without Dockerfiles exits 2', async () => {
      write('README.md', '# hi\n');
      const result = await lint([root]);
      assert.equal(result.code, 2);
      assert.equal(result.stderr, `alpinist: no Dockerfiles found in ${root}\n`);
    });

    it('no path lints ./Dockerfile', async () => {
      write('Dockerfile', DIRTY);
      const previous = process.cwd();
      process.chdir(root);
      try {
        const result = await lint([]);
        assert.equal(result.code, 1);
        assert.ok(result.stdout.startsWith(`Dockerfile:2:5: warning ${RULE}:`), result.stdout);
      } finally {
        process.chdir(previous);
      }
    });
  });

  describe('standard input', () => {
    it('- reads standard input, reported as --stdin-filename', async () => {
      const result = await lint(['-', '--stdin-filename', 'services/api/Dockerfile'], DIRTY);
      assert.deepEqual(result, { code: 1, stdout: `services/api/Dockerfile:2:5: warning ${RULE}: ${MESSAGE}\n1 finding in 1 file.\n`, stderr: '' });
    });

    it('- without --stdin-filename is reported as <stdin>', async () => {
      const result = await lint(['--format=json', '-'], CLEAN);
      assert.equal(result.code, 0);
      assert.deepEqual((JSON.parse(result.stdout) as JsonResult[]).map((entry) => [entry.file, entry.findings]), [['<stdin>', []]]);
    });
  });
});
