/**
 * glibc builds on musl: which downloads and packages are built for glibc (so they fail on Alpine), and what to use
 * instead. The rule `alpine-no-glibc-binaries` and the hover on such a download read this one table.
 * Sources: the musl wiki's "Functional differences from glibc"; Node.js unofficial-builds (musl builds); Microsoft's
 * .NET download pages (`linux-musl`); Adoptium (`alpine-linux` builds); AWS CLI v2 install docs (glibc only, Alpine
 * packages `aws-cli`); PEP 600/656 (`manylinux` vs `musllinux` wheels); sgerrand/alpine-pkg-glibc. Checked 2026-11-26.
 */

export type GlibcKind = 'build' | 'node' | 'dotnet' | 'temurin' | 'awscli' | 'manylinux' | 'sgerrand';

export interface GlibcFile {
  readonly kind: GlibcKind;
  /** The last path segment, as written. */
  readonly fileName: string;
}

export const DOWNLOADERS = new Set(['curl', 'wget']);
export const URL_PATTERN = /^(?:https?|ftp):\/\//i;
/** Keys, signatures and checksums that travel with a download; the download itself is reported. */
const COMPANION_FILE = /(?:\.(?:asc|sig|sign|minisig|pub|pem|md5|sha\d*|sha\d*sum|sum|txt|json)|^shasums\d*.*)$/i;
// Note: `(?=(…))\1` takes the first `-linux-` once and for all; `[^/]*-linux-[^/]+` backtracked quadratically.
const NODE = /(?:^|\/)node-v(?=([^/]*?-linux-))\1[^/]+\.tar\.(?:gz|xz)$/i;
const DOTNET = /(?:^|\/)(?:dotnet|aspnetcore)-[^/]*-linux-(?:x64|arm64|arm)\.tar\.gz$/i;
const TEMURIN = /(?:^|\/)openjdk\d+u?-(?:jdk|jre)_[^/_]+_linux_hotspot[^/]*\.tar\.gz$/i;
const AWSCLI = /(?:^|\/)awscli-exe-linux-[^/]+\.zip$/i;
const SGERRAND_APK = /^glibc-(?:bin-|i18n-|dev-)?\d[^/]*\.apk$/i;
const LINUX_GNU = /[-_.]linux-gnu(?:eabi|eabihf|x32|abi64)?(?:[-_./]|$)/i;
/** Package names of the third-party glibc apk (there is no `glibc` package in Alpine's repositories). */
export const SGERRAND_PACKAGES = new Set(['glibc', 'glibc-bin', 'glibc-i18n', 'glibc-dev']);
/** Kinds `gcompat` may be enough for; it does nothing for wheels or for a second libc. */
export const SHIMMABLE = new Set<GlibcKind>(['build', 'node', 'dotnet', 'temurin', 'awscli']);

/** Packages that put a glibc compatibility layer under glibc binaries (`libc6-compat` installs `gcompat` nowadays). */
export const GCOMPAT_PACKAGES: ReadonlySet<string> = new Set(['gcompat', 'libc6-compat']);

/** What a glibc file is and what to use instead, by kind: "`name` <what>; <instead>." */
export const GLIBC_REMEDIES: Readonly<Record<GlibcKind, { readonly what: string; readonly instead: string }>> = {
  build: {
    what: 'is a glibc build, which does not run on musl-based Alpine',
    instead: 'use a musl build (`linux-musl`), the Alpine package, `gcompat` or a glibc-based image',
  },
  node: {
    what: 'is the glibc build of Node.js, which does not run on musl-based Alpine',
    instead: 'use `apk add nodejs`, the `-musl` build from unofficial-builds.nodejs.org or a `node:*-alpine` image',
  },
  dotnet: {
    what: 'is the glibc build of .NET, which does not run on musl-based Alpine',
    instead: 'use the `linux-musl` build of the same release',
  },
  temurin: {
    what: 'is the glibc build of Temurin, which does not run on musl-based Alpine',
    instead: 'use the `alpine-linux` build or an `eclipse-temurin:*-alpine` image',
  },
  awscli: {
    what: 'is the glibc build of AWS CLI v2, which does not run on musl-based Alpine',
    instead: 'use the Alpine package (`apk add aws-cli`)',
  },
  manylinux: {
    what: 'is a `manylinux` wheel built for glibc, which pip on Alpine refuses',
    instead: 'use a `musllinux` wheel or build from source',
  },
  sgerrand: {
    what: 'is the third-party glibc package, which puts a second C library next to musl',
    instead: 'prefer a musl build, `gcompat` or a glibc-based image',
  },
};

/** Classifies a URL or file name; undefined unless it is unmistakably a glibc build. */
export function classifyGlibcFile(text: string): GlibcFile | undefined {
  const unquoted = text.replace(/^(["'])(.*)\1$/s, '$2');
  if (/musl/i.test(unquoted)) return undefined;
  const path = unquoted.replace(/[?#].*$/s, '').replace(/(?<!\/)\/+$/, '');
  const fileName = path.slice(path.lastIndexOf('/') + 1);
  if (fileName === '' || COMPANION_FILE.test(fileName)) return undefined;
  const kind = kindOf(path, fileName);
  return kind === undefined ? undefined : { kind, fileName };
}

function kindOf(path: string, fileName: string): GlibcKind | undefined {
  if (NODE.test(path)) return 'node';
  if (DOTNET.test(path)) return 'dotnet';
  if (TEMURIN.test(path)) return 'temurin';
  if (AWSCLI.test(path)) return 'awscli';
  if (/manylinux/i.test(fileName) && /\.whl$/i.test(fileName)) return 'manylinux';
  if (/alpine-pkg-glibc/i.test(path) || SGERRAND_APK.test(fileName)) return 'sgerrand';
  if (/glibc/i.test(fileName) || LINUX_GNU.test(path)) return 'build';
  return undefined;
}
