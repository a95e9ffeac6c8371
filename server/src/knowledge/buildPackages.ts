/**
 * Which apk packages only a build needs (compilers, headers, build systems), which programs they bring, and which
 * runtime packages keep the libraries a build linked against. Data first; the predicates below read it.
 */
import { compareAlpineVersions, findRuntimeCounterparts } from './lookup';
import type { DevRuntimePair, Reference } from './types';

/** Compilers: shipping one of these in an application image is the clearest sign of a missing compile stage. */
export const COMPILER_PACKAGES: ReadonlySet<string> = new Set([
  'build-base', 'alpine-sdk', 'gcc', 'g++', 'clang', 'gfortran', 'cargo', 'rust', 'go',
]);

/** Build tools and headers that are not compilers; `*-dev` packages are build packages too. */
const BUILD_TOOL_PACKAGES: ReadonlySet<string> = new Set([
  'make', 'cmake', 'autoconf', 'automake', 'libtool', 'pkgconf', 'pkgconfig', 'binutils', 'musl-dev', 'linux-headers',
  'bison', 'flex', 'nasm', 'yasm', 'meson', 'samurai',
]);

/**
 * Programs each build package brings, so a runtime command that calls one keeps its package.
 * Note: busybox provides `wget`, `tar` and `unzip` in every Alpine image, so those never need a package.
 */
const PROGRAMS_BY_PACKAGE: ReadonlyMap<string, readonly string[]> = new Map([
  ['build-base', ['gcc', 'cc', 'g++', 'c++', 'make']],
  ['alpine-sdk', ['gcc', 'cc', 'g++', 'c++', 'make', 'git', 'abuild']],
  ['gcc', ['gcc', 'cc']],
  ['g++', ['g++', 'c++']],
  ['clang', ['clang', 'clang++']],
  ['gfortran', ['gfortran']],
  ['cargo', ['cargo']],
  ['rust', ['rustc']],
  ['go', ['go', 'gofmt']],
  ['make', ['make']],
  ['cmake', ['cmake']],
  ['autoconf', ['autoconf', 'autoreconf']],
  ['automake', ['automake', 'aclocal']],
  ['libtool', ['libtool', 'libtoolize']],
  ['pkgconf', ['pkg-config', 'pkgconf']],
  ['pkgconfig', ['pkg-config']],
  ['binutils', ['ld', 'as', 'ar', 'strip', 'objdump']],
  ['git', ['git']],
  ['curl', ['curl']],
  ['py3-pip', ['pip', 'pip3']],
  ['py-pip', ['pip', 'pip3']],
]);

function packagePage(name: string, repo: 'main' | 'community' = 'main'): Reference {
  return { title: `aports: ${repo}/${name} APKBUILD`, url: `https://gitlab.alpinelinux.org/alpine/aports/-/blob/master/${repo}/${name}/APKBUILD` };
}

/**
 * Pairs the knowledge table (`devRuntimePairs`) does not list yet, checked against aports `master` (2026-11).
 * Note: candidates for knowledge/releases.ts; kept here so this feature touches no shared table.
 */
export const supplementaryDevRuntimePairs: readonly DevRuntimePair[] = [
  { dev: 'python3-dev', runtime: ['python3'], note: 'Headers of the interpreter; the interpreter itself is `python3`.', reference: packagePage('python3') },
  { dev: 'python-dev', runtime: ['python'], note: 'Python 2 era name (gone since Alpine 3.12); kept for old Dockerfiles.', reference: packagePage('python3') },
  { dev: 'libc-dev', runtime: [], note: 'Provided by `musl-dev`; musl itself is part of every Alpine image.', reference: packagePage('musl') },
  { dev: 'vips-dev', runtime: ['vips'], note: 'libvips, used by the `sharp` npm package when it builds from source.', reference: packagePage('vips', 'community') },
  { dev: 'libpng-dev', runtime: ['libpng'], reference: packagePage('libpng') },
];

/**
 * Runtime libraries that come with a compiler as dependencies and that the code it compiled links against:
 * C++ extensions need `libstdc++`, OpenMP code `libgomp`, Fortran code `libgfortran` (all subpackages of aports
 * `main/gcc`). Without the compiler they must be installed by name.
 */
const compilerRuntimePairs: readonly DevRuntimePair[] = [
  { dev: 'gcc', runtime: ['libgcc', 'libgomp'], reference: packagePage('gcc') },
  { dev: 'g++', runtime: ['libstdc++', 'libgcc', 'libgomp'], reference: packagePage('gcc') },
  { dev: 'build-base', runtime: ['libstdc++', 'libgcc', 'libgomp'], note: 'Depends on `gcc` and `g++`.', reference: packagePage('build-base') },
  { dev: 'alpine-sdk', runtime: ['libstdc++', 'libgcc', 'libgomp'], note: 'Depends on `build-base`.', reference: packagePage('alpine-sdk') },
  { dev: 'gfortran', runtime: ['libgfortran', 'libgcc', 'libgomp'], reference: packagePage('gcc') },
  { dev: 'clang', runtime: ['libstdc++', 'libgcc'], note: "Alpine's clang uses GCC's C++ library and runtime.", reference: packagePage('clang', 'main') },
];

const supplementByDev = new Map(supplementaryDevRuntimePairs.map((pair) => [pair.dev, pair.runtime]));
const compilerRuntime = new Map(compilerRuntimePairs.map((pair) => [pair.dev, pair.runtime]));

/** Runtime libraries to keep when a compiler that shipped in the image leaves it; undefined for non-compilers. */
export function compilerRuntimeOf(compiler: string): readonly string[] | undefined {
  return compilerRuntime.get(compiler);
}

/** True for `*-dev` packages (headers and static libraries). */
export function isDevPackage(name: string): boolean {
  return name.endsWith('-dev');
}

/** True for compilers, build systems and headers (`git` is judged by the caller: it may be a runtime tool). */
export function isToolchainPackage(name: string): boolean {
  return COMPILER_PACKAGES.has(name) || BUILD_TOOL_PACKAGES.has(name) || isDevPackage(name);
}

/** Programs that `name` installs, for the packages that matter here; empty when unknown. */
export function programsOf(name: string): readonly string[] {
  return PROGRAMS_BY_PACKAGE.get(name) ?? [];
}

/**
 * Pairs whose runtime names hold only from a release on (the table's note says so): `libssl3`/`libcrypto3` are
 * OpenSSL 3, the default from Alpine 3.17; older releases named the libraries after their own OpenSSL version.
 */
const COUNTERPARTS_SINCE: ReadonlyMap<string, string> = new Map([['openssl-dev', '3.17']]);

/**
 * Runtime packages that keep the shared libraries of a `-dev` package on `release` (undefined: a current one); `[]`
 * when nothing is needed at run time and undefined when not known (the caller must then not guess).
 */
export function runtimeCounterpartsOf(devPackage: string, release?: string): readonly string[] | undefined {
  const since = COUNTERPARTS_SINCE.get(devPackage);
  if (since !== undefined && release !== undefined && release !== 'edge' && compareAlpineVersions(release, since) < 0) return undefined;
  return findRuntimeCounterparts(devPackage) ?? supplementByDev.get(devPackage);
}
