/**
 * `--fix` and `--fix --fix-suggestions` (the CLI's fixText) on the same Dockerfile written with LF, CRLF or lone-CR line
 * endings: each result keeps the file's own line breaks (no `\n` slipped into a CR file), and the LF and CRLF results
 * are the same text once their line breaks are made alike — a fix never depends on, or damages, the convention. (Lone-CR
 * files are only checked for their line breaks: the parser reads some constructs, heredocs among them, differently
 * there, as BuildKit itself does not treat a lone CR as a line break.)
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixText } from '../../../server/src/cli/fix';
import { dockerfileArbitrary, propertyParameters } from '../../support/dockerfileArbitraries';
import { TEST_TODAY } from '../../support/ruleTester';

const toCrlf = (text: string): string => text.replace(/\n/g, '\r\n');
const toCr = (text: string): string => text.replace(/\n/g, '\r');
const fromCrlf = (text: string): string => text.replace(/\r\n/g, '\n');

describe('properties: fixes keep the line-ending convention', function () {
  this.timeout(300_000);

  for (const includeSuggestions of [false, true]) {
    it(`${includeSuggestions ? '--fix --fix-suggestions' : '--fix'}: LF, CRLF and CR keep their own line breaks, LF and CRLF give the same result`, () => {
      fc.assert(
        fc.property(dockerfileArbitrary, (text) => {
          fc.pre(!text.includes('\r'));
          const options = { today: TEST_TODAY };
          const lf = fixText(text, options, includeSuggestions);
          const crlf = fixText(toCrlf(text), options, includeSuggestions);
          const cr = fixText(toCr(text), options, includeSuggestions);
          assert.ok(!lf.includes('\r'), 'a CR in the fixed LF file');
          assert.ok(!/\r(?!\n)|(?<!\r)\n/.test(crlf), 'a lone CR or LF in the fixed CRLF file');
          assert.ok(!cr.includes('\n'), 'an LF in the fixed CR file');
          assert.equal(fromCrlf(crlf), lf, 'CRLF and LF fixed differently');
        }),
        propertyParameters(includeSuggestions ? 60 : 100),
      );
    });
  }
});
