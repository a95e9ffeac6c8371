/**
 * The RUN shell model as rules see it: each RUN string goes in, the commands come out with word values and
 * ranges in document coordinates (`line:col-line:col`, UTF-16 columns as LSP requires).
 */
import assert from 'node:assert/strict';
import { toRange } from '../../../server/src/analysis/analysis';
import { ModelCache, parseDockerfile, type DockerfileModel, type RunInstruction } from '../../../server/src/dockerfile/model';
import type { Separator, ShellCommand } from '../../../server/src/shell/shellCommand';
import { NO_COMMAND_INSIDE } from '../../../server/src/shell/parseShell';
import { getShellParser, initShellParser } from '../../../server/src/shell/treeSitter';
import { formatRange } from '../../support/markers';

interface ExpectedCommand {
  readonly name: string | undefined;
  /** Word values, the command name first; `undefined` for words that expand something. */
  readonly words: readonly (string | undefined)[];
  readonly ranges: readonly string[];
  /** `before/after`; defaults to `none/none`. */
  readonly separators?: `${Separator}/${Separator}`;
  /** Defaults to true. */
  readonly isTopLevel?: boolean;
  /** Range of the whole statement (redirections included); checked when given. */
  readonly statement?: string;
  /** Defaults to none. */
  readonly assignments?: readonly string[];
}

interface Case {
  readonly name: string;
  readonly code: string;
  readonly form?: RunInstruction['form'];
  readonly commands: readonly ExpectedCommand[];
}

function describeCommand(model: DockerfileModel, command: ShellCommand, expected: ExpectedCommand | undefined) {
  return {
    name: command.name,
    words: command.words.map((word) => word.value),
    ranges: command.words.map((word) => formatRange(toRange(model, { start: word.start, end: word.end }))),
    separators: `${command.separatorBefore}/${command.separatorAfter}`,
    isTopLevel: command.isTopLevel,
    statement: expected?.statement === undefined ? undefined : formatRange(toRange(model, { start: command.start, end: command.end })),
    assignments: command.assignments.map((word) => word.value),
  };
}

function normalize(expected: ExpectedCommand) {
  return {
    name: expected.name,
    words: expected.words,
    ranges: expected.ranges,
    separators: expected.separators ?? 'none/none',
    isTopLevel: expected.isTopLevel ?? true,
    statement: expected.statement,
    assignments: expected.assignments ?? [],
  };
}

const cases: Case[] = [
  // Chains
  {
    name: '&&, ||, ; and | split commands and are recorded on both sides',
    code: 'RUN a && b || c; d | e',
    commands: [
      { name: 'a', words: ['a'], ranges: ['0:4-0:5'], separators: 'none/&&' },
      { name: 'b', words: ['b'], ranges: ['0:9-0:10'], separators: '&&/||' },
      { name: 'c', words: ['c'], ranges: ['0:14-0:15'], separators: '||/;' },
      { name: 'd', words: ['d'], ranges: ['0:17-0:18'], separators: ';/|' },
      { name: 'e', words: ['e'], ranges: ['0:21-0:22'], separators: '|/none' },
    ],
  },
  {
    name: 'a pipeline inside an && list',
    code: 'RUN a | b && c',
    commands: [
      { name: 'a', words: ['a'], ranges: ['0:4-0:5'], separators: 'none/|' },
      { name: 'b', words: ['b'], ranges: ['0:8-0:9'], separators: '|/&&' },
      { name: 'c', words: ['c'], ranges: ['0:13-0:14'], separators: '&&/none' },
    ],
  },
  // Continuation lines
  {
    name: 'continuation lines, with trailing blanks after the backslash',
    code: 'RUN apk add \\\n    curl \\  \n    git',
    commands: [{ name: 'apk', words: ['apk', 'add', 'curl', 'git'], ranges: ['0:4-0:7', '0:8-0:11', '1:4-1:8', '2:4-2:7'], statement: '0:4-2:7' }],
  },
  {
    name: 'a chain across continuation lines keeps its separators',
    code: 'RUN set -eux; \\\n    apk add --no-cache x; \\\n    rm -rf /tmp/*',
    commands: [
      { name: 'set', words: ['set', '-eux'], ranges: ['0:4-0:7', '0:8-0:12'], separators: 'none/;' },
      { name: 'apk', words: ['apk', 'add', '--no-cache', 'x'], ranges: ['1:4-1:7', '1:8-1:11', '1:12-1:22', '1:23-1:24'], separators: ';/;' },
      { name: 'rm', words: ['rm', '-rf', '/tmp/*'], ranges: ['2:4-2:6', '2:7-2:10', '2:11-2:17'], separators: ';/none' },
    ],
  },
  {
    name: 'comment lines inside a continuation are dropped, even when they end with a backslash',
    code: 'RUN apk add \\\n# comment\n    curl \\\n  # another \\\n    git',
    commands: [{ name: 'apk', words: ['apk', 'add', 'curl', 'git'], ranges: ['0:4-0:7', '0:8-0:11', '2:4-2:8', '4:4-4:7'] }],
  },
  {
    name: 'a comment line between two chained commands',
    code: 'RUN a && \\\n  # c\n  b',
    commands: [
      { name: 'a', words: ['a'], ranges: ['0:4-0:5'], separators: 'none/&&' },
      { name: 'b', words: ['b'], ranges: ['2:2-2:3'], separators: '&&/none' },
    ],
  },
  {
    name: 'empty continuation lines are skipped',
    code: 'RUN apk add \\\n\n    curl \\\n\\\n  git',
    commands: [{ name: 'apk', words: ['apk', 'add', 'curl', 'git'], ranges: ['0:4-0:7', '0:8-0:11', '2:4-2:8', '4:2-4:5'] }],
  },
  {
    name: 'the command starts on the line after RUN',
    code: 'RUN \\\n  apk add x',
    commands: [{ name: 'apk', words: ['apk', 'add', 'x'], ranges: ['1:2-1:5', '1:6-1:9', '1:10-1:11'] }],
  },
  {
    name: 'CRLF line endings, continuation and comment lines',
    code: 'RUN apk add \\\r\n    curl && \\\r\n# c\r\n\r\n  b\r\n',
    commands: [
      { name: 'apk', words: ['apk', 'add', 'curl'], ranges: ['0:4-0:7', '0:8-0:11', '1:4-1:8'], separators: 'none/&&' },
      { name: 'b', words: ['b'], ranges: ['4:2-4:3'], separators: '&&/none' },
    ],
  },
  // The escape directive
  {
    name: '# escape=` continues lines with a backtick',
    code: '# escape=`\nRUN apk add `\n    curl `  \n    git',
    commands: [{ name: 'apk', words: ['apk', 'add', 'curl', 'git'], ranges: ['1:4-1:7', '1:8-1:11', '2:4-2:8', '3:4-3:7'] }],
  },
  {
    name: '# escape=` with CRLF',
    code: '# escape=`\r\nRUN apk add `\r\n  curl',
    commands: [{ name: 'apk', words: ['apk', 'add', 'curl'], ranges: ['1:4-1:7', '1:8-1:11', '2:2-2:6'] }],
  },
  {
    name: 'with # escape=` a backslash at the end of a line is not a continuation',
    code: '# escape=`\nRUN echo a\\\nRUN apk add x',
    commands: [
      { name: 'echo', words: ['echo', 'a'], ranges: ['1:4-1:8', '1:9-1:10'], separators: 'none/other' },
      { name: 'apk', words: ['apk', 'add', 'x'], ranges: ['2:4-2:7', '2:8-2:11', '2:12-2:13'] },
    ],
  },
  // Words and quoting
  {
    name: 'quote removal; a word with an expansion has no value',
    code: 'RUN echo \'a b\' "a$b" e\\ f "x y" "a\\"b" \'a\\b\'',
    commands: [
      {
        name: 'echo',
        words: ['echo', 'a b', undefined, 'e f', 'x y', 'a"b', 'a\\b'],
        ranges: ['0:4-0:8', '0:9-0:14', '0:15-0:20', '0:21-0:25', '0:26-0:31', '0:32-0:38', '0:39-0:44'],
      },
    ],
  },
  {
    name: 'an escaped backslash stays a single backslash',
    code: 'RUN a\\\\ b',
    commands: [{ name: 'a\\', words: ['a\\', 'b'], ranges: ['0:4-0:7', '0:8-0:9'] }],
  },
  {
    name: 'VAR=x before the command name are assignments, not words',
    code: 'RUN FOO=x BAR=y cmd arg',
    commands: [{ name: 'cmd', words: ['cmd', 'arg'], ranges: ['0:16-0:19', '0:20-0:23'], assignments: ['FOO=x', 'BAR=y'], statement: '0:4-0:23' }],
  },
  {
    name: "sh -c '…' keeps the script as one opaque word",
    code: "RUN sh -c 'apk add x && y'",
    commands: [{ name: 'sh', words: ['sh', '-c', 'apk add x && y'], ranges: ['0:4-0:6', '0:7-0:9', '0:10-0:26'] }],
  },
  {
    name: '/sbin/apk is named apk',
    code: 'RUN /sbin/apk add x',
    commands: [{ name: 'apk', words: ['/sbin/apk', 'add', 'x'], ranges: ['0:4-0:13', '0:14-0:17', '0:18-0:19'] }],
  },
  {
    name: 'redirections are part of the statement, not words',
    code: 'RUN apk add x > /dev/null 2>&1 && b',
    commands: [
      { name: 'apk', words: ['apk', 'add', 'x'], ranges: ['0:4-0:7', '0:8-0:11', '0:12-0:13'], separators: 'none/&&', statement: '0:4-0:30' },
      { name: 'b', words: ['b'], ranges: ['0:34-0:35'], separators: '&&/none' },
    ],
  },
  // Nesting
  {
    name: 'command substitution, if, for and subshells are not top level',
    code: 'RUN echo $(apk add x) && if true; then apk add y; fi && for i in 1; do b; done && (c)',
    commands: [
      { name: 'echo', words: ['echo', undefined], ranges: ['0:4-0:8', '0:9-0:21'], separators: 'none/other' },
      { name: 'apk', words: ['apk', 'add', 'x'], ranges: ['0:11-0:14', '0:15-0:18', '0:19-0:20'], separators: 'other/other', isTopLevel: false },
      { name: 'true', words: ['true'], ranges: ['0:28-0:32'], separators: 'other/other', isTopLevel: false },
      { name: 'apk', words: ['apk', 'add', 'y'], ranges: ['0:39-0:42', '0:43-0:46', '0:47-0:48'], separators: 'other/other', isTopLevel: false },
      { name: 'b', words: ['b'], ranges: ['0:71-0:72'], separators: 'other/other', isTopLevel: false },
      { name: 'c', words: ['c'], ranges: ['0:83-0:84'], separators: 'other/other', isTopLevel: false },
    ],
  },
  {
    name: 'backtick substitution, case, functions, groups and negation are not top level',
    code: 'RUN echo `a`; case x in y) b;; esac; f() { c; }; { d; }; ! e',
    commands: [
      { name: 'echo', words: ['echo', undefined], ranges: ['0:4-0:8', '0:9-0:12'], separators: 'none/other' },
      { name: 'a', words: ['a'], ranges: ['0:10-0:11'], separators: 'other/other', isTopLevel: false },
      { name: 'b', words: ['b'], ranges: ['0:27-0:28'], separators: 'other/other', isTopLevel: false },
      { name: 'c', words: ['c'], ranges: ['0:43-0:44'], separators: 'other/other', isTopLevel: false },
      { name: 'd', words: ['d'], ranges: ['0:51-0:52'], separators: 'other/other', isTopLevel: false },
      { name: 'e', words: ['e'], ranges: ['0:59-0:60'], separators: 'other/none', isTopLevel: false },
    ],
  },
  // Heredocs
  {
    name: 'RUN <<EOF: the body is the script, one command per line',
    code: 'RUN <<EOF\napk add x\napk del y\nEOF',
    form: 'heredoc',
    commands: [
      { name: 'apk', words: ['apk', 'add', 'x'], ranges: ['1:0-1:3', '1:4-1:7', '1:8-1:9'], separators: 'none/newline' },
      { name: 'apk', words: ['apk', 'del', 'y'], ranges: ['2:0-2:3', '2:4-2:7', '2:8-2:9'], separators: 'newline/none' },
    ],
  },
  {
    name: 'RUN <<-EOF with tab-indented lines',
    code: 'RUN <<-EOF\n\tapk add x\n\tb\nEOF',
    form: 'heredoc',
    commands: [
      { name: 'apk', words: ['apk', 'add', 'x'], ranges: ['1:1-1:4', '1:5-1:8', '1:9-1:10'], separators: 'none/newline' },
      { name: 'b', words: ['b'], ranges: ['2:1-2:2'], separators: 'newline/none' },
    ],
  },
  {
    name: "RUN <<'EOF' with CRLF",
    code: "RUN <<'EOF'\r\napk add x\r\n\r\nb\r\nEOF\r\n",
    form: 'heredoc',
    commands: [
      { name: 'apk', words: ['apk', 'add', 'x'], ranges: ['1:0-1:3', '1:4-1:7', '1:8-1:9'], separators: 'none/newline' },
      { name: 'b', words: ['b'], ranges: ['3:0-3:1'], separators: 'newline/none' },
    ],
  },
  {
    name: 'two heredocs: both bodies are scripts',
    code: 'RUN <<A <<B\napk add a\nA\napk add b\nB',
    form: 'heredoc',
    commands: [
      { name: 'apk', words: ['apk', 'add', 'a'], ranges: ['1:0-1:3', '1:4-1:7', '1:8-1:9'] },
      { name: 'apk', words: ['apk', 'add', 'b'], ranges: ['3:0-3:3', '3:4-3:7', '3:8-3:9'] },
    ],
  },
  {
    name: 'RUN bash <<EOF: the shell reads the body',
    code: 'RUN bash <<EOF\napk add x\nEOF',
    form: 'heredoc',
    commands: [
      { name: 'bash', words: ['bash'], ranges: ['0:4-0:8'] },
      { name: 'apk', words: ['apk', 'add', 'x'], ranges: ['1:0-1:3', '1:4-1:7', '1:8-1:9'] },
    ],
  },
  {
    name: 'RUN python3 <<EOF: the body is not shell',
    code: 'RUN python3 <<EOF\napk add x\nEOF',
    form: 'heredoc',
    commands: [{ name: 'python3', words: ['python3'], ranges: ['0:4-0:11'] }],
  },
  {
    name: 'RUN cat <<EOF > /f && …: the head is parsed, the body is data',
    code: 'RUN cat <<EOF > /f && apk add y\nhello\nEOF',
    form: 'heredoc',
    commands: [
      { name: 'cat', words: ['cat'], ranges: ['0:4-0:7'], separators: 'none/&&', statement: '0:4-0:18' },
      { name: 'apk', words: ['apk', 'add', 'y'], ranges: ['0:22-0:25', '0:26-0:29', '0:30-0:31'], separators: '&&/none' },
    ],
  },
  // Exec form and ONBUILD
  {
    name: 'exec form: one command, ranges of the JSON strings',
    code: 'RUN ["apk","add","x"]',
    form: 'exec',
    commands: [{ name: 'apk', words: ['apk', 'add', 'x'], ranges: ['0:5-0:10', '0:11-0:16', '0:17-0:20'] }],
  },
  {
    name: 'exec form across a continuation line, with a path as the program',
    code: 'RUN ["/sbin/apk", \\\n  "add", "x"]',
    form: 'exec',
    commands: [{ name: 'apk', words: ['/sbin/apk', 'add', 'x'], ranges: ['0:5-0:16', '1:2-1:7', '1:9-1:12'] }],
  },
  {
    name: 'exec form strings are decoded as JSON (blanks and escapes kept)',
    code: 'RUN ["sh", "-c", "apk add x", "a\\u0020b", "c\\"d\\\\e"]',
    form: 'exec',
    commands: [{ name: 'sh', words: ['sh', '-c', 'apk add x', 'a b', 'c"d\\e'], ranges: ['0:5-0:9', '0:11-0:15', '0:17-0:28', '0:30-0:40', '0:42-0:51'] }],
  },
  {
    name: 'ONBUILD RUN',
    code: 'ONBUILD RUN apk add x',
    commands: [{ name: 'apk', words: ['apk', 'add', 'x'], ranges: ['0:12-0:15', '0:16-0:19', '0:20-0:21'] }],
  },
  {
    name: 'RUN flags are not part of the command',
    code: 'RUN --mount=type=cache,target=/var/cache/apk --network=none \\\n  apk add x',
    commands: [{ name: 'apk', words: ['apk', 'add', 'x'], ranges: ['1:2-1:5', '1:6-1:9', '1:10-1:11'] }],
  },
  // Unicode
  {
    name: 'an emoji before a word counts two UTF-16 code units',
    code: 'RUN echo 😀 && apk add é😀x',
    commands: [
      { name: 'echo', words: ['echo', '😀'], ranges: ['0:4-0:8', '0:9-0:11'], separators: 'none/&&' },
      { name: 'apk', words: ['apk', 'add', 'é😀x'], ranges: ['0:15-0:18', '0:19-0:22', '0:23-0:27'], separators: '&&/none' },
    ],
  },
  {
    name: 'emoji on a continuation line',
    code: 'RUN echo "😀😀" \\\n  😀 && apk add x',
    commands: [
      { name: 'echo', words: ['echo', '😀😀', '😀'], ranges: ['0:4-0:8', '0:9-0:15', '1:2-1:4'], separators: 'none/&&' },
      { name: 'apk', words: ['apk', 'add', 'x'], ranges: ['1:8-1:11', '1:12-1:15', '1:16-1:17'], separators: '&&/none' },
    ],
  },
  {
    name: 'lone surrogates are kept as they are',
    code: 'RUN echo \ud800 \udc00 && apk add x',
    commands: [
      { name: 'echo', words: ['echo', '\ud800', '\udc00'], ranges: ['0:4-0:8', '0:9-0:10', '0:11-0:12'], separators: 'none/&&' },
      { name: 'apk', words: ['apk', 'add', 'x'], ranges: ['0:16-0:19', '0:20-0:23', '0:24-0:25'], separators: '&&/none' },
    ],
  },
];

describe('shell model: RUN strings to commands', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const model = parseDockerfile(testCase.code);
      if (testCase.form) assert.deepEqual(model.runs.map((run) => run.form), [testCase.form]);
      const commands = model.runs.flatMap((run) => run.commands);
      assert.deepEqual(
        commands.map((command, index) => describeCommand(model, command, testCase.commands[index])),
        testCase.commands.map(normalize),
      );
    });
  }

  it('numbers commands in source order within each RUN', () => {
    const model = parseDockerfile('RUN a && b\nRUN c; d; e');
    assert.deepEqual(model.runs.map((run) => run.commands.map((command) => command.index)), [[0, 1], [0, 1, 2]]);
  });
});

describe('shell model: bad input degrades, never throws', () => {
  const degrade: { name: string; code: string; names: readonly (string | undefined)[] }[] = [
    { name: 'empty RUN', code: 'RUN', names: [] },
    { name: 'RUN with only a continuation', code: 'RUN \\\n', names: [] },
    { name: 'empty exec form', code: 'RUN []', names: [] },
    { name: 'unterminated exec form', code: 'RUN ["apk", ', names: ['apk'] },
    { name: 'unterminated quote', code: 'RUN echo "unterminated && apk add x', names: ['echo'] },
    { name: 'stray parentheses', code: 'RUN echo )) && apk add x', names: ['echo', 'apk'] },
    { name: 'trailing continuation at the end of the file', code: 'RUN apk add x \\', names: ['apk'] },
    { name: 'unterminated heredoc', code: 'RUN <<EOF\napk add x', names: ['apk'] },
    { name: 'NUL characters', code: 'RUN echo \u0000 a\u0000b && apk add x', names: ['echo', 'apk'] },
  ];
  for (const { name, code, names } of degrade) {
    it(name, () => {
      assert.deepEqual(parseDockerfile(code).runs.flatMap((run) => run.commands.map((command) => command.name)), names);
    });
  }

  it('a 100k-character word', () => {
    const model = parseDockerfile(`RUN echo ${'a'.repeat(100_000)} && apk add x`);
    const apk = model.runs[0].commands[1];
    assert.deepEqual(apk.words.map((word) => formatRange(toRange(model, { start: word.start, end: word.end }))), ['0:100013-0:100016', '0:100017-0:100020', '0:100021-0:100022']);
  });

  it('a 100k-character chain of 12,501 commands (deeply nested lists)', () => {
    const model = parseDockerfile(`RUN ${'true && '.repeat(12_500)}apk add x`);
    const commands = model.runs[0].commands;
    assert.equal(commands.length, 12_501);
    assert.deepEqual(commands.at(-1)?.words.map((word) => word.value), ['apk', 'add', 'x']);
    assert.equal(commands.at(-1)?.separatorBefore, '&&');
  });

  it('100k characters of garbage', () => {
    const garbage = Array.from({ length: 100_000 }, (_, index) => '\\`$(){}"\'<>|&;#\n\r\t\u0000\ud800😀'[(index * 7919) % 20]).join('');
    assert.doesNotThrow(() => parseDockerfile(`FROM alpine\nRUN ${garbage}`));
    assert.doesNotThrow(() => parseDockerfile(`FROM alpine\nRUN <<EOF\n${garbage}\nEOF`));
  });
});

describe('shell walk shortcuts', () => {
  // The walk skips the children of NO_COMMAND_INSIDE types; these scripts reach every place a command can hide in a word.
  const scripts = [
    'echo "$(apk add a)" `apk add b` ${X:-$(apk add c)} $((1 + $(apk add d))) "x${Y}z" \'$(no)\' $\'\\t\'',
    'for p in $(ls); do [[ $p =~ ^a.*$ ]] && echo "$p" >&2; done; case $x in *.tar) tar x;; esac',
    'X=$(apk add e) Y="$(apk add f)" cmd <<<"$(apk add g)" 2>"$(mktemp)"; export Z=$(apk add h); echo ${#ARR[@]} $1 $@',
    'if [ -n "$A" ]; then apk add i; elif test -z $B; then apk add j; fi; f() { apk add k; }; ! apk add l | grep m',
  ];
  const commandTypes = new Set(['command', 'declaration_command', 'redirected_statement']);

  it('never skips a node that holds a command', async () => {
    await initShellParser();
    let skipped = 0;
    for (const script of scripts) {
      const tree = getShellParser().parse(script);
      assert.ok(tree);
      const pending = [tree.rootNode];
      for (let node = pending.pop(); node; node = pending.pop()) {
        if (NO_COMMAND_INSIDE.has(node.type)) {
          skipped++;
          const inside = node.descendantsOfType([...commandTypes]);
          assert.deepEqual(inside.map((found) => found?.text), [], `${node.type} "${node.text}" in ${script}`);
        }
        for (const child of node.namedChildren) if (child) pending.push(child);
      }
      tree.delete();
    }
    assert.ok(skipped > 40, `only ${skipped} skipped nodes were checked`);
  });
});

describe('shell redirections', () => {
  /** `operator target@start-end` for each redirection of each command of the one RUN. */
  function redirectsOf(code: string): string[][] {
    const model = parseDockerfile(`FROM alpine:3.20\nRUN ${code}`);
    const offset = model.text.indexOf('RUN ') + 4;
    return model.runs[0].commands.map((command) => command.redirects.map((redirect) => `${redirect.operator} ${redirect.target?.raw ?? ''}@${redirect.start - offset}-${redirect.end - offset}`));
  }
  const cases: [string, string, string[][]][] = [
    ['an unquoted >= constraint is a redirection in the middle of the words', 'apk add curl>=8.0 jq', [['> =8.0@12-17']]],
    ['an unquoted < constraint reads from a file', 'apk add "jq" bash<6 && echo ok', [['< 6@17-19'], []]],
    ['a quoted constraint is a word', 'apk add "curl>=8.0"', [[]]],
    ['redirections at the end and descriptor duplication', 'make >build.log 2>&1; cat <in', [['> build.log@5-15', '2>& 1@16-20'], ['< in@26-29']]],
  ];
  for (const [name, code, expected] of cases) {
    it(name, () => assert.deepEqual(redirectsOf(code), expected));
  }

  it('the words after a redirection target stay arguments of the command', () => {
    const model = parseDockerfile('FROM alpine:3.20\nRUN apk add curl>=8.0 jq bash');
    assert.deepEqual(model.runs[0].commands[0].words.map((word) => word.value), ['apk', 'add', 'curl', 'jq', 'bash']);
    assert.deepEqual(model.runs[0].apkCalls[0].packages.map((item) => item.name), ['curl', 'jq', 'bash']);
  });

  it('redirections move with their RUN when an edit above changes its offset', () => {
    const cache = new ModelCache();
    parseDockerfile('FROM alpine:3.20\nRUN apk add curl>=8.0\n', cache);
    const after = parseDockerfile('FROM alpine:3.20\nLABEL a=b\nRUN apk add curl>=8.0\n', cache);
    const redirect = after.runs[0].commands[0].redirects[0];
    assert.equal(after.text.slice(redirect.start, redirect.end), '>=8.0');
    assert.equal(after.text.slice(redirect.target?.start, redirect.target?.end), '=8.0');
  });
});
