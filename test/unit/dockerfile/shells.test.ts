/** The shell a RUN is read with: SHELL instructions and shell pragmas, per stage; non-POSIX RUNs have no commands. */
import assert from 'node:assert/strict';
import { analyze } from '../../../server/src/analysis/analysis';
import { parseDockerfile } from '../../../server/src/dockerfile/model';
import { isPosixShell, parseShellPragma } from '../../../server/src/dockerfile/shells';

/** For each RUN: its shell (or sh) and how many commands it has. */
function runsOf(text: string): string[] {
  return parseDockerfile(text).runs.map((run) => `${run.shellProgram ?? 'sh'}:${run.commands.length}`);
}

describe('shells', () => {
  it('parses the shell pragma in both spellings', () => {
    assert.equal(parseShellPragma('# hadolint shell=powershell'), 'powershell');
    assert.equal(parseShellPragma('  #alpinist shell = pwsh  # Windows images'), 'pwsh');
    assert.equal(parseShellPragma('# hadolint ignore=DL3019'), undefined);
    assert.equal(parseShellPragma('# shell=powershell'), undefined);
  });

  it('tells POSIX shells from others', () => {
    for (const shell of ['sh', '/bin/sh', '/bin/bash', 'ash', '/usr/bin/zsh', 'busybox']) assert.ok(isPosixShell(shell), shell);
    for (const shell of ['powershell', 'pwsh', 'cmd', 'cmd.exe', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe']) assert.ok(!isPosixShell(shell), shell);
  });

  const cases: [string, string, string[]][] = [
    ['no shell set: sh', 'FROM alpine\nRUN apk add x\n', ['sh:1']],
    ['a shell pragma applies to the RUNs after it, in its stage', 'FROM alpine\nRUN apk add x\n# hadolint shell=powershell\nRUN Get-ChildItem\nRUN apk add y\nFROM alpine\nRUN apk add z\n', ['sh:1', 'powershell:0', 'powershell:0', 'sh:1']],
    ['before a FROM it ends at that FROM, as in hadolint', '# hadolint shell=pwsh\nFROM mcr.microsoft.com/windows/servercore\nRUN Write-Host hi\n', ['sh:1']],
    ['right after the FROM', 'FROM mcr.microsoft.com/windows/servercore\n# hadolint shell=pwsh\nRUN Write-Host hi\n', ['pwsh:0']],
    ['a SHELL instruction sets it too; a POSIX one keeps the commands', 'FROM alpine\nSHELL ["powershell", "-Command"]\nRUN apk add x\nSHELL ["/bin/ash", "-eo", "pipefail", "-c"]\nRUN apk add y\n', ['powershell:0', '/bin/ash:1']],
    ['an exec-form RUN runs no shell', 'FROM alpine\n# alpinist shell=cmd\nRUN ["apk", "add", "x"]\n', ['cmd:1']],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.deepEqual(runsOf(text), expected));

  it('rules about shell commands skip RUNs read by PowerShell', () => {
    const text = 'FROM alpine:3.20\n# hadolint shell=powershell\nRUN apk add curl\n';
    const findings = analyze(text, { today: '2026-11-26' }).findings.filter((finding) => finding.ruleId === 'apk-prefer-no-cache');
    assert.deepEqual(findings, []);
    assert.equal(analyze(text.replace('# hadolint shell=powershell\n', ''), { today: '2026-11-26' }).findings.filter((finding) => finding.ruleId === 'apk-prefer-no-cache').length, 1);
  });
});
