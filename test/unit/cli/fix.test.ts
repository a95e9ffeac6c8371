/** `--fix`, `--fix-dry-run` and `--fix-suggestions`: what gets written, what gets printed, and idempotence. */
import assert from 'node:assert/strict';
import { applyPatch } from 'diff';
import fc from 'fast-check';
import { lineByLineDiff, unifiedDiff } from '../../../server/src/cli/fix';
import { latestAlpineRelease } from '../../../server/src/knowledge/releases';
import { onlyRules, runAlpinist, useTempDirectory } from '../../support/cliHarness';

const RULES = onlyRules('apk-prefer-no-cache', 'pip-require-no-cache-dir', 'from-require-pinned-tag');
const BEFORE = 'FROM alpine\nRUN apk add --update curl && rm -rf /var/cache/apk/*\nRUN pip install flask\n';
/** Safe fixes only: the unpinned `FROM` has just a suggestion and stays. */
const AFTER_SAFE = 'FROM alpine\nRUN apk add --no-cache curl\nRUN pip install --no-cache-dir flask\n';
const AFTER_ALL = `FROM alpine:${latestAlpineRelease}\nRUN apk add --no-cache curl\nRUN pip install --no-cache-dir flask\n`;
const TAG_FINDING = 'Dockerfile:1:6: warning from-require-pinned-tag: `alpine` has no tag, so it pulls `latest`, which moves to a new image whenever one is pushed.';

describe('alpinist lint --fix', () => {
  const directory = useTempDirectory();
  const lint = (...argv: string[]) => runAlpinist(['lint', '--no-config', ...argv, ...RULES]);

  it('applies safe fixes in place and reports what is left', async () => {
    directory.write('Dockerfile', BEFORE);
    assert.deepEqual(await lint('--fix', 'Dockerfile'), { code: 1, stdout: `${TAG_FINDING}\n1 finding in 1 file; fixed 1 file.\n`, stderr: '' });
    assert.equal(directory.read('Dockerfile'), AFTER_SAFE);
  });

  it('a second --fix changes nothing', async () => {
    directory.write('Dockerfile', BEFORE);
    await lint('--fix', 'Dockerfile');
    assert.deepEqual(await lint('--fix', 'Dockerfile'), { code: 1, stdout: `${TAG_FINDING}\n1 finding in 1 file; fixed 0 files.\n`, stderr: '' });
    assert.equal(directory.read('Dockerfile'), AFTER_SAFE);
  });

  it('--fix-suggestions also applies suggestions, and is idempotent too', async () => {
    directory.write('Dockerfile', BEFORE);
    assert.deepEqual(await lint('--fix', '--fix-suggestions', 'Dockerfile'), { code: 0, stdout: '0 findings in 1 file; fixed 1 file.\n', stderr: '' });
    assert.equal(directory.read('Dockerfile'), AFTER_ALL);
    await lint('--fix', '--fix-suggestions', 'Dockerfile');
    assert.equal(directory.read('Dockerfile'), AFTER_ALL);
  });

  it('keeps CRLF line endings', async () => {
    directory.write('Dockerfile', BEFORE.replace(/\n/g, '\r\n'));
    await lint('--fix', 'Dockerfile');
    assert.equal(directory.read('Dockerfile'), AFTER_SAFE.replace(/\n/g, '\r\n'));
  });

  it('leaves clean and unfixable files byte for byte alone', async () => {
    directory.write('a/Dockerfile', 'FROM alpine:3.20\nRUN apk add --no-cache curl\n');
    directory.write('b/Dockerfile', 'FROM alpine\n');
    assert.equal((await lint('--fix', '.')).stdout.split('\n').at(-2), '1 finding in 2 files; fixed 0 files.');
    assert.equal(directory.read('a/Dockerfile'), 'FROM alpine:3.20\nRUN apk add --no-cache curl\n');
    assert.equal(directory.read('b/Dockerfile'), 'FROM alpine\n');
  });

  describe('--fix-dry-run', () => {
    it('prints the unified diff and the findings left after it, and writes nothing', async () => {
      directory.write('Dockerfile', BEFORE);
      const result = await lint('--fix-dry-run', 'Dockerfile');
      assert.deepEqual(result, {
        code: 1,
        stdout: `--- Dockerfile
+++ Dockerfile
@@ -1,3 +1,3 @@
 FROM alpine
-RUN apk add --update curl && rm -rf /var/cache/apk/*
-RUN pip install flask
+RUN apk add --no-cache curl
+RUN pip install --no-cache-dir flask
${TAG_FINDING}
1 finding in 1 file after fixes; 1 file would change.
`,
        stderr: '',
      });
      assert.equal(directory.read('Dockerfile'), BEFORE);
    });

    it('diff hunks keep three lines of context', async () => {
      const middle = ['ENV A=1', 'ENV B=2', 'ENV C=3', 'ENV D=4', 'ENV E=5', 'ENV F=6', 'ENV G=7'];
      directory.write('Dockerfile', ['FROM alpine:3.20', 'RUN apk add curl', ...middle, 'RUN pip install flask', ''].join('\n'));
      const { stdout } = await lint('--fix-dry-run', 'Dockerfile');
      assert.equal(
        stdout,
        `--- Dockerfile
+++ Dockerfile
@@ -1,5 +1,5 @@
 FROM alpine:3.20
-RUN apk add curl
+RUN apk add --no-cache curl
 ENV A=1
 ENV B=2
 ENV C=3
@@ -7,4 +7,4 @@
 ENV E=5
 ENV F=6
 ENV G=7
-RUN pip install flask
+RUN pip install --no-cache-dir flask
0 findings in 1 file after fixes; 1 file would change.
`,
      );
    });

    it('json: `fixed` and `diff` per file', async () => {
      directory.write('Dockerfile', BEFORE);
      directory.write('sub/Dockerfile', 'FROM alpine:3.20\n');
      const entries = JSON.parse((await lint('--fix-dry-run', '-f', 'json', '.')).stdout) as { file: string; fixed: boolean; diff?: string }[];
      assert.deepEqual(entries.map(({ file, fixed, diff }) => [file, fixed, diff?.split('\n')[0]]), [['Dockerfile', true, '--- Dockerfile'], ['sub/Dockerfile', false, undefined]]);
    });

    it('standard input: the diff names --stdin-filename', async () => {
      const result = await runAlpinist(['lint', '--no-config', '--fix-dry-run', '-', '--stdin-filename', 'api/Dockerfile', ...RULES], { stdin: 'FROM alpine:3.20\nRUN apk add curl\n' });
      assert.equal(result.code, 0);
      assert.ok(result.stdout.startsWith('--- api/Dockerfile\n+++ api/Dockerfile\n@@ -1,2 +1,2 @@\n'), result.stdout);
    });
  });

  describe('usage errors', () => {
    const cases: [string[], string][] = [
      [['--fix', '-'], '--fix cannot write back to standard input: use --fix-dry-run.'],
      [['--fix', '--fix-dry-run'], '--fix and --fix-dry-run exclude each other.'],
      [['--fix-suggestions'], '--fix-suggestions needs --fix or --fix-dry-run.'],
      [['--fix-dry-run', '-f', 'sarif'], '--fix-dry-run prints a diff, which the sarif format has no place for: use text or json.'],
    ];
    for (const [argv, reason] of cases) {
      it(argv.join(' '), async () => {
        const result = await runAlpinist(argv);
        assert.equal(result.code, 2);
        assert.equal(result.stderr.split('\n')[0], `alpinist: ${reason}`);
      });
    }
  });
});

describe('unified diffs of large fixes', () => {
  it('a fix of every line of a 20,000-line file diffs line by line, and the diff applies', () => {
    const before = `FROM alpine:3.20\n${Array.from({ length: 20000 }, (_, i) => `RUN apk add x${i}`).join('\n')}\n`;
    const after = before.replace(/apk add x/g, 'apk add --no-cache x');
    const diff = unifiedDiff('Dockerfile', before, after);
    assert.equal(applyPatch(before, diff), after);
  });

  it('the line-by-line diff applies for any texts with as many lines (property)', () => {
    const line = fc.constantFrom('a', 'b', 'RUN x', '', 'c\r');
    fc.assert(
      fc.property(fc.array(fc.tuple(line, line), { maxLength: 30 }), fc.boolean(), fc.boolean(), (pairs, oldEnds, newEnds) => {
        const before = pairs.map(([old]) => old).join('\n') + (oldEnds ? '\n' : '');
        const after = pairs.map(([, next]) => next).join('\n') + (newEnds ? '\n' : '');
        const diff = lineByLineDiff('D', before, after);
        const comparable = before !== '' && after !== '' && before.endsWith('\n') === after.endsWith('\n') && before.split('\n').length === after.split('\n').length;
        if (diff === undefined) return !comparable;
        return applyPatch(before, diff) === after;
      }),
    );
  });
});
