/**
 * Shapes of the read-only musl/Alpine knowledge tables. Pure data types: no rendering,
 * no I/O. Hovers and rule messages render these at the edge (features/hover.ts).
 */

/** A public page that backs a fact in the tables. */
export interface Reference {
  readonly title: string;
  /** Always an `https://` URL. */
  readonly url: string;
}

/** One topic of the knowledge base: a package, a binary kind, an env var or an apk flag. */
export interface KnowledgeEntry {
  /** Stable lookup key, e.g. `gcompat`, `pip-install` or `apk-flag:--no-cache`. */
  readonly key: string;
  /** Short heading. */
  readonly title: string;
  /** One line, under 100 characters, ending with a period. */
  readonly summary: string;
  /** Short Markdown (bullets allowed, no headings above `###`, no raw HTML). */
  readonly details: string;
  /** Markdown one-liners; may be empty for flag documentation. */
  readonly remedies: readonly string[];
  /** At least one https reference. */
  readonly references: readonly Reference[];
  /** The Alpine release / musl version and date the entry was checked against. */
  readonly asOf: string;
}

/** A stable Alpine branch and the end of support of its `main` repository. */
export interface AlpineRelease {
  /** Branch version without the `v` prefix, e.g. `3.22`. */
  readonly version: string;
  /** Date of the `.0` release, `YYYY-MM-DD`. */
  readonly released: string;
  /** End of support of the `main` repository, `YYYY-MM-DD`. */
  readonly endOfSupport: string;
}

/** A package name that `apk add` can no longer resolve, with what to use instead. */
export interface PackageRename {
  readonly name: string;
  readonly replacement: string;
  /** Last Alpine release known to still have `name`. */
  readonly lastRelease: string;
  /** First Alpine release known to lack `name`; releases from here on fail to resolve it. */
  readonly firstReleaseWithout: string;
  readonly note: string;
  readonly reference: Reference;
}

/**
 * A legacy name that still installs because a newer package declares it in `provides`;
 * it resolves to `providedBy`, which may differ from what the name meant originally.
 */
export interface LegacyAlias {
  readonly name: string;
  readonly providedBy: string;
  readonly note: string;
  readonly reference: Reference;
}

/** A build-time `-dev` package and the runtime package(s) that hold its shared libraries. */
export interface DevRuntimePair {
  readonly dev: string;
  /** Runtime packages; empty when nothing is needed at run time (headers only). */
  readonly runtime: readonly string[];
  /** Caveat, e.g. versioned runtime package names. */
  readonly note?: string;
  readonly reference: Reference;
}
