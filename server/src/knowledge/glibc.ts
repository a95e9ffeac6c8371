/**
 * glibc builds on musl: which downloads and packages are built for glibc (so they fail on Alpine), and what to use
 * instead. The rule `alpine-no-glibc-binaries` and the hover on such a download read this one table.
 * Sources: the musl wiki's "Functional differences from glibc"; Node.js unofficial-builds (musl builds); Microsoft's
 * .NET download pages (`linux-musl`); Adoptium (`alpine-linux` builds); AWS CLI v2 install docs (glibc only, Alpine
 * packages `aws-cli`); PEP 600/656 (`manylinux` vs `musllinux` wheels); sgerrand/alpine-pkg-glibc. Checked 2026-11-26.
 * JDKs: JEP 386 (openjdk.org/jeps/386, "Alpine Linux/x64 Port") — the musl JDK is a build of its own; every vendor's
 * plain `linux-x64`/`linux-aarch64` archive (Oracle, jdk.java.net, Zulu `linux_x64`, Corretto `x64-linux`, Liberica,
 * GraalVM, Microsoft, SapMachine) is linked against glibc, and the musl ones say so in the name (`musl`, `alpine`).
 * Checked 2026-12-05. A `linux-amd64` name alone says nothing: Go and Rust release binaries are often static.
 */

export type GlibcKind = 'build' | 'node' | 'dotnet' | 'temurin' | 'jdk' | 'awscli' | 'manylinux' | 'sgerrand' | 'loader';

export interface GlibcFile {
  readonly kind: GlibcKind;
  /** The last path segment, as written. */
  readonly fileName: string;
}

export const DOWNLOADERS = new Set(['curl', 'wget']);
export const URL_PATTERN = /^(?:https?|ftp):\/\//i;
const MAY_NAME_GLIBC_BUILD = /linux|glibc/i;
/** Keys, signatures and checksums that travel with a download; the download itself is reported. */
const COMPANION_FILE = /(?:\.(?:asc|sig|sign|minisig|pub|pem|md5|sha\d*|sha\d*sum|sum|txt|json)|^shasums\d*.*)$/i;
// Note: `(?=(…))\1` takes the first `-linux-` once and for all; `[^/]*-linux-[^/]+` backtracked quadratically.
const NODE = /(?:^|\/)node-v(?=([^/]*?-linux-))\1[^/]+\.tar\.(?:gz|xz)$/i;
const DOTNET = /(?:^|\/)(?:dotnet|aspnetcore)-[^/]*-linux-(?:x64|arm64|arm)\.tar\.gz$/i;
const TEMURIN = /(?:^|\/)openjdk\d+u?-(?:jdk|jre)_[^/_]+_linux_hotspot[^/]*\.tar\.gz$/i;
const AWSCLI = /(?:^|\/)awscli-exe-linux-[^/]+\.zip$/i;
const SGERRAND_APK = /^glibc-(?:bin-|i18n-|dev-)?\d[^/]*\.apk$/i;
/** JDK archives by vendor prefix (Oracle `jdk-`/`jre-`/`server-jre-`, `openjdk-`, `zulu`, `amazon-corretto-` …). */
const JDK_PRODUCT = /^(?:jdk|jre|server-jre|openjdk|zulu|amazon-corretto|bellsoft-(?:jdk|jre)|graalvm-(?:jdk|ce|community)|microsoft-jdk|sapmachine-(?:jdk|jre))[-_\d]/i;
/** The platform part of a JDK archive name: `linux-x64`, `linux_x64`, `linux-aarch64`, Corretto's `x64-linux`. */
const JDK_LINUX = /[-_.]linux[-_.](?:x64|amd64|x86_64|aarch64|arm64)(?:[-_.]|$)|[-_](?:x64|aarch64)-linux-(?:jdk|jre)(?:[-_.]|$)/i;
const ARCHIVE = /\.(?:tar\.gz|tgz|tar\.xz|zip)$/i;
const LINUX_GNU = /[-_.]linux-gnu(?:eabi|eabihf|x32|abi64)?(?:[-_./]|$)/i;
/** Package names of the third-party glibc apk (there is no `glibc` package in Alpine's repositories). */
export const SGERRAND_PACKAGES = new Set(['glibc', 'glibc-bin', 'glibc-i18n', 'glibc-dev']);
/** Kinds `gcompat` may be enough for; it does nothing for wheels, a second libc or a loader made to point at musl. */
export const SHIMMABLE = new Set<GlibcKind>(['build', 'node', 'dotnet', 'temurin', 'jdk', 'awscli']);

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
  jdk: {
    what: 'is a glibc build of the JDK, which does not run on musl-based Alpine',
    instead: 'use the vendor\'s `alpine-linux`/`musl` build, Alpine\'s `openjdk*` packages or an `eclipse-temurin:*-alpine` image',
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
  loader: {
    what: 'is made a link to musl, so glibc programs start against a C library they were not built for and fail at the first symbol musl lacks',
    instead: 'use a musl build, `gcompat` (a compatibility layer over musl) or a glibc-based image',
  },
};

/** glibc's dynamic loader names (`/lib64/ld-linux-x86-64.so.2`, `/lib/ld-linux-aarch64.so.1`, `ld-linux-armhf.so.3`). */
export const GLIBC_LOADER = /(?:^|\/)ld-linux(?:-x86-64|-aarch64|-armhf)?\.so\.\d$/;
/** musl's libc, which is also its loader (`/lib/ld-musl-x86_64.so.1`, `/lib/libc.musl-x86_64.so.1`). */
export const MUSL_LIBC = /(?:^|\/)(?:ld-musl-|libc\.musl-)[\w-]+\.so\.1$/;

/** Classifies a URL or file name; undefined unless it is unmistakably a glibc build. */
export function classifyGlibcFile(text: string): GlibcFile | undefined {
  // Why first: every kind below names `linux` (`-linux-`, `manylinux`, `linux-gnu`, `_linux_`) or `glibc`; most words
  // that reach here (URLs, pip arguments) name neither, and the test spares them the patterns.
  if (!MAY_NAME_GLIBC_BUILD.test(text)) return undefined;
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
  if (JDK_PRODUCT.test(fileName) && JDK_LINUX.test(fileName) && ARCHIVE.test(fileName) && !/alpine/i.test(fileName)) return 'jdk';
  if (AWSCLI.test(path)) return 'awscli';
  if (/manylinux/i.test(fileName) && /\.whl$/i.test(fileName)) return 'manylinux';
  if (/alpine-pkg-glibc/i.test(path) || SGERRAND_APK.test(fileName)) return 'sgerrand';
  if (/glibc/i.test(fileName) || LINUX_GNU.test(path)) return 'build';
  return undefined;
}
