/**
 * Properties over random edits and truncations of the real Dockerfiles in ../shared/corpus/real: every invariant of
 * `test/support/invariants.ts` holds. Skips with a message when the corpus is not beside the checkout.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { corpusPath } from '../../support/corpus';
import { mutatedText, propertyParameters } from '../../support/dockerfileArbitraries';
import { checkAnalysis, checkFeatures, checkFixAll, checkFixes, reportWorstTimes } from '../../support/invariants';

const directory = corpusPath('real');

describe('properties: edited corpus Dockerfiles', function () {
  if (!directory) {
    it('skipped: ../shared/corpus/real is not present');
    return;
  }
  this.timeout(180_000);
  const files = readdirSync(directory).filter((file) => file !== 'SOURCES.tsv').sort();
  const texts = files.map((file) => readFileSync(path.join(directory, file), 'utf8'));
  after(() => reportWorstTimes('edited corpus Dockerfiles', ['corpus + edits', 'corpus truncated', 'fix-all result']));

  it('random edits keep every invariant', () => {
    fc.assert(
      fc.property(fc.constantFrom(...texts).chain((text) => mutatedText(text, 4)), (text) => {
        const analysis = checkAnalysis(text, 'corpus + edits');
        checkFeatures(analysis);
        checkFixes(text, analysis);
        checkFixAll(text);
      }),
      propertyParameters(120),
    );
  });

  it('truncation at any offset keeps every invariant', () => {
    const truncated = fc.constantFrom(...texts).chain((text) => fc.integer({ min: 0, max: text.length }).map((end) => text.slice(0, end)));
    fc.assert(
      fc.property(truncated, (text) => {
        const analysis = checkAnalysis(text, 'corpus truncated');
        checkFixes(text, analysis);
        checkFixAll(text);
      }),
      propertyParameters(120),
    );
  });
});
