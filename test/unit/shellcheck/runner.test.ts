/**
 * The ShellCheck runner with fake `shellcheck` programs (a slow one, one that records its argv and input) and, when
 * installed, the real one (CI installs Debian's package; locally the real-ShellCheck tests skip with a message).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { analyze } from '../../../server/src/analysis/analysis';
import { findExecutable } from '../../../server/src/tools/findExecutable';
import { shellCheckFindings } from '../../../server/src/tools/shellcheckDocument';
import { readVersion, ShellCheckRunner, supportsBusybox, UntrustedWorkspaceError } from '../../../server/src/tools/shellcheckRunner';
import { runAlpinist } from '../../support/cliHarness';

const DOCKERFILE = 'FROM debian:12\nARG SECRET_MARKER\nRUN echo "$SECRET_MARKER" && echo $b\n';

let directory = '';
function fakeShellCheck(name: string, body: string): string {
  const file = path.join(directory, name);
  fs.writeFileSync(file, `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "version: 0.9.0"; exit 0; fi\n${body}\n`, { mode: 0o755 });
  return file;
}

describe('shellcheck runner', function () {
  if (process.platform === 'win32') return;
  before(() => (directory = fs.mkdtempSync(path.join(os.tmpdir(), 'alpinist-shellcheck-'))));
  after(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('passes the script on standard input only, never on the command line', async () => {
    const log = path.join(directory, 'argv.log');
    const executable = fakeShellCheck('recorder', `printf '%s\\n' "$@" >> ${log}; cat > ${log}.stdin; echo '{"comments":[]}'; exit 0`);
    const runner = new ShellCheckRunner({ executable, isTrusted: () => true });
    const findings = await shellCheckFindings(analyze(DOCKERFILE), runner, {});
    assert.deepEqual(findings, []);
    const argv = fs.readFileSync(log, 'utf8').trim().split('\n');
    assert.deepEqual(argv, ['--norc', '--format=json1', '--shell=sh', '--exclude=1090,1091,2187', '-']);
    assert.ok(!argv.some((arg) => arg.includes('SECRET_MARKER') || arg.includes('echo')));
    assert.ok(fs.readFileSync(`${log}.stdin`, 'utf8').endsWith('\necho "$SECRET_MARKER" && echo $b'));
  });

  it('stops a slow ShellCheck after the timeout: one line, no finding', async () => {
    const executable = fakeShellCheck('slow', 'sleep 5; echo \'{"comments":[]}\'');
    const lines: string[] = [];
    const runner = new ShellCheckRunner({ executable, isTrusted: () => true, timeoutMs: 300 });
    const started = Date.now();
    const findings = await shellCheckFindings(analyze(DOCKERFILE), runner, {}, (line) => lines.push(line));
    assert.ok(Date.now() - started < 3000, `${Date.now() - started} ms`);
    assert.deepEqual(findings, []);
    assert.deepEqual(lines, ['3: ShellCheck did not finish within 0.3 s and was stopped; its findings for this script are left out.']);
  });

  it('starts no process in an untrusted workspace', async () => {
    const marker = path.join(directory, 'started');
    const executable = fakeShellCheck('untrusted', `touch ${marker}; echo '{"comments":[]}'`);
    const runner = new ShellCheckRunner({ executable, isTrusted: () => false });
    await assert.rejects(shellCheckFindings(analyze(DOCKERFILE), runner, {}), UntrustedWorkspaceError);
    await assert.rejects(runner.version(), UntrustedWorkspaceError);
    assert.equal(runner.started, 0);
    assert.equal(fs.existsSync(marker), false);
  });

  it('runs at most the bounded number of processes, and caches by script and dialect', async () => {
    const counter = path.join(directory, 'running');
    fs.mkdirSync(counter);
    const executable = fakeShellCheck('pool', `touch ${counter}/$$; ls ${counter} | wc -l >> ${counter}.max; sleep 0.2; rm ${counter}/$$; echo '{"comments":[]}'`);
    const runner = new ShellCheckRunner({ executable, isTrusted: () => true, maxProcesses: 2 });
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((script) => runner.check(script, 'sh')));
    const peaks = fs.readFileSync(`${counter}.max`, 'utf8').trim().split('\n').map(Number);
    assert.ok(Math.max(...peaks) <= 2, String(peaks));
    const before = runner.started;
    await runner.check('a', 'sh');
    assert.equal(runner.started, before);
    await runner.check('a', 'bash');
    assert.equal(runner.started, before + 1);
  });

  it('reads versions and knows when BusyBox sh is supported', () => {
    assert.equal(readVersion('ShellCheck - shell script analysis tool\nversion: 0.10.0\nlicense: GPL\n'), '0.10.0');
    assert.equal(readVersion('not shellcheck'), undefined);
    assert.equal(supportsBusybox('0.9.0'), false);
    assert.equal(supportsBusybox('0.10.0'), true);
  });

  it('the CLI refuses a --shellcheck that is not an executable, and --no-shellcheck runs none', async () => {
    const refused = await runAlpinist(['lint', '--shellcheck', './shellcheck', '-'], { stdin: DOCKERFILE });
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /--shellcheck \.\/shellcheck: not an executable file/);
    const log = path.join(directory, 'cli.log');
    const executable = fakeShellCheck('cli', `touch ${log}; echo '{"comments":[]}'`);
    await runAlpinist(['lint', '--shellcheck', executable, '--no-shellcheck', '-'], { stdin: DOCKERFILE });
    assert.equal(fs.existsSync(log), false);
  });
});

describe('shellcheck runner with the real ShellCheck', function () {
  const executable = findExecutable('shellcheck');
  before(function () {
    if (!executable) {
      console.log('    (skipped: no shellcheck on PATH; CI installs Debian\'s shellcheck package)');
      this.skip();
    }
  });

  it('maps real findings to exact ranges, with ARG/ENV names declared', async () => {
    const text = 'FROM alpine:3.20\nARG VERSION\nRUN echo $VERSION && \\\n    # note\n    cd $HOME/x && ls `pwd`\nRUN <<EOF\necho $foo\nEOF\n';
    const runner = new ShellCheckRunner({ executable: executable as string, isTrusted: () => true });
    const findings = await shellCheckFindings(analyze(text), runner, {});
    const shown = findings.map((finding) => `${finding.range.start.line}:${finding.range.start.character}-${finding.range.end.line}:${finding.range.end.character} ${finding.message.slice(0, 6)} ${text.slice(finding.at.start, finding.at.end)}`);
    assert.deepEqual(shown, [
      '4:7-4:12 SC2086 $HOME',
      '4:21-4:26 SC2046 `pwd`',
      '4:21-4:26 SC2006 `pwd`',
      '6:5-6:9 SC2154 $foo',
      '6:5-6:9 SC2086 $foo',
    ]);
    const quote = findings[0].fixes[0];
    assert.deepEqual(quote.edits.map((edit) => [edit.start, edit.end, edit.newText]), [[text.indexOf('$HOME'), text.indexOf('$HOME'), '"'], [text.indexOf('/x'), text.indexOf('/x'), '"']]);
  });

  it('through the CLI: findings merge into the output', async () => {
    const run = await runAlpinist(['lint', '--shellcheck', executable as string, '-f', 'json', '-'], { stdin: 'FROM debian:12\nRUN echo $b\n' });
    const [result] = JSON.parse(run.stdout) as { findings: { ruleId: string; message: string; docsUrl?: string }[] }[];
    assert.deepEqual(result.findings.filter((finding) => finding.ruleId === 'shellcheck').map((finding) => finding.message.slice(0, 6)), ['SC2154', 'SC2086']);
  });
});
