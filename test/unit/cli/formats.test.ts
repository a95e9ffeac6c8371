/**
 * Every `--format` on one small fixture, with the exact output. SARIF is also checked against the fields SARIF
 * 2.1.0 requires and the ones GitHub code scanning reads.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { allRules } from '../../../server/src/rules';
import { onlyRules, runAlpinist, useTempDirectory } from '../../support/cliHarness';
import { assertSarif, type Sarif } from '../../support/sarif';

const RULES = onlyRules('apk-prefer-no-cache', 'pip-require-no-cache-dir');
const APK_MESSAGE = '`apk add` without `--no-cache` leaves the package index in the image layer.';
const PIP_MESSAGE = "`pip install` without `--no-cache-dir` leaves pip's download cache in the image layer.";

const range = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const insertion = (line: number, at: number, newText: string) => ({ range: range(line, at, at), newText });

const formats: [name: string, argv: string[], tty: boolean, expected: string][] = [
  [
    'text',
    ['--format', 'text'],
    false,
    `Dockerfile:2:5: warning apk-prefer-no-cache: ${APK_MESSAGE}
web.Dockerfile:2:5: info pip-require-no-cache-dir: ${PIP_MESSAGE}
2 findings in 2 files.
`,
  ],
  [
    'text on a terminal: a code frame under each finding',
    ['--no-color'],
    true,
    `Dockerfile:2:5: warning apk-prefer-no-cache: ${APK_MESSAGE}
  1 | FROM alpine:3.20
> 2 | RUN apk add curl
    |     ^^^^^^^

web.Dockerfile:2:5: info pip-require-no-cache-dir: ${PIP_MESSAGE}
  1 | FROM alpine:3.20
> 2 | RUN pip install flask
    |     ^^^^^^^^^^^

2 findings in 2 files.
`,
  ],
  [
    'json',
    ['--format', 'json'],
    false,
    `${JSON.stringify(
      [
        {
          file: 'Dockerfile',
          findings: [
            {
              ruleId: 'apk-prefer-no-cache',
              aliases: ['DL3019'],
              severity: 'warning',
              message: APK_MESSAGE,
              range: range(1, 4, 11),
              fixes: [
                { title: 'Add `--no-cache` to `apk add`', kind: 'safe', edits: [insertion(1, 11, ' --no-cache')] },
                { title: 'Use a BuildKit cache mount for `/var/cache/apk`', kind: 'suggestion', edits: [insertion(1, 4, '--mount=type=cache,target=/var/cache/apk '), insertion(1, 11, ' --update-cache')] },
              ],
            },
          ],
        },
        {
          file: 'web.Dockerfile',
          findings: [
            {
              ruleId: 'pip-require-no-cache-dir',
              aliases: ['DL3042'],
              severity: 'info',
              message: PIP_MESSAGE,
              range: range(1, 4, 15),
              fixes: [{ title: 'Add `--no-cache-dir` to `pip install`', kind: 'safe', edits: [insertion(1, 15, ' --no-cache-dir')] }],
            },
          ],
        },
      ],
      null,
      2,
    )}\n`,
  ],
  [
    'checkstyle',
    ['-f', 'checkstyle'],
    false,
    `<?xml version="1.0" encoding="UTF-8"?>
<checkstyle version="4.3">
  <file name="Dockerfile">
    <error line="2" column="5" severity="warning" message="\`apk add\` without \`--no-cache\` leaves the package index in the image layer." source="apk-prefer-no-cache"/>
  </file>
  <file name="web.Dockerfile">
    <error line="2" column="5" severity="info" message="\`pip install\` without \`--no-cache-dir\` leaves pip&apos;s download cache in the image layer." source="pip-require-no-cache-dir"/>
  </file>
</checkstyle>
`,
  ],
  [
    'github',
    ['--format=github'],
    false,
    `::warning file=Dockerfile,line=2,col=5,endColumn=11,title=apk-prefer-no-cache::${APK_MESSAGE}
::notice file=web.Dockerfile,line=2,col=5,endColumn=15,title=pip-require-no-cache-dir::${PIP_MESSAGE}
`,
  ],
  [
    // The fingerprints are pinned: GitLab matches them between branches, so they must not change between versions.
    'gitlab',
    ['-f', 'gitlab'],
    false,
    `${JSON.stringify(
      [
        { description: APK_MESSAGE, check_name: 'apk-prefer-no-cache', fingerprint: 'b4f920640e3556cab5060058aa8580b0', severity: 'minor', location: { path: 'Dockerfile', lines: { begin: 2, end: 2 } } },
        { description: PIP_MESSAGE, check_name: 'pip-require-no-cache-dir', fingerprint: '6c8d980ad580b22677782b450eb0c3cf', severity: 'info', location: { path: 'web.Dockerfile', lines: { begin: 2, end: 2 } } },
      ],
      null,
      2,
    )}\n`,
  ],
];

interface Issue {
  readonly fingerprint: string;
  readonly location: { readonly path: string; readonly lines: { readonly begin: number; readonly end: number } };
}

describe('alpinist lint --format', () => {
  const directory = useTempDirectory();
  beforeEach(() => {
    directory.write('Dockerfile', 'FROM alpine:3.20\nRUN apk add curl\n');
    directory.write('web.Dockerfile', 'FROM alpine:3.20\nRUN pip install flask\n');
  });

  for (const [name, argv, tty, expected] of formats) {
    it(name, async () => {
      const result = await runAlpinist(['lint', '--no-config', ...argv, '.', ...RULES], { isStdoutTTY: tty });
      assert.deepEqual(result, { code: 1, stdout: expected, stderr: '' });
    });
  }

  it('text on a terminal is coloured: bold location, severity in its colour, dim rule id and gutter', async () => {
    const result = await runAlpinist(['lint', '--no-config', 'Dockerfile', ...RULES], { isStdoutTTY: true });
    const ESC = '\x1b';
    assert.equal(
      result.stdout,
      `${ESC}[1mDockerfile:2:5:${ESC}[22m ${ESC}[33mwarning${ESC}[39m ${ESC}[2mapk-prefer-no-cache${ESC}[22m: ${APK_MESSAGE}
 ${ESC}[2m 1 |${ESC}[22m FROM alpine:3.20
${ESC}[33m>${ESC}[39m${ESC}[2m 2 |${ESC}[22m RUN apk add curl
${ESC}[2m    |${ESC}[22m     ${ESC}[33m^^^^^^^${ESC}[39m

${ESC}[1m1 finding in 1 file.${ESC}[22m
`,
    );
  });

  describe('colour: --color and --no-color, then NO_COLOR, then FORCE_COLOR, then the terminal', () => {
    const cases: [name: string, argv: string[], env: Record<string, string>, tty: boolean, coloured: boolean][] = [
      ['a terminal', [], {}, true, true],
      ['a pipe', [], {}, false, false],
      ['NO_COLOR on a terminal', [], { NO_COLOR: '1' }, true, false],
      ['an empty NO_COLOR counts as unset', [], { NO_COLOR: '' }, true, true],
      ['FORCE_COLOR into a pipe', [], { FORCE_COLOR: '1' }, false, true],
      ['FORCE_COLOR=0 on a terminal', [], { FORCE_COLOR: '0' }, true, false],
      ['NO_COLOR wins over FORCE_COLOR', [], { NO_COLOR: '1', FORCE_COLOR: '1' }, false, false],
      ['--color wins over NO_COLOR', ['--color'], { NO_COLOR: '1' }, false, true],
      ['--no-color wins over FORCE_COLOR', ['--no-color'], { FORCE_COLOR: '3' }, true, false],
      ['other formats are never coloured', ['--color', '-f', 'github'], {}, true, false],
    ];
    for (const [name, argv, env, tty, coloured] of cases) {
      it(name, async () => {
        const result = await runAlpinist(['lint', '--no-config', ...argv, 'Dockerfile', ...RULES], { isStdoutTTY: tty, env });
        assert.equal(result.stdout.includes('\x1b['), coloured, result.stdout);
      });
    }
  });

  it('on a terminal, control characters from the Dockerfile are shown as symbols; piped, the text is exact', async () => {
    const name = 'a\x1b[2J.Dockerfile';
    directory.write(name, 'FROM alpine:3.20\n# \x1b]0;title\x07\bforged\nRUN apk add curl\n');
    const shown = await runAlpinist(['lint', '--no-config', '--no-color', name, ...RULES], { isStdoutTTY: true });
    assert.equal(
      shown.stdout,
      `a\u241b[2J.Dockerfile:3:5: warning apk-prefer-no-cache: ${APK_MESSAGE}
  2 | # \u241b]0;title\u2407\u2408forged
> 3 | RUN apk add curl
    |     ^^^^^^^

1 finding in 1 file.
`,
    );
    const piped = await runAlpinist(['lint', '--no-config', name, ...RULES]);
    assert.equal(piped.stdout, `${name}:3:5: warning apk-prefer-no-cache: ${APK_MESSAGE}\n1 finding in 1 file.\n`);
  });

  it('messages on a terminal stderr show control characters as symbols too', async () => {
    const missing = 'gone\x1b[2J.Dockerfile';
    assert.deepEqual(await runAlpinist(['lint', '--no-config', missing], { isStderrTTY: true }), { code: 2, stdout: '0 findings in 0 files.\n', stderr: 'alpinist: gone\u241b[2J.Dockerfile: no such file or directory\n' });
    assert.equal((await runAlpinist(['lint', '--no-config', missing])).stderr, `alpinist: ${missing}: no such file or directory\n`);
  });

  it('code frames only for text on a terminal', async () => {
    const json = await runAlpinist(['lint', '--no-config', '-f', 'json', '.', ...RULES], { isStdoutTTY: true });
    assert.equal(json.stdout, formats[2][3]);
  });

  it('github: escapes % , and : in the file property', async () => {
    directory.write('a,b:c%.Dockerfile', 'FROM alpine:3.20\nRUN apk add curl\n');
    const result = await runAlpinist(['lint', '--no-config', '-f', 'github', 'a,b:c%.Dockerfile', ...RULES]);
    assert.equal(result.stdout, `::warning file=a%2Cb%3Ac%25.Dockerfile,line=2,col=5,endColumn=11,title=apk-prefer-no-cache::${APK_MESSAGE}\n`);
  });

  it('github: control characters from the Dockerfile reach the log as visible symbols', async () => {
    directory.write('a\x1b[2Jb.Dockerfile', 'FROM alpine:3.20\nRUN apk add curl\n');
    const result = await runAlpinist(['lint', '--no-config', '-f', 'github', 'a\x1b[2Jb.Dockerfile', ...RULES]);
    assert.ok(!result.stdout.includes('\x1b'), 'no escape character reaches the log');
    assert.match(result.stdout, /file=a\u241b\[2Jb\.Dockerfile/);
  });

  it('gitlab: a fingerprint survives lines added above, and identical findings in one file get distinct ones', async () => {
    const issues = async (): Promise<Issue[]> => JSON.parse((await runAlpinist(['lint', '--no-config', '-f', 'gitlab', 'Dockerfile', 'sub', ...RULES])).stdout) as Issue[];
    directory.write('sub/Dockerfile', 'FROM alpine:3.20\nRUN apk add curl\n');
    const before = await issues();
    assert.deepEqual(before.map((issue) => issue.location.path), ['Dockerfile', 'sub/Dockerfile']);
    assert.notEqual(before[0].fingerprint, before[1].fingerprint);
    directory.write('Dockerfile', 'FROM alpine:3.20\n# a comment\nRUN apk add curl\nRUN apk add curl\n');
    const after = await issues();
    assert.deepEqual(after.map((issue) => issue.location.lines.begin), [3, 4, 2]);
    assert.equal(after[0].fingerprint, before[0].fingerprint);
    assert.equal(new Set(after.map((issue) => issue.fingerprint)).size, 3);
    assert.equal(after[2].fingerprint, before[1].fingerprint);
  });

  it('gitlab: no findings is an empty array', async () => {
    directory.write('clean/Dockerfile', 'FROM alpine:3.20\nRUN apk add --no-cache curl\n');
    assert.deepEqual(await runAlpinist(['lint', '--no-config', '-f', 'gitlab', 'clean', ...RULES]), { code: 0, stdout: '[]\n', stderr: '' });
  });

  it('no findings: text has the summary, github and sarif have no annotations or results', async () => {
    directory.write('clean/Dockerfile', 'FROM alpine:3.20\nRUN apk add --no-cache curl\n');
    assert.equal((await runAlpinist(['lint', '--no-config', 'clean', ...RULES])).stdout, '0 findings in 1 file.\n');
    assert.deepEqual(await runAlpinist(['lint', '--no-config', '-f', 'github', 'clean', ...RULES]), { code: 0, stdout: '', stderr: '' });
    const sarif = JSON.parse((await runAlpinist(['lint', '--no-config', '-f', 'sarif', 'clean', ...RULES])).stdout) as Sarif;
    assert.deepEqual(sarif.runs[0].results, []);
  });

  describe('sarif', () => {
    it('is SARIF 2.1.0 with every required field, and what code scanning reads', async () => {
      const result = await runAlpinist(['lint', '--no-config', '--format', 'sarif', '.', ...RULES]);
      assert.equal(result.code, 1);
      const sarif = JSON.parse(result.stdout) as Sarif;
      assertSarif(sarif);
      const [run] = sarif.runs;
      assert.deepEqual(run.tool.driver.rules.map((rule) => rule.id), allRules.map((rule) => rule.id));
      assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(directory.root).href}/` } });
      assert.deepEqual(run.invocations, [{ executionSuccessful: true }]);
    });

    it('results: level, message, location and fixes as SARIF replacements', async () => {
      const sarif = JSON.parse((await runAlpinist(['lint', '--no-config', '--format', 'sarif', '.', ...RULES])).stdout) as Sarif;
      const location = (uri: string) => ({ uri, uriBaseId: '%SRCROOT%' });
      const region = (line: number, from: number, to: number) => ({ startLine: line, startColumn: from, endLine: line, endColumn: to });
      const insert = (line: number, column: number, text: string) => ({ deletedRegion: region(line, column, column), insertedContent: { text } });
      assert.deepEqual(
        sarif.runs[0].results.map(({ ruleIndex: _index, ...rest }) => rest),
        [
          {
            ruleId: 'apk-prefer-no-cache',
            level: 'warning',
            message: { text: APK_MESSAGE },
            properties: { aliases: ['DL3019'] },
            locations: [{ physicalLocation: { artifactLocation: location('Dockerfile'), region: region(2, 5, 12) } }],
            fixes: [
              { description: { text: 'Add `--no-cache` to `apk add`' }, artifactChanges: [{ artifactLocation: location('Dockerfile'), replacements: [insert(2, 12, ' --no-cache')] }], properties: { kind: 'safe' } },
              {
                description: { text: 'Use a BuildKit cache mount for `/var/cache/apk`' },
                artifactChanges: [{ artifactLocation: location('Dockerfile'), replacements: [insert(2, 5, '--mount=type=cache,target=/var/cache/apk '), insert(2, 12, ' --update-cache')] }],
                properties: { kind: 'suggestion' },
              },
            ],
          },
          {
            ruleId: 'pip-require-no-cache-dir',
            level: 'note',
            message: { text: PIP_MESSAGE },
            properties: { aliases: ['DL3042'] },
            locations: [{ physicalLocation: { artifactLocation: location('web.Dockerfile'), region: region(2, 5, 16) } }],
            fixes: [{ description: { text: 'Add `--no-cache-dir` to `pip install`' }, artifactChanges: [{ artifactLocation: location('web.Dockerfile'), replacements: [insert(2, 16, ' --no-cache-dir')] }], properties: { kind: 'safe' } }],
          },
        ],
      );
    });

    it('rule metadata: descriptions, docs link and page, default level, hadolint codes as tags', async () => {
      const sarif = JSON.parse((await runAlpinist(['lint', '--no-config', '-f', 'sarif', '.', ...RULES])).stdout) as Sarif;
      const rules = sarif.runs[0].tool.driver.rules;
      const noCache = rules.find((rule) => rule.id === 'apk-prefer-no-cache')!;
      assert.equal(noCache.shortDescription?.text, allRules.find((rule) => rule.id === 'apk-prefer-no-cache')!.description);
      assert.match(noCache.helpUri ?? '', /^file:\/\/.*\/docs\/rules\/apk-prefer-no-cache\.md$/);
      assert.match(noCache.help?.markdown ?? '', /^# apk-prefer-no-cache\n/);
      assert.deepEqual(noCache.defaultConfiguration, { level: 'warning' });
      assert.deepEqual(noCache.properties, { tags: ['dockerfile', 'DL3019'], aliases: ['DL3019'] });
      assert.deepEqual(rules.find((rule) => rule.id === 'apk-require-pinned-versions')?.defaultConfiguration, { enabled: false });
    });

    it('unreadable files become tool execution notifications; paths outside the current directory are file URIs', async () => {
      const outside = `${directory.root}-outside.Dockerfile`;
      fs.writeFileSync(outside, 'FROM alpine:3.20\nRUN apk add curl\n');
      try {
        const result = await runAlpinist(['lint', '--no-config', '-f', 'sarif', 'missing/Dockerfile', outside, ...RULES]);
        assert.equal(result.code, 2);
        const sarif = JSON.parse(result.stdout) as Sarif;
        assertSarif(sarif);
        assert.deepEqual(sarif.runs[0].invocations, [{ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'missing/Dockerfile: no such file or directory' } }] }]);
        assert.deepEqual(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(outside).href });
      } finally {
        fs.rmSync(outside);
      }
    });
  });
});
