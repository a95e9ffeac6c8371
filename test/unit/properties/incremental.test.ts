/**
 * The server lints each open document incrementally (a linter keeps the previous version's parsed stages and RUN
 * models). Property: after any sequence of edits, what it reports equals a fresh analysis of the same text, and its
 * syntax diagnostics equal dockerfile-language-service `validate()`.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, type Analysis } from '../../../server/src/analysis/analysis';
import { getDockerfileService } from '../../../server/src/dockerfile/languageService';
import { MIN_CHUNK_LINES } from '../../../server/src/dockerfile/parse';
import { SYNTAX_CODES_BY_RULE } from '../../../server/src/dockerfile/validation';
import { createDocumentLinter } from '../../../server/src/analysis/documentLinter';
import { dockerfileArbitrary, mutationOf, mixedLineEndings, propertyParameters } from '../../support/dockerfileArbitraries';
import { EVERY_RULE_ON, excerpt } from '../../support/invariants';

/** Findings as plain data: everything a client sees, without the rule object. */
function reported(analysis: Analysis): string[] {
  return analysis.findings.map(({ ruleId, range, message, severity, fixes, tags }) => JSON.stringify({ ruleId, range, message, severity, fixes, tags }));
}

/** The library's diagnostics that the linter leaves out where a rule reports the problem itself: compared on neither side. */
const DUPLICATED = new Set(Object.values(SYNTAX_CODES_BY_RULE));

function libraryDiagnostics(text: string): string[] | undefined {
  try {
    return getDockerfileService().validate(text).filter((diagnostic) => !DUPLICATED.has(diagnostic.code as number)).map((diagnostic) => JSON.stringify(diagnostic)).sort();
  } catch {
    // Note: dockerfile-ast 0.7.1 overflows the stack on some inputs; nothing to compare with then.
    return undefined;
  }
}

/** A starting Dockerfile and up to six successive versions of it, each one random edit away from the one before. */
const editSequence: fc.Arbitrary<string[]> = fc
  .tuple(fc.oneof(dockerfileArbitrary, dockerfileArbitrary.chain(mixedLineEndings)), fc.integer({ min: 1, max: 6 }))
  .chain(([first, count]) => {
    let versions: fc.Arbitrary<string[]> = fc.constant([first]);
    for (let index = 0; index < count; index++) {
      versions = versions.chain((earlier) => mutationOf(earlier[earlier.length - 1]).map((next) => [...earlier, next]));
    }
    return versions;
  });

describe('properties: incremental linting', function () {
  this.timeout(180_000);

  it('equals a fresh analysis and the library validation after every edit', () => {
    fc.assert(
      // Why chunks of one line too: generated files are short, and the reuse of unchanged chunks (their syntax trees,
      // places, diagnostics and RUN models) is what an edit of a large file relies on.
      fc.property(editSequence, fc.constantFrom(MIN_CHUNK_LINES, 1), (versions, minChunkLines) => {
        const linter = createDocumentLinter(EVERY_RULE_ON, minChunkLines);
        for (const text of versions) {
          const result = linter.lint(text, EVERY_RULE_ON);
          assert.deepEqual(reported(result.analysis), reported(analyze(text, EVERY_RULE_ON)), `incremental analysis differs on ${excerpt(text)} after ${versions.length} versions`);
          const expected = libraryDiagnostics(text);
          if (expected) assert.deepEqual(result.syntax.filter((diagnostic) => !DUPLICATED.has(diagnostic.code as number)).map((diagnostic) => JSON.stringify(diagnostic)).sort(), expected, `syntax diagnostics differ on ${excerpt(text)}`);
        }
      }),
      propertyParameters(150),
    );
  });
});
