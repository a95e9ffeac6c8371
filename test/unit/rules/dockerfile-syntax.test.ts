/** The CLI reports the parser's syntax problems the editor shows (rule dockerfile-syntax, hadolint DL1000). */
import assert from 'node:assert/strict';
import { createDocumentLinter } from '../../../server/src/analysis/documentLinter';
import { syntaxFindings } from '../../../server/src/analysis/syntaxFindings';
import { onlyRules, runAlpinist, useTempDirectory } from '../../support/cliHarness';
import { formatRange } from '../../support/markers';

function found(text: string, ruleSeverities: Record<string, 'off' | 'warning' | 'error'> = {}): string[] {
  const options = { ruleSeverities, today: '2026-11-26' };
  const { syntax, analysis } = createDocumentLinter().lint(text, options);
  return syntaxFindings(syntax, analysis, options).map((finding) => `${formatRange(finding.range)} ${finding.severity} ${finding.message}`);
}

describe('dockerfile-syntax findings', () => {
  it('a continuation that ends a RUN early: the next line is an unknown instruction, an error', () => {
    assert.deepEqual(found('FROM alpine:3.24\nRUN apk add --no-cache curl\n&& echo hi\n'), ['2:0-2:2 error Unknown instruction: &&.']);
  });

  it('the parser level is kept unless the rule has a configured severity', () => {
    assert.deepEqual(found('FROM alpine:3.24\nrun echo hi\n'), []);
    assert.deepEqual(found('from alpine:3.24\n'), ['0:0-0:4 warning Instructions should be written in uppercase letters.']);
    assert.deepEqual(found('from alpine:3.24\n', { 'dockerfile-syntax': 'error' }), ['0:0-0:4 error Instructions should be written in uppercase letters.']);
    assert.deepEqual(found('from alpine:3.24\n', { 'dockerfile-syntax': 'off' }), []);
  });

  describe('from the command line', () => {
    const directory = useTempDirectory();

    it('exits 1 on a syntax error, and a byte order mark does not shift the columns of line 1', async () => {
      directory.write('Dockerfile', '\uFEFFFROM alpine:3.24\nRUN apk add --no-cache curl\n&& echo hi\n');
      const result = await runAlpinist(['lint', '--no-config', 'Dockerfile', ...onlyRules('dockerfile-syntax')]);
      assert.equal(result.code, 1);
      assert.match(result.stdout, /^Dockerfile:3:1: error dockerfile-syntax: Unknown instruction: &&\.$/m);
      directory.write('Dockerfile', '\uFEFFfrom alpine:3.24\n');
      assert.match((await runAlpinist(['lint', '--no-config', 'Dockerfile', ...onlyRules('dockerfile-syntax')])).stdout, /^Dockerfile:1:1: warning dockerfile-syntax: /m);
    });

    it('--ignore DL1000 turns them off', async () => {
      directory.write('Dockerfile', 'FROM alpine:3.24\nRUN apk add --no-cache curl\n&& echo hi\n');
      const result = await runAlpinist(['lint', '--no-config', '--ignore', 'DL1000', 'Dockerfile', ...onlyRules('dockerfile-syntax')]);
      assert.equal(result.code, 0, result.stdout);
    });
  });

  it('a valid file has none', () => {
    assert.deepEqual(found('FROM alpine:3.24\nRUN apk add --no-cache curl \\\n && echo hi\n'), []);
  });
});
