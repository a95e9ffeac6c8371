import assert from 'node:assert/strict';
import {
  compareAlpineVersions,
  findApkFlagEntry,
  findEntry,
  findLegacyAlias,
  findRelease,
  findRename,
  findRuntimeCounterparts,
  isReleasePastSupport,
  isRemovedIn,
  knownAbsence,
  toPackageName,
} from '../../../server/src/knowledge/lookup';
import { apkFlagAliases, knowledgeEntries } from '../../../server/src/knowledge/musl';
import {
  alpineReleaseReferences,
  alpineReleases,
  alpineReleasesAsOf,
  devRuntimePairs,
  latestAlpineRelease,
  legacyAliases,
  packageRenames,
} from '../../../server/src/knowledge/releases';
import type { Reference } from '../../../server/src/knowledge/types';

function isHttpsUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

function assertReference(reference: Reference, where: string): void {
  assert.ok(reference.title.trim().length > 0, `${where}: empty reference title`);
  assert.ok(isHttpsUrl(reference.url), `${where}: not an https URL: ${reference.url}`);
}

/** Checks the Markdown subset the hover renderer relies on. */
function assertRenderableMarkdown(text: string, where: string): void {
  assert.ok(text.trim().length > 0, `${where}: empty`);
  assert.equal((text.match(/`/g) ?? []).length % 2, 0, `${where}: unbalanced backticks`);
  const outsideCode = text.replace(/`[^`]*`/g, '');
  assert.doesNotMatch(outsideCode, /<\/?[a-zA-Z][^>]*>/, `${where}: raw HTML`);
  assert.doesNotMatch(text, /^#{1,2}\s/m, `${where}: heading above ###`);
}

describe('knowledge base', () => {
  describe('knowledgeEntries', () => {
    it('has unique keys', () => {
      const keys = knowledgeEntries.map((entry) => entry.key);
      assert.deepEqual([...new Set(keys)], keys);
    });

    it('covers the topics rules and hovers ask for', () => {
      const required = ['alpine-base', 'pip-install', 'gcompat', 'libc6-compat', 'musl-dev', 'build-base'];
      for (const key of [...required, 'env-locale', 'glibc-download', 'apk-flag:--no-cache']) {
        assert.ok(findEntry(key), `missing entry ${key}`);
      }
    });

    for (const entry of knowledgeEntries) {
      describe(entry.key, () => {
        it('has a short one-line summary ending with a period', () => {
          assert.ok(entry.summary.length < 100, `${entry.summary.length} chars: ${entry.summary}`);
          assert.ok(entry.summary.endsWith('.'));
          assert.doesNotMatch(entry.summary, /\n/);
          assertRenderableMarkdown(entry.summary, 'summary');
        });

        it('has a title and renderable details', () => {
          assert.ok(entry.title.trim().length > 0);
          assertRenderableMarkdown(entry.title, 'title');
          assertRenderableMarkdown(entry.details, 'details');
        });

        it('has one-line Markdown remedies', () => {
          for (const remedy of entry.remedies) {
            assert.doesNotMatch(remedy, /\n/);
            assertRenderableMarkdown(remedy, 'remedy');
          }
        });

        it('cites at least one https reference and says when it was checked', () => {
          assert.ok(entry.references.length > 0);
          entry.references.forEach((reference, index) => assertReference(reference, `reference ${index}`));
          assert.match(entry.asOf, /\d{4}-\d{2}/);
        });
      });
    }

    it('gives the libc topics remedies', () => {
      for (const entry of knowledgeEntries.filter((e) => !e.key.startsWith('apk-flag:'))) {
        assert.ok(entry.remedies.length > 0, entry.key);
      }
    });
  });

  describe('apkFlagAliases', () => {
    it('maps every spelling to an existing apk-flag entry', () => {
      for (const [spelling, key] of Object.entries(apkFlagAliases)) {
        assert.match(spelling, /^-{1,2}[A-Za-z]/, spelling);
        assert.ok(key.startsWith('apk-flag:'), key);
        assert.ok(findEntry(key), `${spelling} → ${key} has no entry`);
      }
    });

    it('lists the long name of every flag entry', () => {
      for (const entry of knowledgeEntries.filter((e) => e.key.startsWith('apk-flag:'))) {
        const longName = entry.key.slice('apk-flag:'.length);
        assert.equal(apkFlagAliases[longName], entry.key);
      }
    });
  });

  describe('alpineReleases', () => {
    it('is sorted by version and release date, with valid dates', () => {
      alpineReleases.forEach((release, index) => {
        assert.ok(isIsoDate(release.released), `${release.version} released ${release.released}`);
        assert.ok(isIsoDate(release.endOfSupport), `${release.version} end ${release.endOfSupport}`);
        assert.ok(release.released < release.endOfSupport, release.version);
        const previous = alpineReleases[index - 1];
        if (previous) {
          assert.ok(compareAlpineVersions(previous.version, release.version) < 0, release.version);
          assert.ok(previous.released < release.released, release.version);
        }
      });
    });

    it('runs from 3.0 to latestAlpineRelease, the newest release', () => {
      assert.equal(alpineReleases[0]?.version, '3.0');
      const newest = [...alpineReleases].sort((a, b) => compareAlpineVersions(b.version, a.version))[0];
      assert.equal(latestAlpineRelease, newest?.version);
    });

    it('is dated no earlier than its newest release', () => {
      assert.ok(isIsoDate(alpineReleasesAsOf));
      assert.ok(alpineReleases.every((release) => release.released <= alpineReleasesAsOf));
      alpineReleaseReferences.forEach((reference) => assertReference(reference, reference.title));
    });
  });

  describe('packageRenames, legacyAliases and devRuntimePairs', () => {
    it('give renames a source, an order and a replacement that still exists', () => {
      for (const rename of packageRenames) {
        assertReference(rename.reference, rename.name);
        assert.ok(compareAlpineVersions(rename.lastRelease, rename.firstReleaseWithout) < 0, rename.name);
        assert.ok(findRelease(rename.lastRelease) && findRelease(rename.firstReleaseWithout), rename.name);
        assert.equal(findRename(rename.replacement), undefined, `${rename.name} → ${rename.replacement}`);
        assert.ok(rename.note.endsWith('.'), rename.name);
      }
    });

    it('keeps names that still install out of the rename table', () => {
      for (const alias of legacyAliases) {
        assertReference(alias.reference, alias.name);
        assert.equal(findRename(alias.name), undefined, alias.name);
      }
    });

    it('gives every dev package one entry and a source', () => {
      const devs = devRuntimePairs.map((pair) => pair.dev);
      assert.deepEqual([...new Set(devs)], devs);
      for (const pair of devRuntimePairs) {
        assertReference(pair.reference, pair.dev);
        for (const runtime of pair.runtime) assert.doesNotMatch(runtime, /-dev$/, pair.dev);
      }
    });
  });

  describe('lookup', () => {
    it('finds entries by key', () => {
      assert.equal(findEntry('gcompat')?.key, 'gcompat');
      assert.equal(findEntry('no-such-key'), undefined);
      assert.equal(findEntry('constructor'), undefined);
    });

    const flagCases: readonly (readonly [string, string | undefined])[] = [
      ['--no-cache', 'apk-flag:--no-cache'],
      ['-U', 'apk-flag:--update-cache'],
      ['--update', 'apk-flag:--update-cache'],
      ['--update-cache', 'apk-flag:--update-cache'],
      ['-u', 'apk-flag:--upgrade'],
      ['-t', 'apk-flag:--virtual'],
      ['--virtual=.build-deps', 'apk-flag:--virtual'],
      ['-X', 'apk-flag:--repository'],
      ['--repository=https://dl-cdn.alpinelinux.org/alpine/edge/testing', 'apk-flag:--repository'],
      ['-p', 'apk-flag:--root'],
      ['  --purge ', 'apk-flag:--purge'],
      ['--no-such-flag', undefined],
      ['-Uq', undefined],
      ['-x', undefined],
      ['toString', undefined],
    ];
    for (const [spelling, key] of flagCases) {
      it(`findApkFlagEntry(${JSON.stringify(spelling)}) → ${key ?? 'undefined'}`, () => {
        assert.equal(findApkFlagEntry(spelling)?.key, key);
      });
    }

    const versionCases: readonly (readonly [string, string, number])[] = [
      ['3.9', '3.10', -1],
      ['3.10', '3.9', 1],
      ['3.19', '3.19.0', 0],
      ['3.19.1', '3.19', 1],
      ['v3.20', '3.20', 0],
      ['edge', '3.24', 1],
      ['3.24', 'edge', -1],
      ['edge', 'edge', 0],
      ['latest', '3.0', -1],
      ['2.7', '3.0', -1],
    ];
    for (const [a, b, expected] of versionCases) {
      it(`compareAlpineVersions(${a}, ${b}) has sign ${expected}`, () => {
        assert.equal(Math.sign(compareAlpineVersions(a, b)), expected);
      });
    }

    const releaseCases: readonly (readonly [string, string | undefined])[] = [
      ['3.19', '3.19'],
      ['v3.19', '3.19'],
      ['3.19.4', '3.19'],
      ['3.1', '3.1'],
      ['3.10', '3.10'],
      ['edge', undefined],
      ['3', undefined],
      ['3.99', undefined],
      ['latest', undefined],
    ];
    for (const [version, expected] of releaseCases) {
      it(`findRelease(${version}) → ${expected ?? 'undefined'}`, () => {
        assert.equal(findRelease(version)?.version, expected);
      });
    }

    const supportCases: readonly (readonly [string, string, boolean])[] = [
      ['3.21', '2026-11-01', false],
      ['3.21', '2026-11-02', true],
      ['3.21.3', '2026-11-26', true],
      ['3.22', '2026-11-26', false],
      ['3.12', '2026-11-26', true],
      ['2.7', '2026-11-26', true],
      ['edge', '2026-11-26', false],
      ['3.99', '2026-11-26', false],
      ['latest', '2026-11-26', false],
    ];
    for (const [version, today, expected] of supportCases) {
      it(`isReleasePastSupport(${version}, ${today}) → ${expected}`, () => {
        assert.equal(isReleasePastSupport(version, today), expected);
      });
    }

    const nameCases: readonly (readonly [string, string])[] = [
      ['python', 'python'],
      ['python=2.7.18-r0', 'python'],
      ['python~2.7', 'python'],
      ['python>=2.7', 'python'],
      ['python<3', 'python'],
      ['python@edge', 'python'],
      ['py-pip=~9@testing', 'py-pip'],
      ['g++', 'g++'],
      [' curl ', 'curl'],
    ];
    for (const [word, expected] of nameCases) {
      it(`toPackageName(${JSON.stringify(word)}) → ${expected}`, () => {
        assert.equal(toPackageName(word), expected);
      });
    }

    it('finds renames by package word, ignoring constraints', () => {
      assert.equal(findRename('python')?.replacement, 'python3');
      assert.equal(findRename('python-dev=2.7.18-r0')?.replacement, 'python3-dev');
      assert.equal(findRename('python2@community')?.replacement, 'python3');
      assert.equal(findRename('py2-pip>=9')?.replacement, 'py3-pip');
      assert.equal(findRename('python3'), undefined);
      assert.equal(findRename('py-pip'), undefined);
    });

    it('finds legacy names that still install', () => {
      assert.equal(findLegacyAlias('py-pip')?.providedBy, 'py3-pip');
      assert.equal(findLegacyAlias('py-setuptools=70.3.0-r0')?.providedBy, 'py3-setuptools');
      assert.equal(findLegacyAlias('python'), undefined);
    });

    const python = findRename('python');
    const removalCases: readonly (readonly [string, boolean])[] = [
      ['3.11', false],
      ['3.11.13', false],
      ['3.12', true],
      ['3.12.0', true],
      ['v3.20', true],
      ['edge', true],
      ['not-a-version', false],
    ];
    for (const [release, expected] of removalCases) {
      it(`isRemovedIn(python, ${release}) → ${expected}`, () => {
        assert.ok(python);
        assert.equal(isRemovedIn(python, release), expected);
      });
    }

    const runtimeCases: readonly (readonly [string, readonly string[] | undefined])[] = [
      ['libffi-dev', ['libffi']],
      ['openssl-dev', ['libssl3', 'libcrypto3']],
      ['postgresql-dev', ['libpq']],
      ['libpq-dev=17.6-r0', ['libpq']],
      ['jpeg-dev', ['libjpeg-turbo']],
      ['linux-headers', []],
      ['musl-dev', []],
      ['curl', undefined],
    ];
    for (const [dev, expected] of runtimeCases) {
      it(`findRuntimeCounterparts(${dev}) → ${JSON.stringify(expected)}`, () => {
        assert.deepEqual(findRuntimeCounterparts(dev), expected);
      });
    }
  });

  describe('knownAbsence', () => {
    // [package word, release, what the tables know: a rename's name, a removed family's base, or nothing]
    const cases: [string, string, string | undefined][] = [
      ['python', '3.12', 'python'],
      ['python=2.7@edge', 'edge', 'python'],
      ['python', '3.11', undefined],
      ['php7-dev', '3.16', 'php7'],
      ['php7', 'v3.20.1', 'php7'],
      ['php7-fpm', '3.15', undefined],
      ['php7', 'latest', undefined],
      ['php7', '', undefined],
      ['php8-dev', '3.16', undefined],
      ['php71', '3.20', undefined],
      ['curl', '3.20', undefined],
      ['curl', 'not a release', undefined],
    ];
    for (const [word, release, expected] of cases) {
      it(`${word} on ${JSON.stringify(release)}: ${expected ?? 'nothing known'}`, () => {
        const found = knownAbsence(word, release);
        assert.equal(found === undefined ? undefined : 'base' in found ? found.base : found.name, expected);
      });
    }
  });
});
