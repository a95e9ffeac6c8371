/**
 * Alpine releases where a library every compiled program may link changed its ABI, so a binary built on one side
 * of the change can fail on the other. Read by `alpine-no-cross-release-copy`.
 */
import { compareAlpineVersions } from './lookup';
import type { Reference } from './types';

export interface AbiChange {
  /** The first release with the new library (`3.13`). */
  readonly release: string;
  /** The day that release came out, `YYYY-MM-DD`. */
  readonly releasedOn: string;
  readonly library: 'musl' | 'OpenSSL';
  readonly before: string;
  readonly after: string;
  /**
   * `both`: a binary built on either side fails on the other (a shared library's soname changed); `newer-to-older`:
   * only binaries built on the newer side can fail on the older one (musl keeps old binaries working).
   */
  readonly breaks: 'both' | 'newer-to-older';
  /** Packages whose presence in the building stage means its programs link the library (headers for it). */
  readonly linkedBy: ReadonlySet<string>;
  /** What fails for a program built with the library at version `built` and run with version `runs`. */
  readonly what: (built: string, runs: string) => string;
  readonly references: readonly Reference[];
}

/** Checked 2026-12-05. */
export const abiChanges: readonly AbiChange[] = [
  {
    // Note: musl 1.2 (time64) changed no libc ABI on 64-bit architectures and keeps binaries built against 1.1
    // working; binaries built against 1.2 may need symbols 1.1 lacks (the time64 `__*_time64` ones on 32-bit).
    release: '3.13',
    releasedOn: '2021-01-14',
    library: 'musl',
    before: '1.1',
    after: '1.2',
    breaks: 'newer-to-older',
    linkedBy: new Set(['build-base', 'alpine-sdk', 'gcc', 'g++', 'clang', 'gfortran', 'musl-dev']),
    what: () => 'programs built against musl 1.2 may need symbols musl 1.1 lacks and then fail with `Error relocating`',
    references: [
      { title: 'Alpine Linux: Release Notes for Alpine 3.13.0 (musl 1.2)', url: 'https://wiki.alpinelinux.org/wiki/Release_Notes_for_Alpine_3.13.0' },
      { title: 'musl time64 release notes', url: 'https://musl.libc.org/time64.html' },
    ],
  },
  {
    release: '3.17',
    releasedOn: '2022-11-22',
    library: 'OpenSSL',
    before: '1.1',
    after: '3',
    breaks: 'both',
    linkedBy: new Set(['openssl-dev', 'openssl3-dev', 'openssl1.1-compat-dev']),
    what: (built, runs) => `programs linked there against \`libssl.so.${built}\` do not find it here, where \`libssl.so.${runs}\` is installed`,
    references: [
      { title: 'Alpine Linux: Release Notes for Alpine 3.17.0 (OpenSSL 3.0 by default)', url: 'https://wiki.alpinelinux.org/wiki/Release_Notes_for_Alpine_3.17.0' },
      { title: 'alpine-devel: OpenSSL 3 migration postponed from 3.15', url: 'https://lists.alpinelinux.org/~alpine/devel/%3C42c12a5f-f1a8-fb51-5d70-5d27409e1814%40dereferenced.org%3E' },
    ],
  },
];

/**
 * The ABI changes a binary built on release `built` meets when it runs on release `runs` (`3.16`, `3.18`; not `edge`).
 */
export function abiChangesBetween(built: string, runs: string): AbiChange[] {
  const found: AbiChange[] = [];
  for (const change of abiChanges) {
    const builtAfter = compareAlpineVersions(built, change.release) >= 0;
    const runsAfter = compareAlpineVersions(runs, change.release) >= 0;
    if (builtAfter === runsAfter) continue;
    if (change.breaks === 'newer-to-older' && !builtAfter) continue;
    found.push(change);
  }
  return found;
}

/** The library's version on a release: `1.2` for musl on 3.16. */
export function libraryVersionOn(change: AbiChange, release: string): string {
  return compareAlpineVersions(release, change.release) >= 0 ? change.after : change.before;
}
