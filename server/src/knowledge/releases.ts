/**
 * Alpine release branches, package names that disappeared with Python 2, and which runtime
 * package holds the libraries of common `-dev` packages. Data only; queries live in lookup.ts.
 */
import type { AlpineRelease, DevRuntimePair, LegacyAlias, PackageRename, Reference } from './types';

/** Date the release table was last checked. */
export const alpineReleasesAsOf = '2026-11-26';

const releasesPage: Reference = { title: 'Alpine Linux releases', url: 'https://alpinelinux.org/releases/' };

/**
 * Stable branches 3.0 … 3.24, oldest first. `endOfSupport` is the `main` repository's end of
 * support; `community` is only maintained until the next stable branch.
 *
 * Note: dates for 3.0–3.23 follow the alpinelinux.org release table as mirrored by
 * https://endoflife.date/alpine-linux (some `.0` dates differ by a day from the announcement post).
 * 3.24.0 was announced on 2026-06-09; its end of support (2028-06-01) was confirmed by one
 * secondary source only. No 3.25 release existed as of 2026-11-26 (one is expected around December).
 */
export const alpineReleases: readonly AlpineRelease[] = [
  { version: '3.0', released: '2014-06-04', endOfSupport: '2016-05-01' },
  { version: '3.1', released: '2014-12-10', endOfSupport: '2016-11-01' },
  { version: '3.2', released: '2015-05-26', endOfSupport: '2017-05-01' },
  { version: '3.3', released: '2015-12-19', endOfSupport: '2017-11-01' },
  { version: '3.4', released: '2016-05-31', endOfSupport: '2018-05-01' },
  { version: '3.5', released: '2016-12-22', endOfSupport: '2018-11-01' },
  { version: '3.6', released: '2017-05-24', endOfSupport: '2019-05-01' },
  { version: '3.7', released: '2017-11-30', endOfSupport: '2019-11-01' },
  { version: '3.8', released: '2018-06-26', endOfSupport: '2020-05-01' },
  { version: '3.9', released: '2019-01-29', endOfSupport: '2020-11-01' },
  { version: '3.10', released: '2019-06-19', endOfSupport: '2021-05-01' },
  { version: '3.11', released: '2019-12-19', endOfSupport: '2021-11-01' },
  { version: '3.12', released: '2020-05-29', endOfSupport: '2022-05-01' },
  { version: '3.13', released: '2021-01-14', endOfSupport: '2022-11-01' },
  { version: '3.14', released: '2021-06-15', endOfSupport: '2023-05-01' },
  { version: '3.15', released: '2021-11-24', endOfSupport: '2023-11-01' },
  { version: '3.16', released: '2022-05-23', endOfSupport: '2024-05-23' },
  { version: '3.17', released: '2022-11-22', endOfSupport: '2024-11-22' },
  { version: '3.18', released: '2023-05-09', endOfSupport: '2025-05-09' },
  { version: '3.19', released: '2023-12-07', endOfSupport: '2025-11-01' },
  { version: '3.20', released: '2024-05-22', endOfSupport: '2026-04-01' },
  { version: '3.21', released: '2024-12-05', endOfSupport: '2026-11-01' },
  { version: '3.22', released: '2025-05-30', endOfSupport: '2027-05-01' },
  { version: '3.23', released: '2025-12-04', endOfSupport: '2027-11-01' },
  { version: '3.24', released: '2026-06-09', endOfSupport: '2028-06-01' },
];

/** Newest stable branch in {@link alpineReleases}. */
export const latestAlpineRelease = '3.24';

/** Where the release table's facts come from. */
export const alpineReleaseReferences: readonly Reference[] = [
  releasesPage,
  { title: 'endoflife.date: Alpine Linux', url: 'https://endoflife.date/alpine-linux' },
  { title: 'Alpine 3.24.0 released', url: 'https://alpinelinux.org/posts/Alpine-3.24.0-released.html' },
];

/**
 * Python 2 era names that `apk add` no longer resolves ("unable to select packages" /
 * "unsatisfiable constraints").
 */
export const packageRenames: readonly PackageRename[] = [
  {
    name: 'python',
    replacement: 'python3',
    lastRelease: '3.11',
    firstReleaseWithout: '3.12',
    note: 'Up to 3.11 `python2` provided the name `python`; from 3.12 nothing provides it.',
    reference: {
      title: 'treehouses/kolibri#22: `python (missing)` on Alpine 3.12',
      url: 'https://github.com/treehouses/kolibri/pull/22',
    },
  },
  {
    name: 'python-dev',
    replacement: 'python3-dev',
    lastRelease: '3.11',
    firstReleaseWithout: '3.12',
    note: 'Up to 3.11 `python2-dev` provided the name `python-dev`; from 3.12 nothing provides it.',
    reference: {
      title: 'docker-library/python#496: `python-dev (missing)` on Alpine 3.12',
      url: 'https://github.com/docker-library/python/issues/496',
    },
  },
  {
    name: 'python2',
    replacement: 'python3',
    lastRelease: '3.15',
    firstReleaseWithout: '3.16',
    note: 'Python 2 moved to `community` in 3.12 and was removed from the repositories in 3.16.',
    reference: {
      title: 'TryGhost/docker-library-ghost#328: `python2` not available in Alpine 3.16',
      url: 'https://github.com/TryGhost/docker-library-ghost/pull/328',
    },
  },
  {
    name: 'python2-dev',
    replacement: 'python3-dev',
    lastRelease: '3.15',
    firstReleaseWithout: '3.16',
    note: 'A subpackage of `python2`; it went away together with it in 3.16.',
    reference: {
      title: 'TryGhost/docker-library-ghost#328: `python2` not available in Alpine 3.16',
      url: 'https://github.com/TryGhost/docker-library-ghost/pull/328',
    },
  },
  {
    name: 'py2-pip',
    replacement: 'py3-pip',
    // Note: present through 3.10; whether 3.11 still had it is unverified, hence the gap.
    lastRelease: '3.10',
    firstReleaseWithout: '3.12',
    note:
      'pip for Python 2 lived in `main` and never moved to `community` with `python2`; ' +
      'it is certainly gone from 3.12 on (3.11 unverified).',
    reference: {
      title: 'pkgs.alpinelinux.org: py2-pip in v3.10',
      url: 'https://pkgs.alpinelinux.org/packages?name=py2-pip&branch=v3.10',
    },
  },
];

/**
 * Legacy names that still install today because a Python 3 package lists them in `provides`
 * (checked in aports `master`, 2026). They install the Python 3 package, not Python 2.
 */
export const legacyAliases: readonly LegacyAlias[] = [
  {
    name: 'py-pip',
    providedBy: 'py3-pip',
    note: '`py3-pip` declares `provides="py-pip"` for backwards compatibility.',
    reference: {
      title: 'aports: main/py3-pip APKBUILD',
      url: 'https://gitlab.alpinelinux.org/alpine/aports/-/blob/master/main/py3-pip/APKBUILD',
    },
  },
  {
    name: 'py-setuptools',
    providedBy: 'py3-setuptools',
    note: '`py3-setuptools` declares `provides="py-setuptools"` for backwards compatibility.',
    reference: {
      title: 'aports: main/py3-setuptools APKBUILD',
      url: 'https://gitlab.alpinelinux.org/alpine/aports/-/blob/master/main/py3-setuptools/APKBUILD',
    },
  },
  {
    name: 'py-virtualenv',
    providedBy: 'py3-virtualenv',
    note: '`py3-virtualenv` declares `provides="py-virtualenv"` for backwards compatibility.',
    reference: {
      title: 'aports: community/py3-virtualenv APKBUILD',
      url: 'https://gitlab.alpinelinux.org/alpine/aports/-/blob/master/community/py3-virtualenv/APKBUILD',
    },
  },
];

/** pkgs.alpinelinux.org page of a package (x86_64), used as the source of each pair. */
function packagePage(name: string, repo: 'main' | 'community' = 'main', branch = 'edge'): Reference {
  return {
    title: `pkgs.alpinelinux.org: ${name} (${branch})`,
    url: `https://pkgs.alpinelinux.org/package/${branch}/${repo}/x86_64/${name}`,
  };
}

/**
 * Common `-dev` packages and the runtime packages that keep the shared libraries a build linked
 * against. As of Alpine 3.22–3.24 (edge checked 2026-11).
 */
export const devRuntimePairs: readonly DevRuntimePair[] = [
  { dev: 'libffi-dev', runtime: ['libffi'], reference: packagePage('libffi-dev') },
  {
    dev: 'openssl-dev',
    runtime: ['libssl3', 'libcrypto3'],
    note: 'OpenSSL 3 library packages, the default since Alpine 3.17.',
    reference: packagePage('openssl-dev'),
  },
  {
    dev: 'libressl-dev',
    runtime: ['libressl'],
    note:
      'The library subpackages carry the LibreSSL version in their name (`libressl<ver>-libssl`, ' +
      '`-libcrypto`, `-libtls`); installing `libressl` pulls in the matching ones.',
    reference: packagePage('libressl-dev', 'community'),
  },
  {
    dev: 'postgresql-dev',
    runtime: ['libpq'],
    note: 'Provided by the versioned `postgresqlNN-dev`; client code only needs `libpq`.',
    reference: packagePage('libpq'),
  },
  { dev: 'libpq-dev', runtime: ['libpq'], reference: packagePage('libpq-dev') },
  {
    dev: 'jpeg-dev',
    runtime: ['libjpeg-turbo'],
    note: '`jpeg-dev` is a wrapper around `libjpeg-turbo-dev`.',
    reference: packagePage('jpeg-dev'),
  },
  { dev: 'libjpeg-turbo-dev', runtime: ['libjpeg-turbo'], reference: packagePage('libjpeg-turbo-dev') },
  { dev: 'zlib-dev', runtime: ['zlib'], reference: packagePage('zlib-dev') },
  { dev: 'libxml2-dev', runtime: ['libxml2'], reference: packagePage('libxml2-dev') },
  { dev: 'libxslt-dev', runtime: ['libxslt'], reference: packagePage('libxslt-dev') },
  { dev: 'freetype-dev', runtime: ['freetype'], reference: packagePage('freetype-dev') },
  { dev: 'lcms2-dev', runtime: ['lcms2'], reference: packagePage('lcms2-dev') },
  { dev: 'openjpeg-dev', runtime: ['openjpeg'], reference: packagePage('openjpeg-dev') },
  { dev: 'tiff-dev', runtime: ['tiff'], reference: packagePage('tiff-dev') },
  { dev: 'libwebp-dev', runtime: ['libwebp'], reference: packagePage('libwebp-dev') },
  { dev: 'yaml-dev', runtime: ['yaml'], reference: packagePage('yaml-dev') },
  {
    dev: 'mariadb-dev',
    runtime: ['mariadb-connector-c'],
    note: 'Client programs link `libmariadb` from `mariadb-connector-c`.',
    reference: packagePage('mariadb-connector-c'),
  },
  { dev: 'mariadb-connector-c-dev', runtime: ['mariadb-connector-c'], reference: packagePage('mariadb-connector-c-dev') },
  { dev: 'sqlite-dev', runtime: ['sqlite-libs'], reference: packagePage('sqlite-dev') },
  { dev: 'readline-dev', runtime: ['readline'], reference: packagePage('readline-dev') },
  { dev: 'ncurses-dev', runtime: ['ncurses-libs'], reference: packagePage('ncurses-dev') },
  { dev: 'bzip2-dev', runtime: ['libbz2'], reference: packagePage('bzip2-dev') },
  { dev: 'xz-dev', runtime: ['xz-libs'], reference: packagePage('xz-dev') },
  {
    dev: 'gmp-dev',
    runtime: ['gmp'],
    note: 'C++ bindings are in `libgmpxx`.',
    reference: packagePage('gmp-dev'),
  },
  { dev: 'libsodium-dev', runtime: ['libsodium'], reference: packagePage('libsodium-dev') },
  {
    dev: 'pcre-dev',
    runtime: ['pcre'],
    note: 'PCRE1 is end-of-life upstream; newer software links `pcre2` instead.',
    reference: packagePage('pcre-dev', 'main', 'v3.21'),
  },
  { dev: 'pcre2-dev', runtime: ['pcre2'], reference: packagePage('pcre2-dev') },
  {
    dev: 'icu-dev',
    runtime: ['icu-libs'],
    note: '`icu-libs` brings English-only data (`icu-data-en`); other locales need `icu-data-full`.',
    reference: packagePage('icu-libs'),
  },
  { dev: 'curl-dev', runtime: ['libcurl'], reference: packagePage('curl-dev') },
  {
    dev: 'linux-headers',
    runtime: [],
    note: 'Kernel headers for compiling only.',
    reference: packagePage('linux-headers'),
  },
  {
    dev: 'musl-dev',
    runtime: [],
    note: 'musl itself is part of every Alpine image.',
    reference: packagePage('musl-dev'),
  },
];

/**
 * Names that a later package took over under another name. Unlike {@link packageRenames} these carry no release:
 * rules offer the replacement only when the stage's package index has it.
 */
export const packageSuccessors: readonly { readonly name: string; readonly replacement: string; readonly reference: Reference }[] = [
  {
    name: 'nodejs-npm',
    replacement: 'npm',
    reference: { title: 'pkgs.alpinelinux.org: npm (edge)', url: 'https://pkgs.alpinelinux.org/package/edge/community/x86_64/npm' },
  },
  {
    name: 'py-pip',
    replacement: 'py3-pip',
    reference: { title: 'aports: main/py3-pip APKBUILD', url: 'https://gitlab.alpinelinux.org/alpine/aports/-/blob/master/main/py3-pip/APKBUILD' },
  },
];

/** A whole family of packages (`php7`, `php7-*`) that Alpine dropped at one release. */
export interface RemovedPackageFamily {
  /** The family's base package; its subpackages are `${base}-…`. */
  readonly base: string;
  /** Last Alpine release known to have the family. */
  readonly lastRelease: string;
  /** First Alpine release known to lack it. */
  readonly firstReleaseWithout: string;
  readonly reference: Reference;
}

/**
 * Families whose every name stops resolving at one release (checked 2026-12-05). PHP 7.4 was the last PHP 7 in
 * Alpine (3.15, `community`); 3.16 ships PHP 8 only (`php8`, `php81`), so `apk add php7-…` fails there.
 */
export const removedPackageFamilies: readonly RemovedPackageFamily[] = [
  {
    base: 'php7',
    lastRelease: '3.15',
    firstReleaseWithout: '3.16',
    reference: {
      title: 'docker-library/php#1300: `php7-dev (no such package)` on Alpine 3.16, installed on 3.15',
      url: 'https://github.com/docker-library/php/issues/1300',
    },
  },
];
