/**
 * Alpine data in the editor: the package indexes and release data of alpineData/, for the documents that ask.
 * Diagnostics never wait for the network: each lint reads what is loaded, and remembers what it lacked; those
 * branches (and releases.json) are then loaded (cache first, the network only where allowed) and the documents that
 * lacked them are linted again. Fetching needs the client to say the workspace is trusted and fetching is on
 * (`initializationOptions.alpineData`, `alpinist/alpineDataOptions`); the cache is read either way.
 */
import os from 'node:os';
import path from 'node:path';
import { AlpineDataStore, defaultCacheDir, proxyFromEnvironment, type AlpineFetchEvent } from '../alpineData/store';
import type { AlpineDataView } from '../knowledge/alpineData';
import type { AlpineDataClientOptions, AlpineDataStatus } from '../protocol';

/** The options as the server uses them, validated. */
export interface AlpineDataSettings {
  /** True only when the client said the workspace is trusted and fetching is on. */
  readonly fetch: boolean;
  readonly mirror?: string;
  readonly releasesUrl?: string;
  readonly cacheDir: string;
  readonly proxy?: string;
}

/** Note: a test-only switch of the server's environment; a workspace cannot set it. */
const LOOPBACK_HTTP_VARIABLE = 'ALPINIST_TEST_LOOPBACK_HTTP';
/** How long a branch that could not be loaded (no cache, fetching off or failed) is not asked for again. */
const RETRY_MS = 60 * 60 * 1000;
/** How often loaded data is checked for its age (the store refreshes what is older than a day). */
const REFRESH_MS = 6 * 60 * 60 * 1000;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** Reads what the client sent; anything missing or malformed means: do not fetch, cache in the CLI's directory. */
export function readAlpineDataSettings(raw: unknown, env: NodeJS.ProcessEnv = process.env): AlpineDataSettings {
  const record = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as Record<keyof AlpineDataClientOptions, unknown>;
  const storagePath = text(record.storagePath);
  return {
    fetch: record.workspaceTrusted === true && record.fetch !== false,
    mirror: text(record.mirror),
    releasesUrl: text(record.releasesUrl),
    cacheDir: storagePath && path.isAbsolute(storagePath) ? storagePath : defaultCacheDir(env, os.homedir()),
    proxy: text(record.proxy) ?? proxyFromEnvironment(env),
  };
}

export interface EditorAlpineData {
  /** The view one lint of `uri` reads; what it lacks is remembered for `uri` until its next lint. */
  viewFor(uri: string): AlpineDataView;
  /** Changes whenever data arrives or the options change: an analysis computed before is out of date. */
  readonly generation: number;
  /** After a lint of `uri`: starts loading what it lacked. */
  afterLint(uri: string): void;
  forget(uri: string): void;
  /** New options: a new store (another mirror or cache never mixes with the old one); every document is linted again. */
  configure(settings: AlpineDataSettings): void;
  dispose(): void;
}

export interface EditorAlpineDataDependencies {
  readonly log: (line: string) => void;
  readonly status: (status: AlpineDataStatus) => void;
  /** Lint these documents again (their data arrived). */
  readonly relint: (uris: readonly string[]) => void;
}

interface Lacking {
  readonly branches: Set<string>;
  releases: boolean;
}

export function createEditorAlpineData(initial: AlpineDataSettings, dependencies: EditorAlpineDataDependencies): EditorAlpineData {
  const lacking = new Map<string, Lacking>();
  /** Branch (or `releases.json`) → when loading it last failed to give data. */
  const unavailable = new Map<string, number>();
  const inFlight = new Set<string>();
  let fetching = 0;
  let generation = 0;
  let active = initial;
  let store = createStore(initial);

  function createStore(settings: AlpineDataSettings): AlpineDataStore {
    return new AlpineDataStore({
      mirror: settings.mirror,
      releasesUrl: settings.releasesUrl,
      cacheDir: settings.cacheDir,
      fetch: settings.fetch,
      limits: { proxy: settings.proxy, allowLoopbackHttp: process.env[LOOPBACK_HTTP_VARIABLE] === '1' },
      log: (line) => dependencies.log(`Alpine data: ${line}`),
      onFetch: onFetch,
    });
  }

  function onFetch(event: AlpineFetchEvent): void {
    if (event.phase === 'start') {
      fetching++;
      dependencies.status({ busy: true, message: `Fetching ${event.url}` });
      return;
    }
    fetching = Math.max(0, fetching - 1);
    const message = event.phase === 'done' ? `Fetched ${event.url} (${event.bytes} bytes)` : `Could not fetch ${event.url}: ${event.reason}`;
    dependencies.status({ busy: fetching > 0, message });
  }

  function lackingOf(uri: string): Lacking {
    let entry = lacking.get(uri);
    if (!entry) {
      entry = { branches: new Set(), releases: false };
      lacking.set(uri, entry);
    }
    return entry;
  }

  /** Documents that lacked `key` (a branch, or `releases.json`). */
  function documentsLacking(key: string): string[] {
    const uris: string[] = [];
    for (const [uri, entry] of lacking) if (key === RELEASES ? entry.releases : entry.branches.has(key)) uris.push(uri);
    return uris;
  }

  function mayTry(key: string): boolean {
    if (inFlight.has(key)) return false;
    const failed = unavailable.get(key);
    return failed === undefined || Date.now() - failed >= RETRY_MS;
  }

  /** Loads `key` with `load`; when `loaded()` says it arrived, lints again the documents that lacked it. */
  function load(key: string, run: (current: AlpineDataStore) => Promise<void>, loaded: (current: AlpineDataStore) => boolean): void {
    inFlight.add(key);
    const current = store;
    const started = Date.now();
    void run(current).then(() => {
      if (current !== store) return;
      inFlight.delete(key);
      if (!loaded(current)) {
        unavailable.set(key, Date.now());
        return;
      }
      unavailable.delete(key);
      generation++;
      const uris = documentsLacking(key);
      dependencies.log(`Alpine data: ${key === RELEASES ? 'releases.json' : `the index of Alpine ${key}`} is loaded (${Date.now() - started} ms); linting ${uris.length} document(s) again`);
      dependencies.relint(uris);
    });
  }

  function loadBranch(branch: string): void {
    load(branch, (current) => current.loadBranches([branch]), (current) => current.hasBranch(branch));
  }

  function loadReleases(): void {
    load(RELEASES, (current) => current.loadReleases(), (current) => current.view.releases !== undefined);
  }

  /** Loads again what is loaded: the store keeps a cache younger than a day and fetches (where allowed) what is older. */
  function refreshLoaded(): void {
    const current = store;
    const branches = current.loadedBranches();
    const releases = current.view.releases !== undefined;
    if (branches.length === 0 && !releases) return;
    void Promise.all([current.loadBranches(branches), releases ? current.loadReleases() : undefined]).then(() => {
      if (current !== store) return;
      generation++;
      dependencies.relint([...lacking.keys()]);
    });
  }

  /** Now and then, for a server that runs for days. */
  const refresh = setInterval(refreshLoaded, REFRESH_MS);
  refresh.unref();

  return {
    viewFor(uri) {
      const entry = lackingOf(uri);
      entry.branches.clear();
      entry.releases = false;
      const current = store;
      return {
        packages(branch) {
          const snapshot = current.hasBranch(branch) ? current.view.packages(branch) : undefined;
          if (!snapshot) entry.branches.add(branch);
          return snapshot;
        },
        get releases() {
          const releases = current.view.releases;
          if (!releases) entry.releases = true;
          return releases;
        },
      };
    },
    get generation() {
      return generation;
    },
    afterLint(uri) {
      const entry = lacking.get(uri);
      if (!entry) return;
      for (const branch of entry.branches) if (mayTry(branch)) loadBranch(branch);
      if (entry.releases && mayTry(RELEASES)) loadReleases();
    },
    forget(uri) {
      lacking.delete(uri);
    },
    configure(settings) {
      unavailable.clear();
      if (settings.mirror === active.mirror && settings.releasesUrl === active.releasesUrl && settings.cacheDir === active.cacheDir) {
        // Same data, other permissions: keep what is loaded (no diagnostic flickers) and refresh what is old.
        active = settings;
        store.setFetching(settings.fetch, settings.proxy);
        refreshLoaded();
        for (const uri of lacking.keys()) this.afterLint(uri);
        return;
      }
      active = settings;
      store = createStore(settings);
      inFlight.clear();
      generation++;
      dependencies.relint([...lacking.keys()]);
    },
    dispose() {
      clearInterval(refresh);
    },
  };
}

const RELEASES = 'releases.json';
