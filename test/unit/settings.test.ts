/** `validateSettings`: invalid values fall back to defaults, with one warning per problem and no throw. */
import assert from 'node:assert/strict';
import type { AlpinistSettings } from '../../server/src/protocol';
import { DEFAULT_SETTINGS, validateSettings } from '../../server/src/config/settings';

interface Case {
  readonly name: string;
  readonly raw: unknown;
  readonly settings: AlpinistSettings;
  /** Substrings of the warnings, one per expected warning, in order. */
  readonly warnings: readonly string[];
}

const cases: Case[] = [
  { name: 'undefined → defaults, silently', raw: undefined, settings: DEFAULT_SETTINGS, warnings: [] },
  { name: 'null → defaults, silently', raw: null, settings: DEFAULT_SETTINGS, warnings: [] },
  { name: 'empty object → defaults', raw: {}, settings: { enable: true, rules: {} }, warnings: [] },
  { name: 'a string is not an object', raw: 'on', settings: DEFAULT_SETTINGS, warnings: ['expected an object, got "on"'] },
  { name: 'a number is not an object', raw: 42, settings: DEFAULT_SETTINGS, warnings: ['expected an object, got 42'] },
  { name: 'an array is not an object', raw: [], settings: DEFAULT_SETTINGS, warnings: ['expected an object, got an array'] },
  { name: 'valid settings are kept', raw: { enable: false, rules: { 'apk-prefer-no-cache': 'error' } }, settings: { enable: false, rules: { 'apk-prefer-no-cache': 'error' } }, warnings: [] },
  { name: 'every severity, including off', raw: { rules: { 'apk-prefer-no-cache': 'off', 'no-unused-suppression': 'info' } }, settings: { enable: true, rules: { 'apk-prefer-no-cache': 'off', 'no-unused-suppression': 'info' } }, warnings: [] },
  { name: 'enable must be a boolean', raw: { enable: 'false' }, settings: { enable: true, rules: {} }, warnings: ['"alpinist.enable": expected true or false, got "false"'] },
  { name: 'enable: null is not a boolean', raw: { enable: null }, settings: { enable: true, rules: {} }, warnings: ['"alpinist.enable": expected true or false, got null'] },
  { name: 'rules must be an object', raw: { rules: 'all' }, settings: { enable: true, rules: {} }, warnings: ['"alpinist.rules": expected an object mapping rule ids to severities, got "all"'] },
  { name: 'rules as an array', raw: { rules: ['apk-prefer-no-cache'] }, settings: { enable: true, rules: {} }, warnings: ['"alpinist.rules": expected an object mapping rule ids to severities, got an array'] },
  { name: 'rules: null is ignored silently', raw: { rules: null }, settings: { enable: true, rules: {} }, warnings: [] },
  { name: 'an unknown rule id', raw: { rules: { 'no-such-rule': 'error' } }, settings: { enable: true, rules: {} }, warnings: ['"alpinist.rules.no-such-rule": there is no Alpinist rule or hadolint code with that name'] },
  { name: 'a hadolint code names the rules that stand for it', raw: { rules: { DL3019: 'off', DL9999: 'error' } }, settings: { enable: true, rules: { 'apk-prefer-no-cache': 'off' } }, warnings: [] },
  { name: 'an explicit default is kept (it wins over a config file)', raw: { rules: { 'apk-prefer-no-cache': 'warning' } }, settings: { enable: true, rules: { 'apk-prefer-no-cache': 'warning' } }, warnings: [] },
  { name: 'a key of every object is no rule', raw: { rules: { constructor: 'off', toString: 'error' } }, settings: { enable: true, rules: {} }, warnings: ['"alpinist.rules.constructor"', '"alpinist.rules.toString"'] },
  { name: 'a bad severity string', raw: { rules: { 'apk-prefer-no-cache': 'fatal' } }, settings: { enable: true, rules: {} }, warnings: ['"alpinist.rules.apk-prefer-no-cache": expected one of off, hint, info, warning, error, got "fatal"'] },
  { name: 'severities are case-sensitive', raw: { rules: { 'apk-prefer-no-cache': 'Error' } }, settings: { enable: true, rules: {} }, warnings: ['got "Error"'] },
  { name: 'a severity that is not a string', raw: { rules: { 'apk-prefer-no-cache': true } }, settings: { enable: true, rules: {} }, warnings: ['got true'] },
  { name: 'a severity that is an object', raw: { rules: { 'apk-prefer-no-cache': { level: 'error' } } }, settings: { enable: true, rules: {} }, warnings: ['got an object'] },
  { name: 'long values are shortened in the warning', raw: { enable: 'x'.repeat(100) }, settings: { enable: true, rules: {} }, warnings: [`got "${'x'.repeat(40)}…"`] },
  {
    name: 'several problems: every warning collected, valid entries kept',
    raw: { enable: 1, rules: { 'no-such-rule': 'off', 'apk-prefer-no-cache': 'loud', 'no-unused-suppression': 'warning' }, unknownKey: true },
    settings: { enable: true, rules: { 'no-unused-suppression': 'warning' } },
    warnings: ['"alpinist.enable": expected true or false, got 1', '"alpinist.rules.no-such-rule"', '"alpinist.rules.apk-prefer-no-cache"'],
  },
];

describe('validateSettings', () => {
  for (const { name, raw, settings, warnings } of cases) {
    it(name, () => {
      const received: string[] = [];
      assert.deepEqual(validateSettings(raw, (message) => received.push(message)), settings);
      assert.equal(received.length, warnings.length, `warnings: ${received.join(' | ')}`);
      warnings.forEach((expected, index) => {
        assert.ok(received[index].includes(expected), `"${received[index]}" lacks "${expected}"`);
        assert.match(received[index], /^Ignoring .*\.$/, 'one sentence that says what was ignored');
      });
    });
  }

  it('never shares the defaults object with its result', () => {
    const result = validateSettings({ rules: { 'apk-prefer-no-cache': 'error' } }, () => undefined);
    assert.deepEqual(DEFAULT_SETTINGS, { enable: true, rules: {} });
    assert.notEqual(result.rules, DEFAULT_SETTINGS.rules);
  });
});
