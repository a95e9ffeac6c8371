/** BuildKit's `# check=` directive: skipped checks report nothing, `error=true` raises their findings to errors. */
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analysis';
import { buildkitCheckSettings } from '../../server/src/analysis/buildkitChecks';
import { parseDockerfile } from '../../server/src/dockerfile/model';
import { TEST_TODAY } from '../support/ruleTester';

const BODY = 'FROM alpine:3.20 as Build\nENV A 1\nRUN apk add --no-cache curl\n';

function findings(text: string, ruleSeverities: Record<string, 'off' | 'hint' | 'info' | 'warning' | 'error'> = {}): string[] {
  return analyze(text, { today: TEST_TODAY, ruleSeverities })
    .findings.filter((finding) => (finding.rule.buildkit ?? []).length > 0)
    .map((finding) => `${finding.ruleId}:${finding.severity}`)
    .sort();
}

describe('# check= directive', () => {
  it('without it, the BuildKit rules report at their severities', () => {
    assert.deepEqual(findings(BODY), ['from-as-match-casing:warning', 'key-value-prefer-equals:warning', 'stage-name-require-lowercase:warning']);
  });

  it('skip= silences the named checks only', () => {
    assert.deepEqual(findings(`# check=skip=StageNameCasing,LegacyKeyValueFormat\n${BODY}`), ['from-as-match-casing:warning']);
  });

  it('skip=all silences every rule with a BuildKit alias, and nothing else', () => {
    const text = `# check=skip=all\n${BODY}`;
    assert.deepEqual(findings(text), []);
    assert.ok(analyze(text, { today: TEST_TODAY }).findings.length === 0 || analyze(text, { today: TEST_TODAY }).findings.every((finding) => !finding.rule.buildkit));
  });

  it('error=true raises the findings to errors; a configured severity still wins', () => {
    const text = `# check=skip=FromAsCasing;error=true\n${BODY}`;
    assert.deepEqual(findings(text), ['key-value-prefer-equals:error', 'stage-name-require-lowercase:error']);
    assert.deepEqual(findings(text, { 'key-value-prefer-equals': 'info' }), ['key-value-prefer-equals:info', 'stage-name-require-lowercase:error']);
  });

  it('reads keys without case and values as BuildKit does', () => {
    const settings = buildkitCheckSettings(parseDockerfile('# check=Skip=A, B ; ERROR=1 ; experimental=all\nFROM alpine:3.20\n').directives);
    assert.equal(settings.error, true);
    assert.deepEqual([...settings.skip].sort(), ['A', 'B']);
    assert.equal(buildkitCheckSettings(parseDockerfile('# check=error=no\nFROM alpine:3.20\n').directives).error, false);
  });

  it('a check directive after the first instruction is a plain comment', () => {
    assert.deepEqual(findings(`FROM alpine:3.20 as Build\n# check=skip=all\nENV A 1\n`), ['from-as-match-casing:warning', 'key-value-prefer-equals:warning', 'stage-name-require-lowercase:warning']);
  });
});
