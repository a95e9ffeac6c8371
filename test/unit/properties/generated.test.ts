/**
 * Properties over generated Alpine Dockerfiles (apk add/update/del/--virtual, cache cleanups, pip, downloads,
 * continuations, `# escape=\``, heredocs, exec form, ONBUILD, suppression comments) and random edits of them.
 * `FC_SEED` and `FC_NUM_RUNS` override the fixed seed and run counts.
 */
import fc from 'fast-check';
import { dockerfileArbitrary, mutatedText, propertyParameters } from '../../support/dockerfileArbitraries';
import { checkAnalysis, checkFeatures, checkFixAll, checkFixes, reportWorstTimes } from '../../support/invariants';

describe('properties: generated Dockerfiles', function () {
  this.timeout(180_000);
  after(() => reportWorstTimes('generated Dockerfiles', ['generated', 'generated + edits', 'fix-all result']));

  it('analyse without a rule failure, with every range inside the document, and the LSP features answer', () => {
    fc.assert(
      fc.property(dockerfileArbitrary, (text) => {
        checkFeatures(checkAnalysis(text, 'generated'));
      }),
      propertyParameters(300),
    );
  });

  it('every fix applies, re-parses, removes its own finding and adds no syntax error', () => {
    fc.assert(
      fc.property(dockerfileArbitrary, (text) => {
        checkFixes(text, checkAnalysis(text, 'generated'));
      }),
      propertyParameters(200),
    );
  });

  it('fix-all reaches a fixed point in one pass', () => {
    fc.assert(
      fc.property(dockerfileArbitrary, (text) => {
        checkFixAll(text);
      }),
      propertyParameters(300),
    );
  });

  it('random edits of generated Dockerfiles keep every invariant', () => {
    fc.assert(
      fc.property(dockerfileArbitrary.chain((text) => mutatedText(text)), (text) => {
        const analysis = checkAnalysis(text, 'generated + edits');
        checkFeatures(analysis);
        checkFixes(text, analysis);
        checkFixAll(text);
      }),
      propertyParameters(200),
    );
  });
});
