/**
 * Pure queries over the knowledge tables, used by hovers and rules. No rendering here:
 * Markdown/plain-text output is produced in features/hover.ts.
 */
import { apkFlagAliases, knowledgeEntries } from './musl';
import { alpineReleases, devRuntimePairs, legacyAliases, packageRenames, removedPackageFamilies, type RemovedPackageFamily } from './releases';
import type { AlpineRelease, KnowledgeEntry, LegacyAlias, PackageRename } from './types';

// Why: Maps instead of object indexing, so words like `constructor` never hit the prototype.
const entriesByKey = new Map(knowledgeEntries.map((entry) => [entry.key, entry]));
const flagKeysBySpelling = new Map(Object.entries(apkFlagAliases));
const releasesByVersion = new Map(alpineReleases.map((release) => [release.version, release]));
const renamesByName = new Map(packageRenames.map((rename) => [rename.name, rename]));
const legacyAliasesByName = new Map(legacyAliases.map((alias) => [alias.name, alias]));
const runtimeByDev = new Map(devRuntimePairs.map((pair) => [pair.dev, pair.runtime]));

/** Finds a knowledge entry by its key, e.g. `gcompat` or `apk-flag:--no-cache`. */
export function findEntry(key: string): KnowledgeEntry | undefined {
  return entriesByKey.get(key);
}

/**
 * Finds the entry for an apk option as written on a command line: `--virtual`, `-t`,
 * `--update` or `--repository=https://…` (an attached `=value` is ignored).
 * Note: bundled short options such as `-Uq` are not split here; the shell model does that.
 */
export function findApkFlagEntry(flagSpelling: string): KnowledgeEntry | undefined {
  const spelling = flagSpelling.trim();
  const equals = spelling.startsWith('--') ? spelling.indexOf('=') : -1;
  const name = equals > 0 ? spelling.slice(0, equals) : spelling;
  const key = flagKeysBySpelling.get(name);
  return key === undefined ? undefined : entriesByKey.get(key);
}

type ParsedVersion =
  | { readonly kind: 'invalid'; readonly text: string }
  | { readonly kind: 'numeric'; readonly parts: readonly number[] }
  | { readonly kind: 'edge' };

function parseAlpineVersion(version: string): ParsedVersion {
  const text = version.trim().toLowerCase().replace(/^v/, '');
  if (text === 'edge') return { kind: 'edge' };
  if (/^\d+(\.\d+)*$/.test(text)) return { kind: 'numeric', parts: text.split('.').map(Number) };
  return { kind: 'invalid', text };
}

const kindRank = { invalid: 0, numeric: 1, edge: 2 } as const;

/**
 * Orders Alpine versions: `3.9` < `3.10` < `3.10.1` < `edge`. A leading `v` is ignored and
 * missing components count as 0 (`3.19` equals `3.19.0`). Unparsable strings sort first,
 * among themselves by text. Returns a negative number, 0 or a positive number.
 */
export function compareAlpineVersions(a: string, b: string): number {
  const left = parseAlpineVersion(a);
  const right = parseAlpineVersion(b);
  if (left.kind !== right.kind) return kindRank[left.kind] - kindRank[right.kind];
  if (left.kind === 'numeric' && right.kind === 'numeric') {
    const length = Math.max(left.parts.length, right.parts.length);
    for (let index = 0; index < length; index++) {
      const difference = (left.parts[index] ?? 0) - (right.parts[index] ?? 0);
      if (difference !== 0) return Math.sign(difference);
    }
    return 0;
  }
  if (left.kind === 'invalid' && right.kind === 'invalid') {
    return left.text < right.text ? -1 : left.text > right.text ? 1 : 0;
  }
  return 0;
}

/** Finds a release branch by `3.19`, `v3.19` or a point release such as `3.19.4`. */
export function findRelease(version: string): AlpineRelease | undefined {
  const parsed = parseAlpineVersion(version);
  if (parsed.kind !== 'numeric' || parsed.parts.length < 2) return undefined;
  return releasesByVersion.get(`${parsed.parts[0]}.${parsed.parts[1]}`);
}

/**
 * Whether the `main` repository of `version`'s branch is out of support on `today`
 * (`YYYY-MM-DD`, passed in so this stays pure). Support ends after the listed date.
 * Branches older than the table (2.x) count as past support; `edge` and unknown versions do not.
 */
export function isReleasePastSupport(version: string, today: string): boolean {
  const release = findRelease(version);
  if (release) return today > release.endOfSupport;
  const oldest = alpineReleases[0];
  return (
    oldest !== undefined &&
    parseAlpineVersion(version).kind === 'numeric' &&
    compareAlpineVersions(version, oldest.version) < 0
  );
}

/**
 * The package name of an apk package word: drops a version constraint (`=1.2`, `~1.2`,
 * `>=1.2`, `<2`, `=~1`) and a repository tag (`@edge`), e.g. `python=2.7@edge` → `python`.
 */
export function toPackageName(packageWord: string): string {
  const word = packageWord.trim();
  const end = word.search(/[=<>~@]/);
  return end === -1 ? word : word.slice(0, end);
}

/** Finds a removed package name for an apk package word (constraints and tags ignored). */
export function findRename(packageName: string): PackageRename | undefined {
  return renamesByName.get(toPackageName(packageName));
}

/** Finds a legacy name that still installs through a newer package's `provides`. */
export function findLegacyAlias(packageName: string): LegacyAlias | undefined {
  return legacyAliasesByName.get(toPackageName(packageName));
}

/**
 * Whether `release` (`3.19`, `3.19.4`, `v3.19` or `edge`) no longer has the renamed package.
 * Unparsable releases give `false`.
 */
export function isRemovedIn(rename: PackageRename, release: string): boolean {
  if (parseAlpineVersion(release).kind === 'invalid') return false;
  return compareAlpineVersions(release, rename.firstReleaseWithout) >= 0;
}

/**
 * Runtime packages that hold the libraries of a `-dev` package (constraints and tags ignored).
 * An empty list means nothing is needed at run time; `undefined` means the package is unknown.
 */
export function findRuntimeCounterparts(devPackage: string): readonly string[] | undefined {
  return runtimeByDev.get(toPackageName(devPackage));
}

/**
 * What the built-in tables know about `name` missing from `release` (`3.24`, `edge`): the rename or the removed
 * family that makes `apk add name` fail there; undefined when nothing is known (not a proof that it resolves).
 */
export function knownAbsence(name: string, release: string): PackageRename | RemovedPackageFamily | undefined {
  const packageName = toPackageName(name);
  const rename = renamesByName.get(packageName);
  if (rename && isRemovedIn(rename, release)) return rename;
  // Why the names first: this runs for every package of every `apk add`, and few belong to a removed family; the
  // release is read only for those.
  let releaseIsValid: boolean | undefined;
  return removedPackageFamilies.find((family) =>
    (packageName === family.base || packageName.startsWith(`${family.base}-`)) &&
    (releaseIsValid ??= parseAlpineVersion(release).kind !== 'invalid') &&
    compareAlpineVersions(release, family.firstReleaseWithout) >= 0);
}
