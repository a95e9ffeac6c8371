/**
 * hadolint's command line as a drop-in: its CI lines, flags, environment variables, output files and formats, with
 * `alpinist` in place of `hadolint`.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArguments, type CliOptions } from '../../../server/src/cli/args';
import { readEnvironment } from '../../../server/src/cli/environment';
import { onlyRules, runAlpinist, useTempDirectory } from '../../support/cliHarness';

const APK = 'FROM alpine:3.20\nRUN apk add curl\n';
const RULES = onlyRules('apk-prefer-no-cache');

function options(...argv: string[]): CliOptions {
  const parsed = parseArguments(argv);
  assert.equal(typeof parsed, 'object');
  return parsed as CliOptions;
}

describe('alpinist as hadolint', () => {
  const directory = useTempDirectory();
  beforeEach(() => directory.write('Dockerfile', APK));

  it('hadolint --format sarif --failure-threshold warning --ignore DL3008 Dockerfile works unchanged', async () => {
    const result = await runAlpinist(['--format', 'sarif', '--failure-threshold', 'warning', '--ignore', 'DL3008', 'Dockerfile', ...RULES]);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 1);
    const sarif = JSON.parse(result.stdout) as { runs: { results: { ruleId: string; properties: { aliases: string[] } }[] }[] };
    assert.deepEqual(sarif.runs[0].results.map((found) => [found.ruleId, found.properties.aliases]), [['apk-prefer-no-cache', ['DL3019']]]);
    assert.equal((await runAlpinist(['--format', 'sarif', '--failure-threshold', 'error', '--ignore', 'DL3008', 'Dockerfile', ...RULES])).code, 0);
  });

  describe('flags', () => {
    it('--no-fail exits 0 with findings', async () => {
      assert.equal((await runAlpinist(['Dockerfile', '--no-fail', ...RULES])).code, 0);
    });

    it('--error/--warning/--info/--style set severities (style is hint), repeatable, the last one winning', async () => {
      assert.deepEqual(options('--error', 'DL3019', '--style', 'apk-require-pinned-versions', '--info', 'DL3042').rules, {
        'apk-prefer-no-cache': 'error',
        'apk-require-pinned-versions': 'hint',
        'pip-require-no-cache-dir': 'info',
      });
      assert.deepEqual(options('--error', 'DL3019', '--warning', 'DL3019').rules, { 'apk-prefer-no-cache': 'warning' });
      const result = await runAlpinist(['-f', 'json', '--info', 'DL3019', '-t', 'warning', 'Dockerfile', ...RULES]);
      assert.equal(result.code, 0);
      assert.match(result.stdout, /"severity": "info"/);
    });

    it('ShellCheck codes take flags of their own: --ignore SC2086, --error SC2154, --rule SC2016=hint', () => {
      assert.deepEqual(options('--ignore', 'SC2086', '--error', 'SC2154', '--rule', 'SC2016=hint', '--ignore', 'DL3019').rules, {
        SC2086: 'off',
        SC2154: 'error',
        SC2016: 'hint',
        'apk-prefer-no-cache': 'off',
      });
      assert.throws(() => parseArguments(['--ignore', 'SC86']), /Unknown rule "SC86"/);
      assert.throws(() => parseArguments(['--rule', 'SC2086=loud']), /Unknown severity "loud" for SC2086/);
    });

    it('--ignore SC2086 silences that ShellCheck code only; --error SC2154 raises one (real ShellCheck)', async function () {
      const executable = (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'shellcheck')).find((file) => existsSync(file));
      if (!executable) this.skip();
      directory.write('Dockerfile', 'FROM alpine:3.22\nRUN echo $foo\n');
      const only = ['--shellcheck', executable, ...onlyRules('shellcheck')];
      const codes = (stdout: string): string[] => (JSON.parse(stdout) as { findings: { severity: string; message: string }[] }[]).flatMap((file) => file.findings.map((finding) => `${finding.message.slice(0, 6)} ${finding.severity}`)).sort();
      assert.deepEqual(codes((await runAlpinist(['-f', 'json', 'Dockerfile', ...only])).stdout), ['SC2086 info', 'SC2154 warning']);
      assert.deepEqual(codes((await runAlpinist(['-f', 'json', '--ignore', 'SC2086', '--error', 'SC2154', 'Dockerfile', ...only])).stdout), ['SC2154 error']);
      directory.write('.hadolint.yaml', 'ignored: [SC2154]\noverride:\n  error: [SC2086]\n');
      assert.deepEqual(codes((await runAlpinist(['-f', 'json', 'Dockerfile', ...only])).stdout), ['SC2086 error']);
    });

    it('--trusted-registry, --require-label and --strict-labels become rule options', () => {
      const parsed = options('--trusted-registry', 'docker.io', '--trusted-registry=*.example.com', '--require-label', 'maintainer:text', '--require-label', 'org.opencontainers.image.source:url', '--strict-labels');
      assert.deepEqual(parsed.trustedRegistries, ['docker.io', '*.example.com']);
      assert.deepEqual(parsed.labelSchema, { maintainer: 'text', 'org.opencontainers.image.source': 'url' });
      assert.equal(parsed.strictLabels, true);
      assert.throws(() => parseArguments(['--require-label', 'maintainer']), /--require-label needs LABEL:TYPE/);
      assert.throws(() => parseArguments(['--require-label', 'maintainer:colour']), /--require-label needs LABEL:TYPE/);
    });

    it('-V names the config file read', async () => {
      directory.write('.hadolint.yaml', 'ignored: [DL3008]\n');
      assert.equal((await runAlpinist(['-V', 'Dockerfile', ...RULES])).stderr, 'alpinist: config file: .hadolint.yaml\n');
    });

    it('--file-path-in-report names every finding’s file', async () => {
      const result = await runAlpinist(['-f', 'checkstyle', '--file-path-in-report', 'src/Dockerfile', 'Dockerfile', ...RULES]);
      assert.match(result.stdout, /<file name="src\/Dockerfile">/);
    });
  });

  describe('-o/--output', () => {
    it('writes the report to a file; - is stdout; the n-th -f goes with the n-th -o', async () => {
      const result = await runAlpinist(['-f', 'sarif', '-o', 'report.sarif', '-f', 'tty', '-o', '-', 'Dockerfile', ...RULES]);
      assert.equal(result.code, 1);
      assert.match(result.stdout, /^Dockerfile:2:5: warning apk-prefer-no-cache: /);
      assert.equal((JSON.parse(directory.read('report.sarif')) as { version: string }).version, '2.1.0');
    });

    it('-o FORMAT=FILE names the format of that output; later outputs take the last -f', async () => {
      await runAlpinist(['-o', 'junit=r.xml', '-f', 'gnu', '-o', 'a.txt', '-o', 'b.txt', 'Dockerfile', ...RULES]);
      assert.match(directory.read('r.xml'), /^<\?xml/);
      assert.match(directory.read('a.txt'), /^alpinist:Dockerfile:2\.5-12: apk-prefer-no-cache warning: /);
      assert.equal(directory.read('b.txt'), directory.read('a.txt'));
    });

    it('more formats than outputs is a usage error; an unwritable output exits 2', async () => {
      assert.equal((await runAlpinist(['-f', 'json', '-f', 'sarif', 'Dockerfile'])).code, 2);
      const result = await runAlpinist(['-o', path.join('missing', 'r.json'), 'Dockerfile', ...RULES]);
      assert.deepEqual([result.code, result.stderr], [2, `alpinist: ${path.join('missing', 'r.json')}: no such file or directory\n`]);
    });
  });

  describe('HADOLINT_* environment variables', () => {
    it('are read as hadolint reads them', () => {
      const read = readEnvironment({
        HADOLINT_NOFAIL: 'Yes',
        HADOLINT_FORMAT: 'json',
        HADOLINT_OVERRIDE_ERROR: 'DL3019, DL3042',
        HADOLINT_OVERRIDE_STYLE: 'DL3018',
        HADOLINT_IGNORE: 'DL3042,DL3008,SC2086',
        HADOLINT_ALLOWED_REGISTRIES: 'docker.io,gcr.io',
        HADOLINT_REQUIRE_LABELS: 'maintainer:text,broken',
        HADOLINT_STRICT_LABELS: 'off',
        HADOLINT_DISABLE_IGNORE_PRAGMA: 'true',
      });
      assert.deepEqual(read, {
        rules: { 'apk-prefer-no-cache': 'error', 'pip-require-no-cache-dir': 'off', 'apk-require-pinned-versions': 'hint', 'apt-require-pinned-versions': 'off', SC2086: 'off' },
        threshold: 'none',
        format: 'json',
        disableIgnorePragma: true,
        trustedRegistries: ['docker.io', 'gcr.io'],
        labelSchema: { maintainer: 'text' },
        strictLabels: false,
        verbose: false,
        warnings: ['ignoring "broken" in HADOLINT_REQUIRE_LABELS: expected LABEL:TYPE.'],
      });
      assert.deepEqual(readEnvironment({}), { rules: {}, threshold: undefined, format: undefined, disableIgnorePragma: undefined, trustedRegistries: undefined, labelSchema: undefined, strictLabels: undefined, verbose: false, warnings: [] });
      assert.deepEqual(readEnvironment({ HADOLINT_FAILURE_THRESHOLD: 'toString', HADOLINT_FORMAT: 'xml' }).warnings, [
        'ignoring HADOLINT_FAILURE_THRESHOLD="toString": use error, warning, info, style, hint or none.',
        'ignoring HADOLINT_FORMAT="xml": not a format Alpinist writes.',
      ]);
    });

    it('come after flags and before the config file', async () => {
      directory.write('.hadolint.yaml', 'failure-threshold: warning\nformat: json\n');
      const env = { HADOLINT_FAILURE_THRESHOLD: 'error', HADOLINT_FORMAT: 'gnu' };
      const fromEnvironment = await runAlpinist(['Dockerfile', ...RULES], { env });
      assert.equal(fromEnvironment.code, 0);
      assert.match(fromEnvironment.stdout, /^alpinist:Dockerfile:/);
      const fromFlags = await runAlpinist(['-t', 'warning', '-f', 'codacy', 'Dockerfile', ...RULES], { env });
      assert.equal(fromFlags.code, 1);
      assert.match(fromFlags.stdout, /^\{"filename":"Dockerfile","patternId":"apk-prefer-no-cache"/);
      const fromFile = await runAlpinist(['Dockerfile', ...RULES]);
      assert.equal(fromFile.code, 1);
      assert.match(fromFile.stdout, /^\[/);
      assert.equal((await runAlpinist(['Dockerfile', ...RULES], { env: { HADOLINT_IGNORE: 'DL3019' } })).code, 0);
      assert.equal((await runAlpinist(['Dockerfile', '--error', 'DL3019', ...RULES], { env: { HADOLINT_IGNORE: 'DL3019' } })).code, 1);
    });
  });

  describe("hadolint's formats", () => {
    const run = async (format: string) => (await runAlpinist(['-f', format, 'Dockerfile', ...RULES])).stdout;
    const message = '`apk add` without `--no-cache` leaves the package index in the image layer.';

    it('tty is the text format; gitlab_codeclimate the gitlab one', async () => {
      assert.equal(await run('tty'), await run('text'));
      assert.equal(await run('gitlab_codeclimate'), await run('gitlab'));
    });

    it('codeclimate: NUL-terminated issues', async () => {
      const output = await run('codeclimate');
      assert.ok(output.endsWith('\0'));
      const issues = output.split('\0').slice(0, -1).map((text) => JSON.parse(text) as Record<string, unknown>);
      assert.equal(issues.length, 1);
      const { fingerprint, ...issue } = issues[0];
      assert.match(String(fingerprint), /^[0-9a-f]{32}$/);
      assert.deepEqual(issue, {
        type: 'issue',
        check_name: 'apk-prefer-no-cache',
        description: message,
        categories: ['Bug Risk'],
        location: { path: 'Dockerfile', positions: { begin: { line: 2, column: 5 }, end: { line: 2, column: 12 } } },
        severity: 'major',
      });
    });

    it('gnu, codacy', async () => {
      assert.equal(await run('gnu'), `alpinist:Dockerfile:2.5-12: apk-prefer-no-cache warning: ${message}\n`);
      assert.equal(await run('codacy'), `${JSON.stringify({ filename: 'Dockerfile', patternId: 'apk-prefer-no-cache', message, line: 2 })}\n`);
    });

    it('sonarqube', async () => {
      assert.deepEqual(JSON.parse(await run('sonarqube')), {
        issues: [
          {
            engineId: 'Alpinist',
            ruleId: 'apk-prefer-no-cache',
            severity: 'MAJOR',
            type: 'CODE_SMELL',
            primaryLocation: { message, filePath: 'Dockerfile', textRange: { startLine: 2, endLine: 2, startColumn: 4, endColumn: 11 } },
          },
        ],
      });
    });

    it('junit: a failing case per finding, a passing case for a clean file', async () => {
      directory.write('clean.Dockerfile', 'FROM alpine:3.20\n');
      const output = (await runAlpinist(['-f', 'junit', 'Dockerfile', 'clean.Dockerfile', ...RULES])).stdout;
      assert.equal(
        output,
        [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<testsuites name="alpinist" tests="2" failures="1" errors="0">',
          '  <testsuite name="Dockerfile" tests="1" failures="1" errors="0">',
          '    <testcase name="apk-prefer-no-cache" classname="Dockerfile">',
          `      <failure type="warning" message="\`apk add\` without \`--no-cache\` leaves the package index in the image layer.">Dockerfile:2:5: warning apk-prefer-no-cache: ${message}</failure>`,
          '    </testcase>',
          '  </testsuite>',
          '  <testsuite name="clean.Dockerfile" tests="1" failures="0" errors="0">',
          '    <testcase name="alpinist" classname="clean.Dockerfile"/>',
          '  </testsuite>',
          '</testsuites>',
          '',
        ].join('\n'),
      );
    });

    it('every machine format names the rule; JSON and SARIF also its hadolint codes', async () => {
      for (const format of ['json', 'sarif', 'checkstyle', 'github', 'gitlab', 'codeclimate', 'gnu', 'junit', 'sonarqube', 'codacy']) {
        const output = await run(format);
        assert.ok(output.includes('apk-prefer-no-cache'), format);
        if (format === 'json' || format === 'sarif') assert.ok(output.includes('DL3019'), format);
      }
    });
  });
});
