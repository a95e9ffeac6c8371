/**
 * Alpine's package index (`APKINDEX`) as a compact, read-only lookup: package name → version, description, origin,
 * licence; provided name → package names. The reader takes the index's tar bytes in chunks (the caller gunzips),
 * so a 25,000-record index is never held as one string.
 *
 * Format (apk-tools, checked 2026-12: https://wiki.alpinelinux.org/wiki/Apk_spec): `APKINDEX.tar.gz` is gzip'd tar
 * segments (a signature segment, then one with `DESCRIPTION` and `APKINDEX`); `APKINDEX` is text, one record per
 * package separated by blank lines, each line `X:value`: `P` name, `V` version, `T` description, `o` origin, `D`
 * dependencies, `p` provides (`name` or `name=version`, space separated: `so:libc.musl-x86_64.so.1=1`, `cmd:sh=…`),
 * `U` URL, `L` licence.
 */
import { compareApkVersions } from './apkVersion';
import { boundedEditDistance } from '../util/editDistance';

/** One package of an index. */
export interface ApkPackageInfo {
  readonly name: string;
  /** The newest version the index holds. */
  readonly version: string;
  /** Every version the index holds, newest first (nearly always one). */
  readonly versions: readonly string[];
  readonly description: string;
  /** The source package (aport) it was built from. */
  readonly origin: string;
  readonly license: string;
  readonly url: string;
  /** `main` or `community` (the repository the index came from). */
  readonly repository: string;
}

/** A read-only package index of one release branch (the union of its repositories). */
export class ApkIndex {
  private sortedNames: readonly string[] | undefined;

  constructor(
    private readonly packages: ReadonlyMap<string, ApkPackageInfo>,
    private readonly provided: ReadonlyMap<string, readonly string[]>,
  ) {}

  get size(): number {
    return this.packages.size;
  }

  /** The package called exactly `name`. */
  get(name: string): ApkPackageInfo | undefined {
    return this.packages.get(name);
  }

  /** Packages that list `name` in their provides (`py-pip` → `py3-pip`, `cmd:curl` → `curl`). */
  providersOf(name: string): readonly string[] {
    return this.provided.get(name) ?? [];
  }

  /** Whether `apk add name` can resolve the name: a package or something a package provides. */
  resolves(name: string): boolean {
    return this.packages.has(name) || this.provided.has(name);
  }

  /** Every package name, sorted. */
  names(): readonly string[] {
    this.sortedNames ??= [...this.packages.keys()].sort();
    return this.sortedNames;
  }

  /**
   * Package names within `maxDistance` edits (insert, delete, substitute) of `name`, nearest first, at most `limit`.
   * Linear in the index (a length filter skips most names); meant for the rare unknown package, not for every word.
   */
  nearestNames(name: string, maxDistance = 2, limit = 3): readonly string[] {
    const found: { name: string; distance: number }[] = [];
    for (const candidate of this.names()) {
      if (Math.abs(candidate.length - name.length) > maxDistance) continue;
      const distance = boundedEditDistance(name, candidate, maxDistance);
      if (distance !== undefined) found.push({ name: candidate, distance });
    }
    found.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name));
    return found.slice(0, limit).map((entry) => entry.name);
  }

  /** Joins the indexes of several repositories (`main` first: a name in two keeps the first one's entry). */
  static merge(indexes: readonly ApkIndex[]): ApkIndex {
    if (indexes.length === 1) return indexes[0];
    const packages = new Map<string, ApkPackageInfo>();
    const provided = new Map<string, string[]>();
    for (const index of indexes) {
      for (const [name, info] of index.packages) if (!packages.has(name)) packages.set(name, info);
      for (const [name, providers] of index.provided) {
        const list = provided.get(name);
        if (list) for (const provider of providers) { if (!list.includes(provider)) list.push(provider); }
        else provided.set(name, [...providers]);
      }
    }
    return new ApkIndex(packages, provided);
  }
}

/** Raised for bytes that are not a package index; the message says what was wrong. */
export class ApkIndexFormatError extends Error {}

interface Draft {
  name?: string;
  version?: string;
  description?: string;
  origin?: string;
  license?: string;
  url?: string;
  provides?: string;
}

/** Turns `APKINDEX` text, fed in pieces, into an {@link ApkIndex}. */
export class ApkIndexTextParser {
  private readonly packages = new Map<string, ApkPackageInfo>();
  private readonly provided = new Map<string, string[]>();
  private readonly decoder = new TextDecoder('utf-8');
  private pending = '';
  private draft: Draft = {};
  private records = 0;

  constructor(private readonly repository: string) {}

  /** Number of records read so far. */
  get recordCount(): number {
    return this.records;
  }

  push(bytes: Uint8Array): void {
    this.pushText(this.decoder.decode(bytes, { stream: true }));
  }

  pushText(text: string): void {
    const chunk = this.pending + text;
    let start = 0;
    for (let newline = chunk.indexOf('\n', start); newline !== -1; newline = chunk.indexOf('\n', start)) {
      this.line(chunk.slice(start, newline));
      start = newline + 1;
    }
    this.pending = chunk.slice(start);
  }

  finish(): ApkIndex {
    const rest = this.pending + this.decoder.decode();
    this.pending = '';
    if (rest !== '') this.line(rest);
    this.endRecord();
    return new ApkIndex(this.packages, this.provided);
  }

  private line(raw: string): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') {
      this.endRecord();
      return;
    }
    if (line.length < 2 || line[1] !== ':') return;
    const value = line.slice(2);
    const draft = this.draft;
    switch (line[0]) {
      case 'P': draft.name = value; break;
      case 'V': draft.version = value; break;
      case 'T': draft.description = value; break;
      case 'o': draft.origin = value; break;
      case 'L': draft.license = value; break;
      case 'U': draft.url = value; break;
      case 'p': draft.provides = value; break;
      default: break;
    }
  }

  private endRecord(): void {
    const { name, version, description, origin, license, url, provides } = this.draft;
    this.draft = {};
    if (name === undefined || name === '' || version === undefined) return;
    this.records++;
    const existing = this.packages.get(name);
    if (existing) {
      // Note: an index may carry several versions of a name; the newest describes it, all are kept as versions.
      const versions = [...existing.versions, version].sort((a, b) => compareApkVersions(b, a));
      const newest = versions[0] === version ? { description, origin, license, url } : existing;
      this.packages.set(name, {
        ...existing,
        version: versions[0],
        versions,
        description: newest.description ?? '',
        origin: newest.origin ?? name,
        license: newest.license ?? '',
        url: newest.url ?? '',
      });
    } else {
      this.packages.set(name, {
        name,
        version,
        versions: [version],
        description: description ?? '',
        origin: origin ?? name,
        license: license ?? '',
        url: url ?? '',
        repository: this.repository,
      });
    }
    if (provides === undefined) return;
    for (const entry of provides.split(' ')) {
      if (entry === '') continue;
      const equals = entry.search(/[=<>~]/);
      const provided = equals === -1 ? entry : entry.slice(0, equals);
      const list = this.provided.get(provided);
      if (!list) this.provided.set(provided, [name]);
      else if (!list.includes(name)) list.push(name);
    }
  }
}

const BLOCK = 512;
/** Note: Alpine's indexes are a few MiB; a single text member this large is not an index. */
const MAX_MEMBER_BYTES = 256 * 1024 * 1024;

/**
 * Reads the uncompressed tar stream of an `APKINDEX.tar.gz` in chunks and feeds the `APKINDEX` member to a text
 * parser. Other members (the signature, `DESCRIPTION`) are skipped. Zero blocks do not end the stream, because apk
 * concatenates tar segments without end-of-archive markers.
 */
export class ApkIndexArchiveReader {
  private readonly text: ApkIndexTextParser;
  private header = new Uint8Array(BLOCK);
  private headerFill = 0;
  /** Bytes left in the current member's data, then padding bytes to skip. */
  private dataLeft = 0;
  private paddingLeft = 0;
  private inIndex = false;
  private longName: string | undefined;
  private longNameBytes: Uint8Array[] | undefined;
  private sawIndex = false;
  private sawHeader = false;

  constructor(repository: string) {
    this.text = new ApkIndexTextParser(repository);
  }

  push(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.dataLeft > 0) {
        const take = Math.min(this.dataLeft, chunk.length - offset);
        const piece = chunk.subarray(offset, offset + take);
        if (this.inIndex) this.text.push(piece);
        else if (this.longNameBytes) this.longNameBytes.push(piece.slice());
        this.dataLeft -= take;
        offset += take;
        if (this.dataLeft === 0) this.endMember();
        continue;
      }
      if (this.paddingLeft > 0) {
        const take = Math.min(this.paddingLeft, chunk.length - offset);
        this.paddingLeft -= take;
        offset += take;
        continue;
      }
      const take = Math.min(BLOCK - this.headerFill, chunk.length - offset);
      this.header.set(chunk.subarray(offset, offset + take), this.headerFill);
      this.headerFill += take;
      offset += take;
      if (this.headerFill === BLOCK) {
        this.headerFill = 0;
        this.readHeader(this.header);
      }
    }
  }

  /** Ends the stream; throws {@link ApkIndexFormatError} when no complete `APKINDEX` member was found. */
  finish(): ApkIndex {
    if (!this.sawHeader) throw new ApkIndexFormatError('the archive holds no tar entries');
    if (this.dataLeft > 0 || this.headerFill > 0) throw new ApkIndexFormatError('the archive ends in the middle of an entry');
    if (!this.sawIndex) throw new ApkIndexFormatError('the archive has no APKINDEX file');
    return this.text.finish();
  }

  private readHeader(header: Uint8Array): void {
    if (header.every((byte) => byte === 0)) return;
    if (!verifyChecksum(header)) throw new ApkIndexFormatError('a tar header has a wrong checksum');
    this.sawHeader = true;
    const size = parseOctal(header.subarray(124, 136));
    if (size === undefined || size > MAX_MEMBER_BYTES) throw new ApkIndexFormatError('a tar entry has an invalid size');
    const type = String.fromCharCode(header[156] || 48);
    const prefix = readString(header.subarray(345, 500));
    const ownName = readString(header.subarray(0, 100));
    const name = this.longName ?? (prefix === '' ? ownName : `${prefix}/${ownName}`);
    this.longName = undefined;
    this.dataLeft = size;
    this.paddingLeft = (BLOCK - (size % BLOCK)) % BLOCK;
    this.inIndex = false;
    if (type === 'L') this.longNameBytes = [];
    else if ((type === '0' || type === '7') && name.replace(/^\.\//, '') === 'APKINDEX') {
      if (this.sawIndex) throw new ApkIndexFormatError('the archive has two APKINDEX files');
      this.inIndex = true;
      this.sawIndex = true;
    }
    if (size === 0) this.endMember();
  }

  private endMember(): void {
    if (this.longNameBytes) {
      this.longName = readString(concat(this.longNameBytes));
      this.longNameBytes = undefined;
    }
    this.inIndex = false;
  }
}

function readString(bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end === -1 ? bytes : bytes.subarray(0, end));
}

function parseOctal(bytes: Uint8Array): number | undefined {
  const text = readString(bytes).trim();
  if (!/^[0-7]+$/.test(text)) return text === '' ? 0 : undefined;
  return parseInt(text, 8);
}

function verifyChecksum(header: Uint8Array): boolean {
  const stored = parseOctal(header.subarray(148, 156));
  if (stored === undefined) return false;
  let sum = 0;
  for (let index = 0; index < BLOCK; index++) sum += index >= 148 && index < 156 ? 32 : header[index];
  return sum === stored;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((length, part) => length + part.length, 0);
  const result = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
}

/** Parses a whole uncompressed index tar at once (tests, small indexes). */
export function parseApkIndexTar(bytes: Uint8Array, repository: string): ApkIndex {
  const reader = new ApkIndexArchiveReader(repository);
  reader.push(bytes);
  return reader.finish();
}
