/**
 * Severities resolved once (config/severities.ts): rule references and spellings, the precedence of sources, and
 * an explicit severity equal to a rule's default winning like any other, from every source.
 */
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analysis';
import { parseConfig } from '../../server/src/config/config';
import { validateSettings } from '../../server/src/config/settings';
import { combineSeverities, meetsThreshold, parseHadolintLevel, parseSeveritySetting, parseThreshold, setSeverity, type SeverityTable } from '../../server/src/config/severities';
import { parseArguments } from '../../server/src/cli/args';
import { findRule } from '../../server/src/rules';

const RENAMED = 'apk-no-renamed-packages';
/** apk-no-renamed-packages reports a package gone from the release as an error, whatever its default says. */
const GONE = 'FROM alpine:3.20\nRUN apk add --no-cache python\n';
const severitiesOf = (ruleSeverities: Readonly<Record<string, string>>): string[] =>
  analyze(GONE, { ruleSeverities: ruleSeverities as never, today: '2026-12-01' })
    .findings.filter((finding) => finding.ruleId === RENAMED)
    .map((finding) => finding.severity);

describe('severities', () => {
  it('spellings: the five settings, hadolint levels, thresholds; no key of every object passes', () => {
    assert.deepEqual(['off', 'hint', 'info', 'warning', 'error', 'Error', 'fatal', '', 'toString', 3, null].map(parseSeveritySetting), ['off', 'hint', 'info', 'warning', 'error', undefined, undefined, undefined, undefined, undefined, undefined]);
    assert.deepEqual(['error', 'warning', 'info', 'style', 'hint', 'constructor', '__proto__'].map(parseHadolintLevel), ['error', 'warning', 'info', 'hint', undefined, undefined, undefined]);
    assert.deepEqual(['error', 'warning', 'info', 'hint', 'style', 'none', 'ignore', 'toString', 'constructor', 'hasOwnProperty', 'off'].map(parseThreshold), ['error', 'warning', 'info', 'hint', 'hint', 'none', 'none', undefined, undefined, undefined, undefined]);
    assert.equal(meetsThreshold('warning', 'warning'), true);
    assert.equal(meetsThreshold('info', 'warning'), false);
    assert.equal(meetsThreshold('error', 'none'), false);
  });

  it('setSeverity: an id, a hadolint code for the rules that stand for it, an unimplemented code, an unknown name', () => {
    const table: SeverityTable = {};
    assert.equal(setSeverity(table, 'from-require-pinned-tag', 'info'), true);
    assert.equal(setSeverity(table, 'DL3019', 'off'), true);
    assert.equal(setSeverity(table, 'DL9999', 'error'), true);
    assert.equal(setSeverity(table, 'no-such-rule', 'error'), false);
    assert.equal(setSeverity(table, 'constructor', 'error'), false);
    assert.deepEqual(table, { 'from-require-pinned-tag': 'info', 'apk-prefer-no-cache': 'off' });
  });

  it('combineSeverities: later sources win rule by rule, missing sources are skipped', () => {
    const file = { 'apk-prefer-no-cache': 'off', 'from-require-pinned-tag': 'error' } as const;
    const editor = { 'apk-prefer-no-cache': 'warning' } as const;
    assert.deepEqual(combineSeverities(file, undefined, editor), { 'apk-prefer-no-cache': 'warning', 'from-require-pinned-tag': 'error' });
    assert.deepEqual(combineSeverities(), {});
    // The sources are not changed.
    assert.deepEqual(file, { 'apk-prefer-no-cache': 'off', 'from-require-pinned-tag': 'error' });
  });

  describe('an explicit severity equal to the default wins over what the rule picks per finding', () => {
    // Why this rule: its default is warning, but it reports a package that no longer exists as an error.
    before(() => assert.equal(findRule(RENAMED)?.defaultSeverity, 'warning'));

    it('unset: the rule picks error', () => assert.deepEqual(severitiesOf({}), ['error']));
    it('CLI --rule', () => {
      const options = parseArguments(['lint', '--rule', `${RENAMED}=warning`]);
      assert.ok(typeof options === 'object');
      assert.deepEqual(severitiesOf(combineSeverities({}, options.rules)), ['warning']);
    });
    it('CLI --rule with a hadolint code, over a config file', () => {
      const options = parseArguments(['lint', '--rule', 'DL3019=warning', '--rule', `${RENAMED}=warning`]);
      assert.ok(typeof options === 'object');
      const file = parseConfig(`override:\n  error: [${RENAMED}]\n`, 'f.yaml');
      assert.deepEqual(severitiesOf(combineSeverities(file.rules, options.rules)), ['warning']);
    });
    it('CLI --ignore', () => {
      const options = parseArguments(['lint', '--ignore', RENAMED]);
      assert.ok(typeof options === 'object');
      assert.deepEqual(severitiesOf(combineSeverities({}, options.rules)), []);
    });
    it('.alpinist.yaml rules', () => assert.deepEqual(severitiesOf(parseConfig(`rules:\n  ${RENAMED}: warning\n`, 'f.yaml').rules), ['warning']));
    it('.hadolint.yaml override', () => assert.deepEqual(severitiesOf(parseConfig(`override:\n  warning: [${RENAMED}]\n`, 'f.yaml').rules), ['warning']));
    it('.hadolint.yaml ignored', () => assert.deepEqual(severitiesOf(parseConfig(`ignored: [${RENAMED}]\n`, 'f.yaml').rules), []));
    it('VS Code alpinist.rules, over a config file', () => {
      const settings = validateSettings({ rules: { [RENAMED]: 'warning' } }, assert.fail);
      const file = parseConfig(`override:\n  error: [${RENAMED}]\n`, 'f.yaml');
      assert.deepEqual(severitiesOf(combineSeverities(file.rules, settings.rules)), ['warning']);
    });
  });
});
