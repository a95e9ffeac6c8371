/** `readCommandLine` and the package-manager call models built on it: a RUN command in, options and operands out. */
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../server/src/dockerfile/model';
import { parseAptCall } from '../../../server/src/shell/apt';
import { readCommandLine } from '../../../server/src/shell/cli';
import { parseGemInstall } from '../../../server/src/shell/gem';
import { parseGoCall } from '../../../server/src/shell/go';
import { parseNodeCall } from '../../../server/src/shell/node';
import { parseRpmCall } from '../../../server/src/shell/rpm';
import { argumentsOf, type ShellCommand } from '../../../server/src/shell/shellCommand';

function commandOf(body: string): ShellCommand {
  const command = parseDockerfile(`FROM debian:12\nRUN ${body}\n`).runs[0].commands[0];
  assert.ok(command, body);
  return command;
}

const values = (words: readonly { readonly value: string | undefined; readonly raw: string }[]): string[] => words.map((word) => word.value ?? `?${word.raw}`);

describe('shell: readCommandLine', () => {
  const cases: { body: string; valueOptions?: string[]; options: [string, string | undefined][]; operands: string[]; unknown?: number }[] = [
    { body: 'x -yq a', options: [['-y', undefined], ['-q', undefined]], operands: ['a'] },
    { body: 'x -o A=1 -oB=2 --opt=v b', valueOptions: ['-o'], options: [['-o', 'A=1'], ['-o', 'B=2'], ['--opt', 'v']], operands: ['b'] },
    { body: 'x --target-release bookworm c', valueOptions: ['--target-release'], options: [['--target-release', 'bookworm']], operands: ['c'] },
    { body: 'x -q=2 d', options: [['-q', '2']], operands: ['d'] },
    { body: 'x a -- -b --c', options: [], operands: ['a', '-b', '--c'] },
    { body: 'x $FLAGS a', options: [], operands: ['?$FLAGS', 'a'], unknown: 1 },
    { body: 'x -o', valueOptions: ['-o'], options: [['-o', undefined]], operands: [] },
  ];
  for (const testCase of cases) {
    it(testCase.body, () => {
      const line = readCommandLine(argumentsOf(commandOf(testCase.body)), { valueOptions: testCase.valueOptions });
      assert.deepEqual(line.options.map((option) => [option.name, option.value]), testCase.options);
      assert.deepEqual(values(line.operands), testCase.operands);
      assert.equal(line.unknown.length, testCase.unknown ?? 0);
    });
  }
});

describe('shell: package-manager calls', () => {
  it('apt-get with options before the subcommand', () => {
    const call = parseAptCall(commandOf('apt-get -o Dpkg::Use-Pty=0 -t bookworm-backports install -y curl git=1:2.39'));
    assert.equal(call?.subcommand, 'install');
    assert.deepEqual(values(call.operands), ['curl', 'git=1:2.39']);
  });
  it('dnf module install and aliases', () => {
    const call = parseRpmCall(commandOf('dnf -y --setopt=tsflags=nodocs module install nodejs:20'));
    assert.deepEqual([call?.tool, call?.scope, call?.subcommand], ['dnf', 'module', 'install']);
    assert.deepEqual(values(call?.operands ?? []), ['nodejs:20']);
    assert.equal(parseRpmCall(commandOf('zypper dup'))?.subcommand, 'dist-upgrade');
    assert.equal(parseRpmCall(commandOf('zypper up'))?.subcommand, 'update');
    assert.equal(parseRpmCall(commandOf('dnf up'))?.subcommand, 'upgrade');
  });
  it('npm and yarn', () => {
    const npm = parseNodeCall(commandOf('npm --registry https://r.example i -g pm2'));
    assert.deepEqual([npm?.subcommand, values(npm?.operands ?? [])], ['i', ['pm2']]);
    const yarn = parseNodeCall(commandOf('yarn --frozen-lockfile'));
    assert.deepEqual([yarn?.subcommand, yarn?.subcommandWord], [undefined, undefined]);
  });
  it('gem install: build flags after -- are not gems', () => {
    assert.deepEqual(values(parseGemInstall(commandOf('gem install -N nokogiri:1.16 -- --use-system-libraries'))?.gems ?? []), ['nokogiri:1.16']);
    assert.equal(parseGemInstall(commandOf('gem list')), undefined);
  });
  it('go run: only the first package, flag values skipped', () => {
    const call = parseGoCall(commandOf('go run -tags netgo example.com/gen@v1 out'));
    assert.deepEqual(values(call?.packages ?? []), ['example.com/gen@v1']);
  });
});
