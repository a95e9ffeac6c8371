/**
 * Alpine's release branches as one dated table: from Alpine's own `releases.json` when the front end fetched it,
 * else the built-in table of releases.ts. Every sentence about "the newest release" says which table and which date
 * it comes from, because a new branch appears every May and November/December.
 *
 * `releases.json` (https://alpinelinux.org/releases.json, format checked 2026-12): `release_branches[]` with
 * `rel_branch` (`v3.22`, `edge`), `branch_date`, `eol_date` (end of support of `main`) and `releases[]` of
 * `{ version, date }` point releases.
 */
import { compareAlpineVersions } from './lookup';
import { alpineReleases, alpineReleasesAsOf, latestAlpineRelease } from './releases';
import type { AlpineRelease } from './types';

export interface ReleaseTable {
  /** Stable branches, oldest first. */
  readonly releases: readonly AlpineRelease[];
  /** The newest stable branch that has a release. */
  readonly newest: string;
  /** The day the table was known to be current, `YYYY-MM-DD`. */
  readonly asOf: string;
  /** Where the table comes from, for messages and hovers. */
  readonly source: 'releases.json' | 'built-in table';
  /** Newest point release per branch (`3.22` → `3.22.2`), when the source lists them. */
  readonly latestPoint: ReadonlyMap<string, string>;
}

/** The table written into the code, checked on {@link alpineReleasesAsOf}. */
export const builtInReleaseTable: ReleaseTable = {
  releases: alpineReleases,
  newest: latestAlpineRelease,
  asOf: alpineReleasesAsOf,
  source: 'built-in table',
  latestPoint: new Map(),
};

/** Raised when `releases.json` does not have the expected shape. */
export class ReleaseDataError extends Error {}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const BRANCH = /^v(\d+\.\d+)$/;

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Reads `releases.json`. `asOf` is the day it was fetched. Branches without a valid date are skipped; a document
 * with no usable stable branch is an error (a captive portal's page, a truncated file).
 */
export function parseReleasesJson(text: string, asOf: string): ReleaseTable {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new ReleaseDataError('releases.json is not valid JSON');
  }
  const branches = record(document)?.release_branches;
  if (!Array.isArray(branches)) throw new ReleaseDataError('releases.json has no `release_branches` list');
  const releases: AlpineRelease[] = [];
  const latestPoint = new Map<string, string>();
  let newest: string | undefined;
  for (const entry of branches) {
    const branch = record(entry);
    const version = typeof branch?.rel_branch === 'string' ? BRANCH.exec(branch.rel_branch)?.[1] : undefined;
    if (!branch || version === undefined) continue;
    const points = (Array.isArray(branch.releases) ? branch.releases : [])
      .map(record)
      .filter((point): point is Record<string, unknown> => point !== undefined && typeof point.version === 'string' && typeof point.date === 'string' && DATE.test(point.date));
    const endOfSupport = typeof branch.eol_date === 'string' && DATE.test(branch.eol_date) ? branch.eol_date : undefined;
    const firstDate = points.map((point) => point.date as string).sort()[0];
    const released = firstDate ?? (typeof branch.branch_date === 'string' && DATE.test(branch.branch_date) ? branch.branch_date : undefined);
    if (endOfSupport === undefined || released === undefined) continue;
    releases.push({ version, released, endOfSupport });
    const latest = points.map((point) => point.version as string).sort(compareAlpineVersions).at(-1);
    if (latest !== undefined) latestPoint.set(version, latest);
    if (points.length > 0 && (newest === undefined || compareAlpineVersions(version, newest) > 0)) newest = version;
  }
  if (releases.length === 0 || newest === undefined) throw new ReleaseDataError('releases.json lists no stable release');
  releases.sort((a, b) => compareAlpineVersions(a.version, b.version));
  return { releases, newest, asOf, source: 'releases.json', latestPoint };
}

/** The branch of a release as the index and the table name it: `3.22.1` → `3.22`, `edge` → `edge`. */
export function branchOf(release: string | undefined): string | undefined {
  if (release === undefined) return undefined;
  if (release === 'edge') return 'edge';
  return /^v?(\d+\.\d+)(?:\.\d+)?$/.exec(release)?.[1];
}

/** The branch entry of `release` in `table`. */
export function releaseIn(table: ReleaseTable, release: string): AlpineRelease | undefined {
  const branch = branchOf(release);
  return branch === undefined ? undefined : table.releases.find((entry) => entry.version === branch);
}

/** "3.24 is the newest release known on 2026-11-26": the dated phrase messages use instead of asserting "newest". */
export function newestReleasePhrase(table: ReleaseTable): string {
  return `${table.newest} is the newest release known on ${table.asOf}`;
}
