/** Where a rule checks what the base library's validator also reports, the user sees one diagnostic: the rule's. */
import assert from 'node:assert/strict';
import { createDocumentLinter } from '../../server/src/analysis/documentLinter';
import { TEST_TODAY } from '../support/ruleTester';

const TEXT = 'from alpine:3.20\nrun apk add --no-cache \\\n\n    curl\nWORKDIR app\n';

function lint(text: string, ruleSeverities: Record<string, 'off' | 'warning'> = {}): { syntax: string[]; rules: string[] } {
  const result = createDocumentLinter().lint(text, { today: TEST_TODAY, ruleSeverities });
  return {
    syntax: result.syntax.map((diagnostic) => `${diagnostic.range.start.line}:${String(diagnostic.code)}`),
    rules: result.analysis.findings.map((finding) => `${finding.range.start.line}:${finding.ruleId}`),
  };
}

describe('syntax diagnostics a rule duplicates', () => {
  it('are dropped while the rule runs (casing: only on the lines the casing rule reports)', () => {
    const { syntax, rules } = lint(TEXT);
    // The library asks for upper case on lines 0 and 1; BuildKit's check asks for the file's majority (lower) case on line 4.
    assert.deepEqual(syntax.sort(), ['0:0', '1:0']);
    assert.ok(rules.includes('4:instruction-consistent-casing'), rules.join(' '));
    assert.ok(rules.includes('2:continuation-no-empty-line'), rules.join(' '));
    assert.ok(rules.includes('4:workdir-require-absolute'), rules.join(' '));
  });

  it('are kept when the rule is off or skipped by # check=', () => {
    const off = lint(TEXT, { 'instruction-consistent-casing': 'off', 'continuation-no-empty-line': 'off', 'workdir-require-absolute': 'off' });
    assert.deepEqual(off.syntax.sort(), ['0:0', '1:0', '2:11', '4:50'].sort());
    const skipped = lint(`# check=skip=ConsistentInstructionCasing\n${TEXT}`);
    assert.deepEqual(skipped.syntax.sort(), ['1:0', '2:0'].sort());
  });

  it('MAINTAINER, repeated CMD and duplicate stage names: one diagnostic each, the rule\'s', () => {
    const text = 'FROM alpine:3.20 AS a\nMAINTAINER me\nCMD ["a"]\nCMD ["b"]\nFROM alpine:3.20 AS a\n';
    const { syntax, rules } = lint(text);
    assert.deepEqual(syntax, []);
    for (const expected of ['1:maintainer-no-deprecated', '2:stage-no-repeated-cmd', '4:stage-name-no-duplicate']) assert.ok(rules.includes(expected), rules.join(' '));
    const off = lint(text, { 'maintainer-no-deprecated': 'off', 'stage-no-repeated-cmd': 'off', 'stage-name-no-duplicate': 'off' });
    assert.deepEqual(off.syntax.sort(), ['0:10', '1:45', '2:37', '4:10'].sort());
  });
});
