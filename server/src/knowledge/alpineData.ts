/**
 * What the analysis may know from Alpine's own data, as a synchronous view: the package index of a release branch
 * and the release table. Front ends fill it (alpineData/ fetches and caches); rules read it from `context` and fall
 * back to the built-in tables, or stay silent, when a part is missing.
 */
import type { ApkIndex } from './apkIndex';
import { builtInReleaseTable, type ReleaseTable } from './releaseData';

/** The package index of one release branch (main + community) for one architecture. */
export interface PackageIndexSnapshot {
  /** `3.22` or `edge`. */
  readonly branch: string;
  readonly arch: string;
  /** Repositories merged into `index`, in apk's order (`main`, `community`). */
  readonly repositories: readonly string[];
  readonly index: ApkIndex;
  /** The day the index was fetched, `YYYY-MM-DD`. */
  readonly asOf: string;
}

export interface AlpineDataView {
  /** The index of a branch (`3.22`, `edge`), or undefined when it is not loaded (yet). Never waits. */
  packages(branch: string): PackageIndexSnapshot | undefined;
  /** Release data from `releases.json`; undefined when not loaded (use {@link releaseTableOf}). */
  readonly releases: ReleaseTable | undefined;
}

/** The release table to use: fetched data when present, else the built-in, dated table. */
export function releaseTableOf(view: AlpineDataView | undefined): ReleaseTable {
  return view?.releases ?? builtInReleaseTable;
}

/** "Alpine 3.22 (main and community, x86_64, index of 2026-12-05)": how messages name the index they relied on. */
export function describeIndex(snapshot: PackageIndexSnapshot): string {
  const where = snapshot.branch === 'edge' ? 'Alpine edge' : `Alpine ${snapshot.branch}`;
  return `${where} (${snapshot.repositories.join(' and ')}, ${snapshot.arch}, index of ${snapshot.asOf})`;
}
