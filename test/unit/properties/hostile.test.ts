/**
 * Properties over hostile text: random bytes, NUL, lone surrogates, LF/CRLF/CR mixes, 100k-character lines and
 * 1 MiB files. Worst-case analysis times are printed; the only time assertion is a hang detector (below).
 */
import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { analyze } from '../../../server/src/analysis/analysis';
import { dockerfileArbitrary, loneSurrogate, mixedLineEndings, propertyParameters, stageBodyArbitrary } from '../../support/dockerfileArbitraries';
import { checkAnalysis, checkFeatures, checkFixAll, checkFixes, EVERY_RULE_ON, recordTime, reportWorstTimes } from '../../support/invariants';

/**
 * Why: a hang detector, not a performance target (the benchmark measures speed). Linear analysis of a 1 MiB file
 * takes a few seconds on 2 shared cores; a quadratic rule takes minutes.
 */
const HANG_LIMIT_MS_PER_MIB = 30_000;

const ONE_MIB = 1024 * 1024;
const LONG_LINE = 100_000;

/** Inserts `pieces` into `text` at the given relative positions. */
function insertAll(text: string, pieces: readonly [number, string][]): string {
  let result = text;
  for (const [at, piece] of pieces) {
    const offset = Math.floor(at * (result.length + 1));
    result = result.slice(0, offset) + piece + result.slice(offset);
  }
  return result;
}

const hostileCharacter = fc.oneof(fc.constant('\u0000'), loneSurrogate, fc.constantFrom('\uFEFF', '\r', '\u2028', '\u0085', '\u001b', '\uFFFD', '😀', '\\', '`'));

/** A line of (at least) 100,000 characters: a realistic start and one unit repeated. */
const longLine: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('RUN apk add ', 'RUN ', 'RUN apk add --virtual ', '# ', '# alpinist ignore=', 'FROM alpine:', 'RUN pip install ', 'ENV A=', 'RUN curl -L https://x/', 'ADD ', 'RUN ["apk", ', 'RUN echo "', 'LABEL x='),
    fc.constantFrom('a', 'a ', ' ', '\t', 'python ', '-U ', '\\', '\\ ', '"', "'", '$', '${', '$(', '(', '&& ', '|| ', '; ', '| ', '&', 'apk add x && ', 'pip install x && ', 'apk del x; ', 'if true; then ', '#', ',', '=', '"x", ', '/', 'glibc-', 'apk-prefer-no-cache,', '<<EOF ', '`', '[', ']', '\u0000', '\uD800', '😀'),
    fc.constantFrom('', ' python', ' && apk add curl', '\nRUN apk add curl', '"', ']'),
  )
  .map(([start, unit, end]) => `FROM alpine:3.20\n${start}${unit.repeat(Math.ceil(LONG_LINE / unit.length))}${end}\n`);

describe('properties: hostile input', function () {
  this.timeout(300_000);
  after(() => reportWorstTimes('hostile input', ['random text', 'random bytes', 'NUL and surrogates', 'mixed line endings', '100k-character line', '1 MiB file']));

  it('random text and control characters: no rule failure, ranges inside the document', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 3000 }), (text) => {
        checkFeatures(checkAnalysis(text, 'random text'));
      }),
      propertyParameters(300),
    );
  });

  it('random bytes decoded as UTF-8 and as Latin-1, after a FROM line', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.boolean(), (bytes, asUtf8) => {
        const body = asUtf8 ? new TextDecoder('utf-8').decode(bytes) : Buffer.from(bytes).toString('latin1');
        checkFeatures(checkAnalysis(`FROM alpine:3.20\n${body}`, 'random bytes'));
      }),
      propertyParameters(300),
    );
  });

  it('NUL, lone surrogates, BOMs and odd line separators inside generated Dockerfiles keep every invariant', () => {
    fc.assert(
      fc.property(dockerfileArbitrary, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), hostileCharacter), { minLength: 1, maxLength: 6 }), (text, pieces) => {
        const hostile = insertAll(text, pieces);
        const analysis = checkAnalysis(hostile, 'NUL and surrogates');
        checkFeatures(analysis);
        checkFixes(hostile, analysis);
        checkFixAll(hostile);
      }),
      propertyParameters(60),
    );
  });

  it('LF, CRLF and lone CR mixed line by line keep every invariant', () => {
    fc.assert(
      fc.property(dockerfileArbitrary.chain(mixedLineEndings), (text) => {
        const analysis = checkAnalysis(text, 'mixed line endings');
        checkFeatures(analysis);
        checkFixes(text, analysis);
        checkFixAll(text);
      }),
      propertyParameters(60),
    );
  });

  it('100,000-character lines analyse in bounded time, with fix-all reaching a fixed point', () => {
    fc.assert(
      fc.property(longLine, (text) => {
        const started = performance.now();
        checkAnalysis(text, '100k-character line');
        checkFixAll(text);
        const elapsed = performance.now() - started;
        assert.ok(elapsed < HANG_LIMIT_MS_PER_MIB, `hang detector: ${elapsed.toFixed(0)} ms for a ${text.length}-character line ${JSON.stringify(text.slice(0, 120))}`);
      }),
      propertyParameters(15),
    );
  });

  it('1 MiB files (many stages, one long stage, junk) analyse in bounded time', () => {
    const { seed } = propertyParameters(1);
    const fill = (parts: readonly string[], head = ''): string => {
      let text = head;
      for (let index = 0; text.length < ONE_MIB; index++) text += `${parts[index % parts.length]}\n`;
      return text;
    };
    const files: Record<string, string> = {
      'generated Dockerfiles end to end': fill(fc.sample(dockerfileArbitrary, { numRuns: 20, seed })),
      'one stage of generated instructions': fill(fc.sample(stageBodyArbitrary, { numRuns: 20, seed }), 'FROM alpine:3.20\n'),
      // Every cleanup's fix rewrote every earlier install, and several rules looked at every earlier or later RUN for
      // each RUN: this file once took 18 s and ran out of memory.
      'one stage of installs, virtual groups and cleanups': fill(
        ['RUN apk add --virtual .b gcc && make', 'RUN rm -rf /var/cache/apk/* /tmp/x', 'RUN apk del .b', 'COPY . /app', 'RUN pip install -r requirements.txt', 'ENV A=1', 'RUN apk update && apk add curl', 'USER app', 'RUN apk add --virtual .c musl-dev'],
        'FROM alpine:3.20\n',
      ),
      'control characters and backslashes': fill(fc.sample(fc.string({ unit: 'binary-ascii', minLength: 4096, maxLength: 4096 }), { numRuns: 4, seed }), 'FROM alpine\n'),
    };
    for (const [name, text] of Object.entries(files)) {
      const started = performance.now();
      const analysis = analyze(text, EVERY_RULE_ON);
      const elapsed = performance.now() - started;
      recordTime('1 MiB file', elapsed, text);
      console.log(`    1 MiB, ${name}: ${elapsed.toFixed(0)} ms, ${analysis.findings.length} findings`);
      assert.deepEqual(analysis.failures, [], name);
      assert.ok(elapsed < (HANG_LIMIT_MS_PER_MIB * text.length) / ONE_MIB, `hang detector: ${elapsed.toFixed(0)} ms for ${name}`);
      const lastLine = analysis.model.document.lineCount - 1;
      for (const finding of analysis.findings) assert.ok(finding.range.end.line <= lastLine, `${finding.ruleId} range outside the document`);
    }
  });
});
