/**
 * Over every real Dockerfile of ../shared/corpus/real: no rule throws, every range lies inside the document, and
 * every offered fix applies, still parses, adds no syntax error and (for safe fixes) removes the finding it targets;
 * and skipping rules for what a file lacks (their `requires`) hides no finding.
 * Skips with a message when the corpus is not beside the checkout.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { analyze } from '../../server/src/analysis/analysis';
import { getDockerfileService } from '../../server/src/dockerfile/languageService';
import { applyEdits, fixAll } from '../../server/src/analysis/fixes';
import { allRules } from '../../server/src/rules';
import { corpusPath } from '../support/corpus';
import { TEST_TODAY } from '../support/ruleTester';

const directory = corpusPath('real');
const everyRuleOn = Object.fromEntries(allRules.filter((rule) => rule.defaultSeverity === 'off').map((rule) => [rule.id, 'info' as const]));

const syntaxErrors = (text: string): number => getDockerfileService().validate(text).filter((diagnostic) => diagnostic.severity === 1).length;

describe('real-world corpus', function () {
  if (!directory) {
    it('skipped: ../shared/corpus/real is not present');
    return;
  }
  const files = readdirSync(directory).filter((file) => file !== 'SOURCES.tsv').sort();
  for (const file of files) {
    it(file, () => {
      const text = readFileSync(path.join(directory, file), 'utf8');
      const options = { ruleSeverities: everyRuleOn, today: TEST_TODAY };
      const analysis = analyze(text, options);
      assert.deepEqual(analysis.failures, []);
      // Rules skipped for what the file lacks (their `requires`) would have found nothing either.
      const everywhere = analyze(text, { ...options, ignoreRequirements: true });
      const summary = (findings: typeof analysis.findings): string[] => findings.map((finding) => `${finding.ruleId} ${finding.range.start.line}:${finding.range.start.character} ${finding.message}`);
      assert.deepEqual(summary(everywhere.findings), summary(analysis.findings), 'rule requirements hide findings');
      const lineCount = analysis.model.document.lineCount;
      const errorsBefore = syntaxErrors(text);
      for (const finding of analysis.findings) {
        assert.ok(finding.range.start.line < lineCount && finding.range.end.line < lineCount, `${finding.ruleId} range outside the document`);
        for (const fix of finding.fixes) {
          const fixed = applyEdits(text, fix.edits);
          assert.notEqual(fixed, text, `${finding.ruleId}: "${fix.title}" changes nothing`);
          assert.ok(syntaxErrors(fixed) <= errorsBefore, `${finding.ruleId}: "${fix.title}" adds a syntax error`);
          const after = analyze(fixed, options);
          assert.deepEqual(after.failures, []);
          if (fix.kind === 'safe') {
            const before = analysis.findings.filter((other) => other.ruleId === finding.ruleId).length;
            const remaining = after.findings.filter((other) => other.ruleId === finding.ruleId).length;
            assert.ok(remaining < before, `${finding.ruleId}: safe fix "${fix.title}" does not remove its finding`);
          }
        }
      }
      const once = fixAll(text, options);
      assert.equal(fixAll(once.text, options).passes, 0, 'fix-all reaches a fixed point');
    });
  }
});
