/** `parseApk`: an apk command line in, its subcommand, flags (by long name) and packages out. */
import assert from 'node:assert/strict';
import { toRange } from '../../../server/src/analysis/analysis';
import { parseDockerfile } from '../../../server/src/dockerfile/model';
import { apkHasFlag, parseApk, type ApkCall, type ApkPackageKind } from '../../../server/src/shell/apk';
import { formatRange } from '../../support/markers';

/** `[long name]` or `[long name, value]`; the value is `undefined` when it is not a literal. */
type ExpectedFlag = readonly [string] | readonly [string, string | undefined];

interface ExpectedPackage {
  readonly kind: ApkPackageKind;
  readonly name: string;
  readonly constraint?: string;
  readonly tag?: string;
}

interface Case {
  readonly name: string;
  /** The shell command after `RUN `. */
  readonly command: string;
  readonly subcommand: string | undefined;
  readonly flags?: readonly ExpectedFlag[];
  /** Package words by value, each a plain name unless given as an object. */
  readonly packages?: readonly (string | ExpectedPackage)[];
  readonly virtualName?: string;
}

function parseCall(command: string): ApkCall {
  const model = parseDockerfile(`RUN ${command}`);
  assert.equal(model.runs[0].apkCalls.length, 1, `one apk call in ${command}`);
  return model.runs[0].apkCalls[0];
}

function describeCall(call: ApkCall) {
  return {
    subcommand: call.subcommand,
    flags: call.flags.map((flag): ExpectedFlag => ('value' in flag || flag.valueWord ? [flag.name, flag.value] : [flag.name])),
    packages: call.packages.map((item) => {
      const described: ExpectedPackage = {
        kind: item.kind,
        name: item.name,
        ...(item.constraint ? { constraint: `${item.constraint.operator}${item.constraint.version}` } : {}),
        ...(item.tag ? { tag: item.tag } : {}),
      };
      return described.kind === 'name' && !described.constraint && !described.tag ? described.name : described;
    }),
    virtualName: call.virtualName,
  };
}

const pinned = (name: string, constraint: string, tag?: string): ExpectedPackage => ({ kind: 'name', name, constraint, ...(tag ? { tag } : {}) });

const cases: Case[] = [
  // Subcommands
  { name: 'plain add', command: 'apk add curl', subcommand: 'add', packages: ['curl'] },
  { name: 'flags before the subcommand', command: 'apk --no-cache add curl', subcommand: 'add', flags: [['--no-cache']], packages: ['curl'] },
  { name: 'flags only', command: 'apk -V', subcommand: undefined, flags: [['--version']] },
  { name: 'no arguments', command: 'apk', subcommand: undefined },
  { name: '/sbin/apk', command: '/sbin/apk del curl', subcommand: 'del', packages: ['curl'] },
  // Switches and their long names
  { name: '-U is --update-cache', command: 'apk add -U curl', subcommand: 'add', flags: [['--update-cache']], packages: ['curl'] },
  { name: '--update is --update-cache', command: 'apk --update add curl', subcommand: 'add', flags: [['--update-cache']], packages: ['curl'] },
  { name: '--update-cache as written', command: 'apk add --update-cache curl', subcommand: 'add', flags: [['--update-cache']], packages: ['curl'] },
  { name: '-u is --upgrade', command: 'apk add -u curl', subcommand: 'add', flags: [['--upgrade']], packages: ['curl'] },
  { name: 'a bundle -qU', command: 'apk add -qU curl', subcommand: 'add', flags: [['--quiet'], ['--update-cache']], packages: ['curl'] },
  { name: 'a repeated letter in a bundle', command: 'apk add -vvU curl', subcommand: 'add', flags: [['--verbose'], ['--verbose'], ['--update-cache']], packages: ['curl'] },
  { name: 'other long flags keep their spelling, up to any =', command: 'apk add --allow-untrusted --no-cache=yes curl', subcommand: 'add', flags: [['--allow-untrusted'], ['--no-cache']], packages: ['curl'] },
  // Flags with values
  { name: '-t NAME', command: 'apk add -t .build gcc', subcommand: 'add', flags: [['--virtual', '.build']], packages: ['gcc'], virtualName: '.build' },
  { name: '--virtual NAME', command: 'apk add --virtual .build gcc', subcommand: 'add', flags: [['--virtual', '.build']], packages: ['gcc'], virtualName: '.build' },
  { name: '--virtual=NAME', command: 'apk add --virtual=.build gcc', subcommand: 'add', flags: [['--virtual', '.build']], packages: ['gcc'], virtualName: '.build' },
  { name: '-tNAME in one word', command: 'apk add -t.build gcc', subcommand: 'add', flags: [['--virtual', '.build']], packages: ['gcc'], virtualName: '.build' },
  { name: '-Ut .build: a bundle ending in a value flag', command: 'apk add -Ut .build gcc', subcommand: 'add', flags: [['--update-cache'], ['--virtual', '.build']], packages: ['gcc'], virtualName: '.build' },
  { name: '-t with an opaque value', command: 'apk add -t "$NAME" gcc', subcommand: 'add', flags: [['--virtual', undefined]], packages: ['gcc'], virtualName: undefined },
  { name: '--virtual=$NAME is a flag with an opaque value, not a package', command: 'apk add --virtual=$NAME gcc', subcommand: 'add', flags: [['--virtual']], packages: ['gcc'], virtualName: undefined },
  { name: '--repository=$URL is a flag', command: 'apk add "--repository=$URL" gcc', subcommand: 'add', flags: [['--repository']], packages: ['gcc'] },
  { name: '-t at the end without a value', command: 'apk add -t', subcommand: 'add', flags: [['--virtual', undefined]] },
  { name: '-X URL', command: 'apk add -X https://dl-cdn.alpinelinux.org/alpine/edge/testing curl', subcommand: 'add', flags: [['--repository', 'https://dl-cdn.alpinelinux.org/alpine/edge/testing']], packages: ['curl'] },
  { name: '--repository=URL', command: 'apk add --repository=https://example.org/main curl', subcommand: 'add', flags: [['--repository', 'https://example.org/main']], packages: ['curl'] },
  { name: '--repositories-file F', command: 'apk add --repositories-file /etc/apk/repos curl', subcommand: 'add', flags: [['--repositories-file', '/etc/apk/repos']], packages: ['curl'] },
  { name: '-p ROOT', command: 'apk add -p /rootfs curl', subcommand: 'add', flags: [['--root', '/rootfs']], packages: ['curl'] },
  { name: '--root ROOT', command: 'apk --root /rootfs add curl', subcommand: 'add', flags: [['--root', '/rootfs']], packages: ['curl'] },
  { name: '--cache-dir DIR', command: 'apk add --cache-dir /cache curl', subcommand: 'add', flags: [['--cache-dir', '/cache']], packages: ['curl'] },
  { name: '--arch ARCH', command: 'apk add --arch aarch64 curl', subcommand: 'add', flags: [['--arch', 'aarch64']], packages: ['curl'] },
  { name: '--keys-dir DIR', command: 'apk add --keys-dir /keys curl', subcommand: 'add', flags: [['--keys-dir', '/keys']], packages: ['curl'] },
  {
    name: 'a mix of flags before and after the subcommand',
    command: 'apk -U --no-cache add --virtual .build-deps gcc musl-dev',
    subcommand: 'add',
    flags: [['--update-cache'], ['--no-cache'], ['--virtual', '.build-deps']],
    packages: ['gcc', 'musl-dev'],
    virtualName: '.build-deps',
  },
  // Package constraints
  { name: '= pins a version', command: 'apk add curl=8.9.1-r0', subcommand: 'add', packages: [pinned('curl', '=8.9.1-r0')] },
  { name: '~ and ~= are fuzzy pins', command: 'apk add curl~8.9 py3-pip~=23', subcommand: 'add', packages: [pinned('curl', '~8.9'), pinned('py3-pip', '~=23')] },
  { name: '=~ is a fuzzy pin too', command: 'apk add curl=~8', subcommand: 'add', packages: [pinned('curl', '=~8')] },
  {
    name: 'comparison operators (quoted, or the shell reads a redirection)',
    command: `apk add 'a>1' "b>=2" 'c<3' 'd<=4' 'e><5'`,
    subcommand: 'add',
    packages: [pinned('a', '>1'), pinned('b', '>=2'), pinned('c', '<3'), pinned('d', '<=4'), pinned('e', '><5')],
  },
  { name: 'an unquoted > is a redirection, not a constraint', command: 'apk add curl>1', subcommand: 'add', packages: ['curl'] },
  { name: '@testing tag', command: 'apk add foo@testing', subcommand: 'add', packages: [{ kind: 'name', name: 'foo', tag: 'testing' }] },
  { name: 'tag and version', command: 'apk add foo@edge=1.0 bar@edge~1.2', subcommand: 'add', packages: [pinned('foo', '=1.0', 'edge'), pinned('bar', '~1.2', 'edge')] },
  { name: 'quoted pins', command: `apk add 'curl=8.9.1-r0'`, subcommand: 'add', packages: [pinned('curl', '=8.9.1-r0')] },
  { name: 'provides names', command: 'apk add so:libc.musl-x86_64.so.1 cmd:git', subcommand: 'add', packages: ['so:libc.musl-x86_64.so.1', 'cmd:git'] },
  // Other package kinds
  { name: '!pkg is negated', command: 'apk add !foo "!bar"', subcommand: 'add', packages: [{ kind: 'negated', name: 'foo' }, { kind: 'negated', name: 'bar' }] },
  {
    name: './x.apk, /tmp/x.apk and x.apk are files',
    command: 'apk add --allow-untrusted ./x.apk /tmp/y.apk z.apk',
    subcommand: 'add',
    flags: [['--allow-untrusted']],
    packages: [{ kind: 'file', name: './x.apk' }, { kind: 'file', name: '/tmp/y.apk' }, { kind: 'file', name: 'z.apk' }],
  },
  { name: '$PKGS and "$X" are opaque', command: 'apk add $PKGS "$X" curl', subcommand: 'add', packages: [{ kind: 'opaque', name: '' }, { kind: 'opaque', name: '' }, 'curl'] },
  { name: '-- ends the options', command: 'apk add --no-cache -- -weird', subcommand: 'add', flags: [['--no-cache']], packages: ['-weird'] },
  { name: 'a lone - is an operand', command: 'apk add - curl', subcommand: 'add', packages: ['-', 'curl'] },
];

describe('parseApk', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      assert.deepEqual(describeCall(parseCall(testCase.command)), {
        subcommand: testCase.subcommand,
        flags: testCase.flags ?? [],
        packages: testCase.packages ?? [],
        virtualName: testCase.virtualName,
      });
    });
  }

  it('is undefined for other commands', () => {
    const model = parseDockerfile('RUN apt-get install apk && echo apk add x && apk2 add x');
    assert.deepEqual(model.runs[0].commands.map(parseApk), [undefined, undefined, undefined]);
  });

  it('finds apk in exec form, heredocs and behind a path, not inside sh -c', () => {
    const model = parseDockerfile('RUN ["apk", "add", "a"]\nRUN <<EOF\napk add b\nEOF\nRUN /sbin/apk add c\nRUN sh -c "apk add d"');
    assert.deepEqual(model.runs.map((run) => run.apkCalls.map((call) => call.packages.map((item) => item.name))), [[['a']], [['b']], [['c']], []]);
  });

  it('keeps the words that hold flags, values, the subcommand and packages', () => {
    const model = parseDockerfile('RUN apk add -qt .build \\\n    gcc=13.2.1-r0');
    const call = model.runs[0].apkCalls[0];
    const range = (word: { start: number; end: number } | undefined) => (word ? formatRange(toRange(model, { start: word.start, end: word.end })) : undefined);
    assert.equal(range(call.subcommandWord), '0:8-0:11');
    assert.deepEqual(call.flags.map((flag) => [range(flag.word), range(flag.valueWord)]), [['0:12-0:15', undefined], ['0:12-0:15', '0:16-0:22']]);
    assert.deepEqual(call.packages.map((item) => range(item.word)), ['1:4-1:17']);
    assert.equal(call.command, model.runs[0].commands[0]);
  });

  it('apkHasFlag matches long names, whatever the spelling', () => {
    const call = parseCall('apk -qU add --virtual=.b curl');
    assert.deepEqual(
      ['--update-cache', '--quiet', '--virtual', '--no-cache', '-U'].map((name) => apkHasFlag(call, name)),
      [true, true, true, false, false],
    );
  });
});
