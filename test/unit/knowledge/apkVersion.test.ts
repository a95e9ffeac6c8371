import assert from 'node:assert/strict';
import { apkVersionSatisfies, compareApkVersions, fuzzyPinOf, isValidApkVersion } from '../../../server/src/knowledge/apkVersion';

describe('apk version order (apk-tools rules)', () => {
  const ascending: readonly (readonly [string, string])[] = [
    ['1.0', '1.1'],
    ['1.9', '1.10'],
    ['1.2.3', '1.2.3.1'],
    ['1.2.3_alpha', '1.2.3_beta'],
    ['1.2.3_beta2', '1.2.3_pre'],
    ['1.2.3_pre1', '1.2.3_rc1'],
    ['1.2.3_rc1', '1.2.3_rc2'],
    ['1.2.3_rc9', '1.2.3'],
    ['1.2.3', '1.2.3_cvs'],
    ['1.2.3_cvs', '1.2.3_svn'],
    ['1.2.3_svn', '1.2.3_git'],
    ['1.2.3_git', '1.2.3_hg'],
    ['1.2.3_hg', '1.2.3_p'],
    ['1.2.3_p1', '1.2.3_p2'],
    ['1.2.3', '1.2.3a'],
    ['1.2.3a', '1.2.3b'],
    ['1.2.3b', '1.2.4'],
    ['1.2.3-r0', '1.2.3-r1'],
    ['1.2.3-r9', '1.2.3-r10'],
    ['1.2.3', '1.2.3-r0'],
    ['1.2.3_rc1-r5', '1.2.3-r0'],
    ['1.2.3-r5', '1.2.3.0'],
    ['1.01', '1.1'],
    ['1.001', '1.01'],
    ['8.14.1-r1', '8.14.1-r2'],
    ['20240705-r0', '20250619-r0'],
    ['1.2.3~abc', '1.2.3~abd'],
    ['1.2.3-r0', '1.2.3~abc-r1'],
  ];
  for (const [older, newer] of ascending) {
    it(`${older} < ${newer}`, () => {
      assert.ok(compareApkVersions(older, newer) < 0, `${older} should sort before ${newer}`);
      assert.ok(compareApkVersions(newer, older) > 0, `${newer} should sort after ${older}`);
    });
  }
  it('equal versions', () => {
    for (const version of ['1.2.3', '1.2.3-r0', '1.2.3_rc1-r2', '2.0a_p3-r1']) assert.equal(compareApkVersions(version, version), 0);
  });
  it('validity', () => {
    for (const version of ['1', '1.2.3', '1.2.3a', '1.2.3_rc1', '1.2.3_rc1_p2-r0', '1.0~0123abc-r3']) assert.ok(isValidApkVersion(version), version);
    for (const version of ['', 'a1', '1.2.3-x1', '1.2.3_foo', '1.2.3-r1-r2', '1..2', '1.2.3ab']) assert.ok(!isValidApkVersion(version), version);
  });
});

describe('apk constraint matching', () => {
  const cases: readonly (readonly [string, string, string, boolean | undefined])[] = [
    ['1.2.3-r0', '=', '1.2.3-r0', true],
    ['1.2.3-r1', '=', '1.2.3-r0', false],
    ['1.2.3-r1', '=', '1.2.3', false],
    ['1.2.3-r1', '~', '1.2.3', true],
    ['1.2.9-r3', '~', '1.2', true],
    ['1.20.0-r0', '~', '1.2', false],
    ['1.2.3-r0', '~', '1', true],
    ['2.0-r0', '~', '1', false],
    ['1.2.3_rc1-r0', '~', '1.2.3', true],
    ['1.2.3-r0', '=~', '1.2', true],
    ['1.2.3-r0', '>=', '1.2.3-r0', true],
    ['1.2.3-r0', '>=', '1.2.4', false],
    ['1.2.3-r0', '<', '1.3', true],
    ['1.3-r0', '<', '1.3', false],
    ['1.2-r0', '<=', '1.2-r0', true],
    ['1.2-r0', '>', '1.1', true],
    ['1.2.5-r0', '>~', '1.2', true],
    ['1.1.5-r0', '>~', '1.2', false],
    ['1.2.5-r0', '<~', '1.2', true],
    ['1.2.5-r0', '><', 'Q1abc', undefined],
    ['1.2.5-r0', '!', '1', undefined],
  ];
  for (const [version, operator, constraint, expected] of cases) {
    it(`${version} ${operator} ${constraint} → ${String(expected)}`, () => assert.equal(apkVersionSatisfies(version, operator, constraint), expected));
  }
  it('fuzzy pins take the first two numbers', () => {
    assert.equal(fuzzyPinOf('8.14.1-r2'), '8.14');
    assert.equal(fuzzyPinOf('20250619-r0'), undefined);
    assert.equal(fuzzyPinOf('1.2_rc1-r0'), '1.2');
  });
});
