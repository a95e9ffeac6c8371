/**
 * Alpine data for the front ends: package indexes (main + community of a branch, x86_64) and releases.json, from a
 * mirror URL or a local directory with the mirror's layout, cached on disk with the day they were fetched. A cached
 * file younger than a day is used as is; older ones are refreshed when fetching is allowed and used as they are when
 * it is not (offline). A failed fetch keeps the old cache and is not retried for an hour (no retry storm). The
 * analysis gets {@link AlpineDataStore.view}: synchronous, never waiting for the network.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AlpineDataView, PackageIndexSnapshot } from '../knowledge/alpineData';
import { ApkIndex } from '../knowledge/apkIndex';
import { parseReleasesJson, type ReleaseTable } from '../knowledge/releaseData';
import { parseApkIndexArchive } from './archive';
import { fetchBytes, isFetchableUrl, type FetchLimits } from './fetch';

export const DEFAULT_MIRROR = 'https://dl-cdn.alpinelinux.org/alpine';
export const DEFAULT_RELEASES_URL = 'https://alpinelinux.org/releases.json';
const REPOSITORIES = ['main', 'community'] as const;
const ARCH = 'x86_64';
const DAY_MS = 24 * 60 * 60 * 1000;
const BACKOFF_MS = 60 * 60 * 1000;

export interface AlpineDataOptions {
  /** A mirror URL (`https://…/alpine`) or a local directory with the mirror's layout (`v3.22/main/x86_64/APKINDEX.tar.gz`). */
  readonly mirror?: string;
  readonly releasesUrl?: string;
  /** Where fetched files are kept; undefined: no disk cache. */
  readonly cacheDir?: string;
  /** False: never touch the network, use the cache (of any age) only. */
  readonly fetch: boolean;
  readonly limits?: Partial<FetchLimits>;
  readonly now?: () => Date;
  /** One line per fetch, failure or use of a stale cache (an output channel, stderr). */
  readonly log?: (line: string) => void;
  /** Hears each network fetch start and end (an editor's status bar). */
  readonly onFetch?: (event: AlpineFetchEvent) => void;
}

/** One network fetch: `start`, then `done` (with the size) or `failed` (with the reason). */
export type AlpineFetchEvent =
  | { readonly phase: 'start'; readonly url: string }
  | { readonly phase: 'done'; readonly url: string; readonly bytes: number; readonly ms: number }
  | { readonly phase: 'failed'; readonly url: string; readonly reason: string; readonly keptCacheOf?: string };

interface CachedFile {
  readonly bytes: Buffer;
  readonly fetchedAt: Date;
}

const isDirectoryMirror = (mirror: string): boolean => !/^[a-z][a-z0-9+.-]*:\/\//i.test(mirror);

export class AlpineDataStore {
  private readonly snapshots = new Map<string, PackageIndexSnapshot>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly failedAt = new Map<string, number>();
  private readonly missed = new Set<string>();
  private releaseTable: ReleaseTable | undefined;
  private limits: FetchLimits;
  private fetchAllowed: boolean;
  private readonly mirror: string;
  private readonly releasesUrl: string;

  constructor(private readonly options: AlpineDataOptions) {
    this.mirror = (options.mirror ?? DEFAULT_MIRROR).replace(/(?<!\/)\/+$/, '');
    this.releasesUrl = options.releasesUrl ?? DEFAULT_RELEASES_URL;
    this.limits = { timeoutMs: 20_000, maxBytes: 32 * 1024 * 1024, ...options.limits };
    this.fetchAllowed = options.fetch;
  }

  /**
   * Allows or forbids fetching from now on, with another proxy (workspace trust granted, a setting changed); what
   * is loaded stays. A failure remembered under the old settings no longer holds back a fetch.
   */
  setFetching(fetch: boolean, proxy: string | undefined): void {
    this.fetchAllowed = fetch;
    this.limits = { ...this.limits, proxy };
    this.failedAt.clear();
  }

  /** The synchronous view the analysis reads; branches it asked for and lacked are remembered ({@link takeMissed}). */
  readonly view: AlpineDataView = ((store: AlpineDataStore): AlpineDataView => ({
    packages: (branch) => {
      const snapshot = store.snapshots.get(branch);
      if (!snapshot) store.missed.add(branch);
      return snapshot;
    },
    get releases() {
      return store.releaseTable;
    },
  }))(this);

  /** Whether the index of `branch` is loaded (unlike `view.packages`, not remembered as a miss). */
  hasBranch(branch: string): boolean {
    return this.snapshots.has(branch);
  }

  /** The branches whose index is loaded. */
  loadedBranches(): string[] {
    return [...this.snapshots.keys()];
  }

  /** Branches the analysis asked for since the last call that were not loaded. */
  takeMissed(): string[] {
    const missed = [...this.missed];
    this.missed.clear();
    return missed;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private log(line: string): void {
    this.options.log?.(line);
  }

  /** Loads the indexes of the branches (cache, then network where allowed). Never rejects. */
  async loadBranches(branches: readonly string[]): Promise<void> {
    await Promise.all(branches.map((branch) => {
      let pending = this.loading.get(branch);
      if (!pending) {
        pending = this.loadBranch(branch).catch((error: unknown) => this.log(`Alpine ${branch}: ${error instanceof Error ? error.message : String(error)}`));
        this.loading.set(branch, pending);
        void pending.finally(() => this.loading.delete(branch));
      }
      return pending;
    }));
  }

  /** Loads releases.json (cache, then network where allowed). Never rejects. */
  async loadReleases(): Promise<void> {
    try {
      const file = isDirectoryMirror(this.mirror)
        ? await readLocal(path.join(this.mirror, 'releases.json'))
        : await this.cachedOrFetched('releases.json', this.releasesUrl, (bytes) => { parseReleasesJson(bytes.toString('utf8'), day(this.now())); return Promise.resolve(); });
      if (!file) return;
      this.releaseTable = parseReleasesJson(file.bytes.toString('utf8'), day(file.fetchedAt));
    } catch (error) {
      this.log(`releases.json: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async loadBranch(branch: string): Promise<void> {
    const folder = branch === 'edge' ? 'edge' : `v${branch}`;
    const indexes: ApkIndex[] = [];
    let oldest: Date | undefined;
    for (const repository of REPOSITORIES) {
      const relative = `${folder}/${repository}/${ARCH}/APKINDEX.tar.gz`;
      // Why keep the checked index: a fresh download is parsed once to check it, and that parse is the one used.
      let checked: { readonly bytes: Buffer; readonly index: ApkIndex } | undefined;
      const file = isDirectoryMirror(this.mirror)
        ? await readLocal(path.join(this.mirror, relative))
        : await this.cachedOrFetched(relative, `${this.mirror}/${relative}`, (bytes) => parseApkIndexArchive(bytes, repository).then((index) => void (checked = { bytes, index })));
      if (!file) return;
      indexes.push(checked?.bytes === file.bytes ? checked.index : await parseApkIndexArchive(file.bytes, repository));
      if (!oldest || file.fetchedAt < oldest) oldest = file.fetchedAt;
    }
    this.snapshots.set(branch, { branch, arch: ARCH, repositories: [...REPOSITORIES], index: ApkIndex.merge(indexes), asOf: day(oldest ?? this.now()) });
  }

  /**
   * The cached file when it is younger than a day (or fetching is off), else a fresh copy checked by `validate`
   * before it replaces the cache. A failure keeps (and returns) the old cache.
   */
  private async cachedOrFetched(relative: string, url: string, validate: (bytes: Buffer) => Promise<void>): Promise<CachedFile | undefined> {
    const cached = await this.readCache(relative);
    const age = cached ? this.now().getTime() - cached.fetchedAt.getTime() : Infinity;
    if (cached && age < DAY_MS) return cached;
    if (!this.fetchAllowed) {
      if (cached) this.log(`${relative}: using the cache of ${day(cached.fetchedAt)} (fetching is off)`);
      return cached;
    }
    const failed = this.failedAt.get(url);
    if (failed !== undefined && this.now().getTime() - failed < BACKOFF_MS) return cached;
    if (!isFetchableUrl(url, this.limits.allowLoopbackHttp)) {
      this.log(`${url}: not an https:// URL, not fetched`);
      return cached;
    }
    const started = Date.now();
    try {
      this.log(`Fetching ${url}${cached ? ` (the cache of ${day(cached.fetchedAt)} is older than a day)` : ''}`);
      this.options.onFetch?.({ phase: 'start', url });
      const bytes = await fetchBytes(url, this.limits);
      await validate(bytes);
      const fetchedAt = this.now();
      await this.writeCache(relative, bytes, fetchedAt);
      const ms = Date.now() - started;
      this.log(`Fetched ${url}: ${bytes.length} bytes in ${ms} ms`);
      this.options.onFetch?.({ phase: 'done', url, bytes: bytes.length, ms });
      return { bytes, fetchedAt };
    } catch (error) {
      this.failedAt.set(url, this.now().getTime());
      const reason = error instanceof Error ? error.message : String(error);
      const keep = cached ? `; keeping the cache of ${day(cached.fetchedAt)}` : '';
      this.log(`${url}: ${reason}${keep}; not tried again for an hour`);
      this.options.onFetch?.({ phase: 'failed', url, reason, keptCacheOf: cached ? day(cached.fetchedAt) : undefined });
      return cached;
    }
  }

  private cachePath(relative: string): string | undefined {
    if (!this.options.cacheDir) return undefined;
    // Why: one cache per mirror, so switching mirrors never mixes their files.
    const host = isDirectoryMirror(this.mirror) ? 'local' : new URL(this.mirror).host.replace(/[^A-Za-z0-9.-]/g, '_');
    return path.join(this.options.cacheDir, 'alpine-data', relative === 'releases.json' ? 'releases.json' : path.join(host, relative));
  }

  private async readCache(relative: string): Promise<CachedFile | undefined> {
    const file = this.cachePath(relative);
    if (!file) return undefined;
    try {
      const [bytes, meta] = await Promise.all([fs.readFile(file), fs.readFile(`${file}.json`, 'utf8')]);
      const fetchedAt = new Date((JSON.parse(meta) as { fetchedAt?: string }).fetchedAt ?? '');
      return Number.isNaN(fetchedAt.getTime()) ? undefined : { bytes, fetchedAt };
    } catch {
      return undefined;
    }
  }

  private async writeCache(relative: string, bytes: Buffer, fetchedAt: Date): Promise<void> {
    const file = this.cachePath(relative);
    if (!file) return;
    try {
      await fs.mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temporary, bytes);
      await fs.rename(temporary, file);
      await fs.writeFile(`${file}.json`, JSON.stringify({ fetchedAt: fetchedAt.toISOString() }));
    } catch (error) {
      this.log(`cache ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

async function readLocal(file: string): Promise<CachedFile | undefined> {
  try {
    const [bytes, stat] = await Promise.all([fs.readFile(file), fs.stat(file)]);
    return { bytes, fetchedAt: stat.mtime };
  } catch {
    return undefined;
  }
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The CLI's cache directory: `$XDG_CACHE_HOME/alpinist`, else `~/.cache/alpinist`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv, home: string): string {
  return path.join(env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache'), 'alpinist');
}

/** The proxy from the environment (HTTPS_PROXY, https_proxy, ALL_PROXY), if any. */
export function proxyFromEnvironment(env: NodeJS.ProcessEnv): string | undefined {
  return env.HTTPS_PROXY ?? env.https_proxy ?? env.ALL_PROXY ?? env.all_proxy ?? undefined;
}
