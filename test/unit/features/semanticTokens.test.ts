/**
 * Semantic tokens by range: for every range of a document, the tokens are exactly the whole-document tokens of the
 * lines the range shows (widened to whole instructions), whatever the escape character, heredocs, continuations and
 * comments that look like directives; and a range's cost does not grow with the document.
 */
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { analyze } from '../../../server/src/analysis/analysis';
import { rangeTokens } from '../../../server/src/lsp/features/semanticTokens';

interface Token {
  readonly line: number;
  readonly character: number;
  readonly length: number;
  readonly type: number;
  readonly modifiers: number;
}

function decode(data: readonly number[]): Token[] {
  const tokens: Token[] = [];
  let line = 0;
  let character = 0;
  for (let index = 0; index + 4 < data.length; index += 5) {
    line += data[index];
    character = data[index] === 0 ? character + data[index + 1] : data[index + 1];
    tokens.push({ line, character, length: data[index + 2], type: data[index + 3], modifiers: data[index + 4] });
  }
  return tokens;
}

const SAMPLES: Record<string, string> = {
  'backslash escape': [
    '# syntax=docker/dockerfile:1',
    'ARG BASE=alpine:3.20',
    'FROM $BASE AS build',
    '# escape=`',
    'RUN apk add --no-cache \\',
    '    curl \\',
    '    # a comment inside the continuation',
    '    git',
    'COPY <<EOF /etc/motd',
    '# not a comment: heredoc body',
    'FROM scratch',
    'EOF',
    'ENV A=1 \\',
    '    B="two words"',
    'LABEL org.opencontainers.image.title="naïve ✓"',
    'CMD ["sh", "-c", "echo $A"]',
    '',
    'FROM alpine:3.20',
    'COPY --from=build /x /y',
  ].join('\n'),
  'backtick escape, CRLF': ['# escape=`', 'FROM alpine:3.20', 'RUN apk add `', '    curl', '# check=skip=all', 'ENV PATH=C:\\tools', 'HEALTHCHECK CMD wget -q localhost'].join('\r\n'),
};

describe('semantic tokens by range', () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`${name}: every range gives the whole document's tokens of the lines it covers`, () => {
      const analysis = analyze(text);
      const lines = analysis.model.document.lineCount;
      const full = decode(rangeTokens(analysis, 0, lines - 1).data);
      assert.ok(full.length > 10, `the sample has tokens (${full.length})`);
      for (let start = 0; start < lines; start++) {
        for (let end = start; end < lines; end++) {
          const range = decode(rangeTokens(analysis, start, end).data);
          // Every token of the requested lines is there, and every token returned is one of the whole document's.
          const fullKeys = new Set(full.map((token) => JSON.stringify(token)));
          for (const token of range) assert.ok(fullKeys.has(JSON.stringify(token)), `${start}–${end}: ${JSON.stringify(token)} is not a whole-document token`);
          const rangeKeys = new Set(range.map((token) => JSON.stringify(token)));
          for (const token of full.filter((candidate) => candidate.line >= start && candidate.line <= end)) {
            assert.ok(rangeKeys.has(JSON.stringify(token)), `${start}–${end}: ${JSON.stringify(token)} is missing`);
          }
        }
      }
    });
  }

  it('a range beyond the end or reversed answers without failing', () => {
    const analysis = analyze(SAMPLES['backslash escape']);
    assert.deepEqual(rangeTokens(analysis, 500, 900).data.length % 5, 0);
    assert.deepEqual(rangeTokens(analysis, 5, 2).data.length % 5, 0);
  });

  it('the cost of a 60-line range does not grow with the document (2,000 → 16,000 lines)', function () {
    this.timeout(120_000);
    const documentOf = (lines: number): string => {
      const parts = ['FROM alpine:3.20'];
      for (let index = 0; parts.length < lines; index++) parts.push(`ENV V${index}=x`, `RUN apk add --no-cache p${index} && \\`, `    echo $V${index}`, `# step ${index}`);
      return parts.join('\n');
    };
    const timeOf = (lines: number): number => {
      const analysis = analyze(documentOf(lines));
      const middle = Math.floor(lines / 2);
      rangeTokens(analysis, middle, middle + 60);
      let best = Infinity;
      for (let run = 0; run < 5; run++) {
        const started = performance.now();
        const tokens = rangeTokens(analysis, middle, middle + 60);
        best = Math.min(best, performance.now() - started);
        assert.ok(tokens.data.length > 0);
      }
      return best;
    };
    const small = timeOf(2000);
    let growth = Infinity;
    for (let attempt = 0; attempt < 3 && growth > 4; attempt++) growth = timeOf(16_000) / Math.max(small, 0.5);
    // 8× the lines: linear work would grow about 8×; the range's own work (the slice) does not grow at all.
    assert.ok(growth <= 4, `a range costs ${growth.toFixed(1)}× more on 8× the lines`);
  });
});
