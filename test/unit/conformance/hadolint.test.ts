/**
 * hadolint's own test cases for the codes Alpinist implements (from ../shared/corpus/hadolint-cases.jsonl).
 * Deliberate differences are listed in KNOWN_DIFFERENCES with the reason; each is also in the rule's docs page.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { allRules } from '../../../server/src/rules';
import { corpusPath } from '../../support/corpus';
import { findingsOf } from '../../support/ruleTester';

interface HadolintCase {
  readonly rule: string;
  readonly dockerfile: string;
  readonly expect: 'violation' | 'ok';
  readonly source: string;
  readonly test: string;
  readonly config?: string;
  readonly count?: number;
  readonly also_onbuild?: boolean;
}

/** pip-require-no-cache-dir (see docs/rules/pip-require-no-cache-dir.md). */
const PIP_NO_CACHE_DIR_FALSY = 'pip turns its cache off for any boolean PIP_NO_CACHE_DIR, `0`/`off`/`no`/`false` included (backward compatibility in pip\'s `_handle_no_cache_dir`), so nothing is cached';

/** `source` line → reason. */
export const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {
  'hadolint/hadolint test/Hadolint/Rule/DL3042Spec.hs:56 @8f936c5e975d3663b3cce4ac5b3baa3db26b8516': PIP_NO_CACHE_DIR_FALSY,
  'hadolint/hadolint test/Hadolint/Rule/DL3042Spec.hs:57 @8f936c5e975d3663b3cce4ac5b3baa3db26b8516': PIP_NO_CACHE_DIR_FALSY,
  'hadolint/hadolint test/Hadolint/Rule/DL3042Spec.hs:58 @8f936c5e975d3663b3cce4ac5b3baa3db26b8516': PIP_NO_CACHE_DIR_FALSY,
  'hadolint/hadolint test/Hadolint/Rule/DL3042Spec.hs:59 @8f936c5e975d3663b3cce4ac5b3baa3db26b8516': PIP_NO_CACHE_DIR_FALSY,
  'hadolint/hadolint test/Hadolint/Rule/DL3042Spec.hs:61 @8f936c5e975d3663b3cce4ac5b3baa3db26b8516': PIP_NO_CACHE_DIR_FALSY,
  'hadolint/hadolint test/Hadolint/Rule/DL3042Spec.hs:62 @8f936c5e975d3663b3cce4ac5b3baa3db26b8516': PIP_NO_CACHE_DIR_FALSY,
  'hadolint/hadolint test/Hadolint/Rule/DL3042Spec.hs:63 @8f936c5e975d3663b3cce4ac5b3baa3db26b8516': PIP_NO_CACHE_DIR_FALSY,
  'hadolint/hadolint test/Hadolint/Rule/DL3042Spec.hs:64 @8f936c5e975d3663b3cce4ac5b3baa3db26b8516': PIP_NO_CACHE_DIR_FALSY,
  'hadolint/hadolint test/Hadolint/Rule/DL3042Spec.hs:66 @8f936c5e975d3663b3cce4ac5b3baa3db26b8516': PIP_NO_CACHE_DIR_FALSY,
  'hadolint/hadolint test/Hadolint/Rule/DL3042Spec.hs:67 @8f936c5e975d3663b3cce4ac5b3baa3db26b8516': PIP_NO_CACHE_DIR_FALSY,
  'hadolint/hadolint test/Hadolint/Rule/DL3042Spec.hs:68 @8f936c5e975d3663b3cce4ac5b3baa3db26b8516': PIP_NO_CACHE_DIR_FALSY,
  'hadolint/hadolint test/Hadolint/Rule/DL3042Spec.hs:69 @8f936c5e975d3663b3cce4ac5b3baa3db26b8516': PIP_NO_CACHE_DIR_FALSY,
};

const file = corpusPath('hadolint-cases.jsonl');

describe('hadolint conformance', function () {
  if (!file) {
    it('skipped: ../shared/corpus/hadolint-cases.jsonl is not present');
    return;
  }
  const cases = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as HadolintCase);
  for (const rule of allRules) {
    for (const code of rule.hadolint ?? []) {
      const relevant = cases.filter((testCase) => testCase.rule === code && testCase.config === undefined);
      describe(`${code} → ${rule.id} (${relevant.length} cases)`, () => {
        for (const testCase of relevant) {
          const title = `${testCase.expect}: ${testCase.test} [${testCase.source.split(' ')[1]}]`;
          const difference = KNOWN_DIFFERENCES[testCase.source];
          if (difference) {
            it(`${title} — differs on purpose: ${difference}`);
            continue;
          }
          it(title, () => {
            const texts = [testCase.dockerfile + '\n'];
            if (testCase.also_onbuild) texts.push(wrapRunsInOnbuild(testCase.dockerfile) + '\n');
            for (const text of texts) {
              const findings = findingsOf(rule, text);
              if (testCase.expect === 'ok') assert.deepEqual(findings.map((finding) => finding.message), [], text);
              else if (testCase.count !== undefined) assert.equal(findings.length, testCase.count, text);
              else assert.ok(findings.length > 0, `expected a finding in:\n${text}`);
            }
          });
        }
      });
    }
  }
});

/** hadolint wraps RUN in ONBUILD on its AST; textually, prefixing each RUN line is equivalent for these cases. */
function wrapRunsInOnbuild(dockerfile: string): string {
  return dockerfile.replace(/^RUN /gm, 'ONBUILD RUN ');
}
