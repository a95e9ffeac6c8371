/**
 * hadolint's own test cases for the codes Alpinist implements (from ../shared/corpus/hadolint-cases.jsonl).
 * Deliberate differences are listed in ./differences/<rule-id>.json with the reason; each is also in the rule's docs page.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { allRules } from '../../../server/src/rules';
import type { LabelType, RuleOptions } from '../../../server/src/rules/rule';
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

/**
 * Deliberate differences, one JSON file per rule in ./differences (`<rule-id>.json`: hadolint case `source` → reason);
 * each is also explained on the rule's docs page.
 */
export const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = Object.assign(
  {},
  ...readdirSync(path.join(__dirname, 'differences'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(path.join(__dirname, 'differences', name), 'utf8')) as Record<string, string>),
);

/** hadolint's label-schema types as its test configurations spell them (`Rule.RawText`, `Url` …). */
const LABEL_TYPES: Readonly<Record<string, LabelType>> = { RawText: 'text', Url: 'url', Rfc3339: 'rfc3339', Spdx: 'spdx', GitHash: 'hash', SemVer: 'semver', Email: 'email' };

/**
 * The rule options a case's configuration (Haskell source such as `def { allowedRegistries = ["x.com"] }`) stands for;
 * undefined for settings that are not rule options (`ignoreRules` is the config layer's business).
 */
export function optionsOf(config: string): RuleOptions | undefined {
  const registries = /allowedRegistries = \[([^\]]*)\]/.exec(config);
  if (registries) return { trustedRegistries: [...registries[1].matchAll(/"([^"]*)"/g)].map((match) => match[1]) };
  const schema = /labelSchema = Map\.fromList \[(.*)\]/.exec(config);
  if (!schema) return undefined;
  const labelSchema: Record<string, LabelType> = {};
  for (const match of schema[1].matchAll(/\("([^"]*)", (?:Rule\.)?(\w+)\)/g)) labelSchema[match[1]] = LABEL_TYPES[match[2]];
  return { labelSchema, strictLabels: config.includes('strictLabels = True') };
}

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
  // Note: hadolint's specs often assert `ruleCatchesNot` and `onBuildRuleCatches` on one Dockerfile; the extracted
  // violation then carries the same text as the `ok` case of its test, and stands for the ONBUILD variant.
  const okTexts = new Set(cases.filter((testCase) => testCase.expect === 'ok').map((testCase) => `${testCase.rule}\0${testCase.test}\0${testCase.dockerfile}`));
  const isOnbuildVariant = (testCase: HadolintCase): boolean =>
    testCase.expect === 'violation' && okTexts.has(`${testCase.rule}\0${testCase.test}\0${testCase.dockerfile}`);
  // Agreement per code: cases whose outcome matches hadolint's (deliberate differences count as disagreement).
  const agreement = new Map<string, { rule: string; agreed: number; total: number }>();
  after(() => {
    const lines = [...agreement].map(([code, { rule, agreed, total }]) => `    ${code.padEnd(7)} ${rule.padEnd(36)} ${agreed}/${total} (${((100 * agreed) / Math.max(total, 1)).toFixed(1)}%)`);
    console.log(`\n  hadolint agreement per code:\n${lines.join('\n')}`);
  });
  for (const rule of allRules) {
    for (const code of rule.hadolint ?? []) {
      const relevant = cases.filter((testCase) => testCase.rule === code && (testCase.config === undefined || optionsOf(testCase.config) !== undefined));
      const tally = { rule: rule.id, agreed: 0, total: relevant.length };
      agreement.set(code, tally);
      describe(`${code} → ${rule.id} (${relevant.length} cases)`, () => {
        for (const testCase of relevant) {
          const title = `${testCase.expect}: ${testCase.test} [${testCase.source.split(' ')[1]}]`;
          const difference = KNOWN_DIFFERENCES[testCase.source];
          if (difference) {
            it(`${title} — differs on purpose: ${difference}`);
            continue;
          }
          it(title, () => {
            const texts = isOnbuildVariant(testCase) ? [wrapRunsInOnbuild(testCase.dockerfile) + '\n'] : [testCase.dockerfile + '\n'];
            if (testCase.also_onbuild) texts.push(wrapRunsInOnbuild(testCase.dockerfile) + '\n');
            for (const text of texts) {
              const findings = findingsOf(rule, text, testCase.config === undefined ? undefined : optionsOf(testCase.config));
              if (testCase.expect === 'ok') assert.deepEqual(findings.map((finding) => finding.message), [], text);
              else if (testCase.count !== undefined) assert.equal(findings.length, testCase.count, text);
              else assert.ok(findings.length > 0, `expected a finding in:\n${text}`);
            }
            tally.agreed++;
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

