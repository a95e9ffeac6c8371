/**
 * The injection grammar is generated (scripts/generateGrammar.ts) with bounded nesting so that hostile lines tokenize
 * in linear time (issue 16 item 6): the committed JSON is the generator's output, tokenizing grows linearly on nested
 * `$(` / `"$(` and on many `<<E`, and a deeper nesting degrades to flat highlighting of the rest of the line only.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { IGrammar } from 'vscode-textmate';
import { generateInjectionGrammar, grammarPath, MAX_SUBSTITUTION_DEPTH } from '../../../scripts/generateGrammar';
import { describeLine, loadDockerfileGrammar, scopesAt, tokenizeWith } from '../../support/grammar';

const LIMIT = 10;
const ATTEMPTS = 3;

/** The shortest of three timings of `work`. */
function timeOf(work: () => void): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Fails when tokenizing `input(4n)` takes more than LIMIT × `input(n)`, on every one of ATTEMPTS measurements. */
function assertLinear(grammar: IGrammar, label: string, n: number, input: (size: number) => string): void {
  const small = input(n);
  const large = input(4 * n);
  const tokenizeSmall = (): void => void tokenizeWith(grammar, small);
  const tokenizeLarge = (): void => void tokenizeWith(grammar, large);
  tokenizeSmall();
  tokenizeLarge();
  let growth = Infinity;
  for (let attempt = 0; attempt < ATTEMPTS && growth > LIMIT; attempt++) growth = timeOf(tokenizeLarge) / Math.max(timeOf(tokenizeSmall), 0.5);
  assert.ok(growth <= LIMIT, `${label}: ${growth.toFixed(1)}× from n = ${n} to ${4 * n}`);
}

const nestedSubstitutions = (n: number): string => `FROM alpine:3.20\nRUN echo ${'$(echo '.repeat(n)}x${')'.repeat(n)}\nRUN apk add curl\n`;
const unclosedSubstitutions = (n: number): string => `FROM alpine:3.20\nRUN ${'$('.repeat(n)}\nRUN apk add curl\n`;
const nestedQuotedSubstitutions = (n: number): string => `FROM alpine:3.20\nRUN echo ${'"$('.repeat(n)}\nRUN apk add curl\n`;
const heredocMarkers = (n: number): string => `FROM alpine:3.20\nRUN ${'<<E '.repeat(n)}\nE\nRUN apk add curl\n`;

describe('grammar: generated with bounded nesting', function () {
  this.timeout(300_000);
  let grammar: IGrammar;

  before(async () => {
    grammar = await loadDockerfileGrammar();
  });

  it('the committed grammar is the output of scripts/generateGrammar.ts (edit scripts/grammar/injection.source.json, then npm run grammar)', () => {
    assert.equal(readFileSync(grammarPath, 'utf8'), generateInjectionGrammar());
  });

  it('tokenizing grows linearly on nested `$(`, unclosed `$(`, nested `"$(` and many `<<E` on one line', () => {
    assertLinear(grammar, 'nested $(echo …)', 1000, nestedSubstitutions);
    assertLinear(grammar, 'unclosed $(', 1500, unclosedSubstitutions);
    assertLinear(grammar, 'nested "$(', 1500, nestedQuotedSubstitutions);
    assertLinear(grammar, 'many <<E', 1250, heredocMarkers);
  });

  it('RUN + 1,250 × `<<E ` tokenizes without overflowing the stack, and the next RUN is highlighted again', () => {
    const result = tokenizeWith(grammar, heredocMarkers(1250));
    assert.ok(scopesAt(result[1], '<<', 1).includes('keyword.operator.heredoc.shell'), describeLine(result[1].slice(0, 8)));
    assert.ok(scopesAt(result[3], 'apk').includes('support.function.apk.alpinist'), describeLine(result[3]));
  });

  it(`\`$(\` up to ${MAX_SUBSTITUTION_DEPTH} levels is tokenized fully; deeper, the rest of the line is one interpolation, and the next line is unaffected`, () => {
    const depth = (n: number): string => `FROM alpine:3.20\nRUN echo ${'$('.repeat(n)}apk add x${')'.repeat(n)}\nRUN apk add curl\n`;
    const within = tokenizeWith(grammar, depth(MAX_SUBSTITUTION_DEPTH));
    assert.ok(scopesAt(within[1], 'apk').includes('support.function.apk.alpinist'), describeLine(within[1]));
    const beyond = tokenizeWith(grammar, depth(MAX_SUBSTITUTION_DEPTH + 3));
    const flat = beyond[1].find((token) => token.text.includes('apk'));
    assert.ok(flat && flat.scopes.includes('meta.interpolation.command.shell') && !flat.scopes.includes('support.function.apk.alpinist'), describeLine(beyond[1]));
    assert.ok(scopesAt(beyond[2], 'apk').includes('support.function.apk.alpinist'), describeLine(beyond[2]));
  });
});
